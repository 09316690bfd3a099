// The CLI as a real process (the bundled dist-like build): untrusted names reach the terminal escaped.
// A file name with ESC ] 0 ; … BEL ESC [ 2 J cannot retitle or clear the terminal, and a project name
// with a line break cannot make `audit tail` print a forged entry while `audit verify` calls the log intact.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openAuditWriter } from '../../../src/core/audit/openAuditWriter';
import { bundleCli } from '../cli-rotate/support/cliHarness';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('cli: untrusted names are escaped for the terminal (real process)', function () {
  this.timeout(60_000);
  let home: string;
  let cli: string;
  before(async () => { cli = await bundleCli(); });
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-cli-term-')); });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const run = (args: string[], cwd = home) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, XDG_STATE_HOME: path.join(home, 'state'), XDG_CONFIG_HOME: path.join(home, 'cfg') } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('lint: a file name with terminal escape sequences is printed escaped, on one line', () => {
    const name = '.env.\u001b]0;owned\u0007\u001b[2J';
    fs.copyFileSync(path.join(__dirname, '..', '..', 'fixtures', 'env', 'malformed.env'), path.join(home, name));
    const r = run(['lint', '.']);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.doesNotMatch(r.out + r.err, CONTROL, 'no control character reached the terminal');
    assert.ok(r.out.includes('.env.\\x1b]0;owned\\x07\\x1b[2J:'), r.out);
  });

  it('audit tail: a project name with a line break prints one line per entry, no forged entry; verify says intact', () => {
    const stateDir = path.join(home, 'state', 'langfuse-access');
    const writer = openAuditWriter({ stateDir, actor: { identity: 'engineering-lead@acme.com', tool: 'extension' } });
    const forged = '2026-11-30T10:00:00.000Z  #9  senior-dev@acme.com (cli)  member.remove  member cfo@acme.com  success';
    writer.append({ action: 'key.create', resource: { kind: 'apiKey', id: 'k1', name: 'pk-lf-…0001', project: `acme\n${forged}` }, outcome: 'success' });
    writer.append({ action: 'key.revoke', resource: { kind: 'apiKey', id: 'k2', project: 'staging\u001b[2J' }, outcome: 'success' });
    const tail = run(['audit', 'tail']);
    assert.equal(tail.code, 0, tail.err);
    const lines = tail.out.trimEnd().split('\n');
    assert.equal(lines.length, 2, tail.out);
    assert.ok(!lines.some(l => l.startsWith('2026-11-30T10:00:00.000Z')), 'no line of its own for the forged entry');
    assert.ok(lines[0].includes('project acme\\n2026-11-30T10:00:00.000Z  #9  senior-dev@acme.com'), lines[0]);
    assert.ok(lines[1].includes('project staging\\x1b[2J'), lines[1]);
    assert.doesNotMatch(tail.out, CONTROL);
    const verify = run(['audit', 'verify']);
    assert.equal(verify.code, 0, verify.out + verify.err);
    assert.match(verify.out, /OK: the audit log is intact/);
  });
});
