import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/command';
import { command } from '../../../src/cli/commands/audit';
import { tmpDir, writeDemoLog } from '../audit/helpers';
import { makeTestPki } from '../audit/tlsFixtures';

interface Run { code: number; out: string; err: string }

function setup(count = 6): { env: Record<string, string>; logFile: string; configDir: string } {
  const root = tmpDir('lfa-cli-audit-');
  const stateDir = path.join(root, 'state', 'langfuse-access');
  const w = writeDemoLog(count, 100, stateDir);
  const configDir = path.join(root, 'config', 'langfuse-access');
  fs.mkdirSync(configDir, { recursive: true });
  return { env: { XDG_STATE_HOME: path.join(root, 'state'), XDG_CONFIG_HOME: path.join(root, 'config') }, logFile: w.file, configDir };
}

async function audit(env: Record<string, string>, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  try {
    const code = await command.run({ out: t => { out += t; }, err: t => { err += t; }, env, cwd: tmpDir() }, args);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: e.message };
  }
}

describe('cli: langfuse-access audit', function () {
  this.timeout(20_000);

  it('verify: exit 0 on an intact log and shows the signing key; exit 1 naming the tampered line', async () => {
    const { env, logFile } = setup(6);
    assert.equal((await audit(env, 'checkpoint')).code, 0);
    const ok = await audit(env, 'verify');
    assert.equal(ok.code, 0);
    assert.match(ok.out, /7 entries, 1 signed checkpoint/);
    assert.match(ok.out, /checkpoint key [0-9a-f]{16} \(Ed25519 public key [A-Za-z0-9+/]{43}=\)/);
    assert.match(ok.out, /OK: the audit log is intact/);
    const lines = fs.readFileSync(logFile, 'utf8').split('\n');
    lines[2] = lines[2].replace('"outcome":"success"', '"outcome":"failure"');
    fs.writeFileSync(logFile, lines.join('\n'));
    const bad = await audit(env, 'verify');
    assert.equal(bad.code, 1);
    assert.match(bad.out, /line 3: edited: line 3 \(seq 3\) was changed after it was written/);
    const json = JSON.parse((await audit(env, 'verify', '--format', 'json')).out);
    assert.equal(json.ok, false);
    assert.equal(json.problems[0].line, 3);
  });

  it('verify --trust flags checkpoints signed with another key', async () => {
    const { env } = setup(3);
    await audit(env, 'checkpoint');
    const r = await audit(env, 'verify', '--trust', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    assert.equal(r.code, 1);
    assert.match(r.out, /untrusted-key/);
  });

  it('export: JSON Lines and CSV for a date range, oldest first', async () => {
    const { env } = setup(6); // 09:00 … 09:05 on 2026-11-01
    const jsonl = await audit(env, 'export', '--format', 'jsonl', '--since', '2026-11-01T09:01:00Z', '--until', '2026-11-01T09:04:00Z');
    assert.deepEqual(jsonl.out.trim().split('\n').map(l => JSON.parse(l).seq), [2, 3, 4]);
    const csv = await audit(env, 'export', '--format', 'csv', '--until', '2026-11-01');
    assert.equal(csv.out.trim().split('\n').length, 7, 'a date-only --until includes that day');
    assert.match(csv.out, /^seq,time,actor,/);
    assert.equal((await audit(env, 'export', '--format', 'csv', '--until', '2026-10-31')).out.trim().split('\n').length, 1, 'header only when nothing is in range');
    assert.equal((await audit(env, 'export', '--format', 'xml')).code, 2);
    assert.equal((await audit(env, 'export', '--format', 'csv', '--since', 'yesterday')).code, 2);
  });

  it('tail: the last n entries matching the filters, oldest of them first', async () => {
    const { env } = setup(9);
    const r = await audit(env, 'tail', '-n', '2', '--project', 'staging-chatbot');
    assert.deepEqual(r.out.trim().split('\n').map(l => /#(\d+)/.exec(l)![1]), ['5', '8']);
    assert.match(r.out, /senior-dev@acme\.com \(test\) {2}projectMembership\.set {2}apiKey key-7 project staging-chatbot {2}success/);
    const json = await audit(env, 'tail', '--actor', 'data-lead@acme.com', '--json');
    assert.deepEqual(json.out.trim().split('\n').map(l => JSON.parse(l).seq), [3, 6, 9]);
  });

  it('forward: reads the endpoint from the CLI config and the token from the environment', async () => {
    const { env, configDir } = setup(4);
    const pki = makeTestPki();
    fs.writeFileSync(path.join(configDir, 'siem-ca.pem'), pki.ca);
    const seen: { auth?: string; count: number }[] = [];
    const server = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
      let body = '';
      req.on('data', c => { body += c; });
      req.on('end', () => { seen.push({ auth: req.headers.authorization, count: JSON.parse(body).entries.length }); res.writeHead(200).end(); });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      assert.equal((await audit(env, 'forward')).code, 2, 'no config file: usage error');
      fs.writeFileSync(path.join(configDir, 'audit-forwarding.yaml'), `siem:\n  url: https://127.0.0.1:${(server.address() as AddressInfo).port}/audit\n  caFile: siem-ca.pem\n`);
      const r = await audit({ ...env, LANGFUSE_ACCESS_SIEM_TOKEN: 'cli-token-canary' }, 'forward');
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /sent 4, pending 0/);
      assert.deepEqual(seen, [{ auth: 'Bearer cli-token-canary', count: 4 }]);
      assert.doesNotMatch(r.out + r.err, /cli-token-canary/);
      fs.writeFileSync(path.join(configDir, 'audit-forwarding.yaml'), 'siem:\n  url: http://siem.acme.com/audit\n');
      const insecure = await audit(env, 'forward');
      assert.equal(insecure.code, 2);
      assert.match(insecure.err, /only https:\/\/ is allowed/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    }
  });

  it('exits 2 on an unknown subcommand or flag', async () => {
    const { env } = setup(1);
    assert.equal((await audit(env)).code, 2);
    assert.equal((await audit(env, 'shred')).code, 2);
    assert.equal((await audit(env, 'tail', '--everything')).code, 2);
    assert.equal((await audit(env, 'tail', '-n', '0')).code, 2);
  });
});
