// Issue 14 item 11: `audit verify` with no audit log says there is none; it fails when a log was
// expected (a signing key or a forwarding cursor outlived it), so a deleted log never passes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../../../src/cli/commands/audit';
import { writeCursor } from '../../../src/core/audit/forward/cursor';
import { tmpDir, writeDemoLog } from '../audit/helpers';

async function audit(stateHome: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await command.run({ out: t => { out += t; }, err: () => undefined, env: { XDG_STATE_HOME: stateHome }, cwd: stateHome }, args);
  return { code, out };
}

describe('cli: audit verify without an audit log', () => {
  it('a fresh machine: "nothing recorded yet", exit 0, and `audit checkpoint` creates no signing key', async () => {
    const home = tmpDir();
    const r = await audit(home, 'verify');
    assert.equal(r.code, 0);
    assert.match(r.out, /no audit log yet — nothing has been recorded on this machine/);
    assert.doesNotMatch(r.out, /intact/);
    assert.match((await audit(home, 'checkpoint')).out, /nothing to sign: no audit log yet/);
    assert.equal(fs.existsSync(path.join(home, 'langfuse-access', 'audit-signing-key.pem')), false);
    assert.equal((await audit(home, 'verify')).code, 0, 'still nothing expected');
  });

  it('a deleted log where a signing key remains: MISSING, exit 1 (text and JSON)', async () => {
    const home = tmpDir();
    const w = writeDemoLog(6, 5, path.join(home, 'langfuse-access'));
    assert.equal((await audit(home, 'verify')).code, 0, 'intact before');
    fs.rmSync(w.file);
    const r = await audit(home, 'verify');
    assert.equal(r.code, 1);
    assert.match(r.out, /MISSING\. This machine recorded changes before — the checkpoint signing key audit-signing-key\.pem/);
    const json = JSON.parse((await audit(home, 'verify', '--format', 'json')).out);
    assert.deepEqual([json.ok, json.present, json.expectedBecause.length], [false, false, 1]);
    fs.writeFileSync(w.file, '');
    assert.equal((await audit(home, 'verify')).code, 1, 'an emptied log fails the same way');
  });

  it('a deleted log where only a forwarding cursor remains: exit 1; a named --log that does not exist: exit 1', async () => {
    const home = tmpDir();
    writeCursor(path.join(home, 'langfuse-access'), { seq: 3, hash: 'ab'.repeat(32), destination: 'siem https://siem.acme.com', updated: '2026-11-01T09:00:00.000Z' });
    const r = await audit(home, 'verify');
    assert.equal(r.code, 1);
    assert.match(r.out, /1 forwarding cursor in audit-forward\//);
    const named = await audit(home, 'verify', '--log', 'elsewhere.jsonl');
    assert.equal(named.code, 1);
    assert.match(named.out, /no audit log there/);
  });
});
