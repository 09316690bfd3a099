// Issue 14 item 11: text output folds the per-secret pair-unverified infos into one summary line;
// --verbose lists them; JSON and SARIF keep every finding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { command } from '../../../src/cli/commands/lint';

const ACME = path.join(__dirname, '..', '..', 'fixtures', 'workspace-acme');

async function lint(cwd: string, ...args: string[]): Promise<string> {
  let out = '';
  await command.run({ out: t => { out += t; }, err: () => undefined, env: { XDG_CONFIG_HOME: path.join(cwd, '.no-config') }, cwd }, args);
  return out;
}

describe('cli: lint folds pair-unverified', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-fold-')); fs.cpSync(ACME, dir, { recursive: true }); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one summary line in text, every finding with --verbose, JSON and SARIF', async () => {
    const text = await lint(dir);
    assert.doesNotMatch(text, /^\S+:\d+:\d+ {2}info {5}pair-unverified/m);
    assert.match(text, /^3 key pairs in 3 files cannot be checked offline \(pair-unverified, info: .*\); run with --online .*, or --verbose to list them\.$/m);
    assert.match(text, /3 files checked: 1 error, 2 warnings, 3 info\.\n$/, 'the counts still include them');
    const verbose = await lint(dir, '--verbose');
    assert.equal(verbose.match(/^\S+:\d+:\d+ {2}info {5}pair-unverified/gm)?.length, 3);
    assert.doesNotMatch(verbose, /cannot be checked offline \(pair-unverified, info/);
    const json = JSON.parse(await lint(dir, '--format', 'json'));
    assert.equal(json.findings.filter((f: { code: string }) => f.code === 'pair-unverified').length, 3);
    const sarif = JSON.parse(await lint(dir, '--format', 'sarif'));
    assert.equal(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'pair-unverified').length, 3);
  });
});
