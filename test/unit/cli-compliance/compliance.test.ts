import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/command';
import { command } from '../../../src/cli/commands/compliance';
import { writeDemoLog } from '../audit/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/deployment');
const ROOT = path.resolve(__dirname, '../../..');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // In-process like src/cli/main.ts does it (a usage error is exit 2); the last test runs the real binary.
  try {
    const code = await command.run({ out: t => { out += t; }, err: t => { err += t; }, env: {}, cwd: FIXTURES }, args);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: e.message };
  }
}

describe('cli: langfuse-access compliance', () => {
  it('prints the report and exits 1 when findings reach --fail-on (default warning)', async () => {
    const r = await run('langfuse-v3/docker-compose.yml');
    assert.equal(r.code, 1);
    assert.match(r.out, /^FAIL {7}Data encryption: ENCRYPTION_KEY/m);
    assert.match(r.out, /langfuse-v3\/docker-compose\.yml:14:24 {2}error {4}encryption-key-placeholder/);
  });

  it('exits 0 when nothing reaches the level, and honours --fail-on info', async () => {
    const ok = await run('hardened/docker-compose.yml');
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /PASS {7}Authentication: Password login disabled/);
    assert.equal((await run('hardened/docker-compose.yml', '--fail-on', 'info')).code, 1, 'the SSO callback note is info');
    assert.equal((await run('langfuse-v3/docker-compose.yml', '--fail-on', 'error')).code, 1);
  });

  it('writes JSON, Markdown and SARIF to stdout', async () => {
    const json = JSON.parse((await run('helm/values-chart-1x.yaml', '--format', 'json')).out);
    assert.deepEqual(json.files, ['helm/values-chart-1x.yaml']);
    assert.equal(json.requirements.find((r: { id: string }) => r.id === 'sso-provider').status, 'pass');
    assert.match((await run('helm/values-chart-0x.yaml', '--format', 'markdown')).out, /\| Session security \| NEXTAUTH_SECRET set and not a placeholder \| FAIL \|/);
    const sarif = JSON.parse((await run('server/langfuse-server.env', '--format', 'sarif')).out);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'salt-placeholder'));
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run()).code, 2);
    assert.equal((await run('x.yml', '--format', 'xml')).code, 2);
    assert.equal((await run('x.yml', '--fail-on', 'fatal')).code, 2);
  });

  it('runs as a real process with the same exit code and never prints a secret from .env', async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>(resolve => {
      execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'compliance', 'hardened/docker-compose.yml', 'hardening/docker-compose.yml', '--format', 'json'],
        { cwd: FIXTURES }, (error, out) => resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, stdout: out }));
    });
    assert.equal(code, 1);
    assert.ok(JSON.parse(stdout).findings.length > 0);
    assert.doesNotMatch(stdout, /demo-okta-secret-not-real|demo-client-secret-not-real|q0mYb1m3Wm0V9yQ6/);
  });
});

describe('cli: langfuse-access compliance --audit-log', () => {
  it('adds the audit trail row from this machine\'s verified audit log', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-cc-'));
    const w = writeDemoLog(3, 2, path.join(root, 'langfuse-access'));
    let out = '';
    const io = { out: (t: string) => { out += t; }, err: () => undefined, env: { XDG_STATE_HOME: root }, cwd: FIXTURES };
    assert.equal(await command.run(io, ['hardened/docker-compose.yml', '--audit-log']), 0);
    assert.match(out, /PASS {7}Audit trail: Access changes logged, hash-chained and signed/);
    fs.writeFileSync(w.file, fs.readFileSync(w.file, 'utf8').replace('"outcome":"success"', '"outcome":"failure"'));
    out = '';
    assert.equal(await command.run(io, ['hardened/docker-compose.yml', '--audit-log']), 1);
    assert.match(out, /FAIL {7}Audit trail/);
  });
});
