// core/fs/scopedWrite.ts on the real filesystem: what a cloned repository's symbolic links can no longer reach.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWriteTarget, ensureDirInScope, readFileNoFollow, scopeFor, UnsafeWriteError, writeFileInScope, type WriteScope } from '../../../src/core/fs/scopedWrite';

describe('core/fs: writes that stay inside their scope', () => {
  let home: string;
  let ws: string;
  let victim: string;
  let scope: WriteScope;
  beforeEach(() => {
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-scope-')));
    ws = path.join(home, 'work', 'cloned-repo');
    fs.mkdirSync(ws, { recursive: true });
    victim = path.join(home, '.bashrc');
    fs.writeFileSync(victim, 'export PS1="$ "\n');
    scope = { roots: [ws], label: 'the workspace' };
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const refused = (fn: () => unknown, reason: string) => assert.throws(fn, (e: unknown) => e instanceof UnsafeWriteError && e.reason === reason);

  it('refuses a target that is a symbolic link out of the workspace, and the file it points to is unchanged', () => {
    fs.symlinkSync('../../.bashrc', path.join(ws, '.gitignore'));
    const before = fs.readFileSync(victim, 'utf8');
    refused(() => writeFileInScope(path.join(ws, '.gitignore'), '/.env\n', scope), 'symlink');
    assert.equal(fs.readFileSync(victim, 'utf8'), before);
    assert.ok(fs.lstatSync(path.join(ws, '.gitignore')).isSymbolicLink(), 'the link itself is left as it was');
    assert.deepEqual(fs.readdirSync(ws), ['.gitignore'], 'no temporary file is left behind');
  });

  it('refuses a dangling link (it would create a file where it points), and a link inside the workspace too', () => {
    fs.symlinkSync(path.join(home, '.bash_aliases'), path.join(ws, '.gitignore'));
    refused(() => writeFileInScope(path.join(ws, '.gitignore'), 'x', scope), 'symlink');
    assert.equal(fs.existsSync(path.join(home, '.bash_aliases')), false);
    fs.writeFileSync(path.join(ws, 'real'), 'a');
    fs.symlinkSync('real', path.join(ws, 'link'));
    refused(() => writeFileInScope(path.join(ws, 'link'), 'b', scope), 'symlink');
  });

  it('refuses a path outside the scope, also when a folder on the way is a link that leads out', () => {
    refused(() => writeFileInScope(path.join(home, 'x'), 'x', scope), 'outside');
    fs.symlinkSync(home, path.join(ws, '.langfuse'));
    refused(() => writeFileInScope(path.join(ws, '.langfuse', '.bashrc'), 'x', scope), 'outside');
    refused(() => ensureDirInScope(path.join(ws, '.langfuse', 'sub'), scope), 'outside');
    assert.equal(fs.existsSync(path.join(home, 'sub')), false);
  });

  it('follows a folder link that stays inside the workspace, and writes atomically keeping the file\'s mode', () => {
    fs.mkdirSync(path.join(ws, 'config'));
    fs.symlinkSync('config', path.join(ws, 'conf'));
    fs.writeFileSync(path.join(ws, 'config', 'a.env'), 'A=1\n', { mode: 0o640 });
    fs.chmodSync(path.join(ws, 'config', 'a.env'), 0o640);
    const written = writeFileInScope(path.join(ws, 'conf', 'a.env'), 'A=2\n', scope);
    assert.equal(written, path.join(ws, 'config', 'a.env'));
    assert.equal(fs.readFileSync(written, 'utf8'), 'A=2\n');
    assert.equal(fs.statSync(written).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(ws, 'config')), ['a.env']);
    assert.equal(fs.statSync(writeFileInScope(path.join(ws, 'new.env'), 'x', scope)).mode & 0o777, 0o600, 'a new file is 0600 by default');
  });

  it('creates missing folders one by one, each checked', () => {
    ensureDirInScope(path.join(ws, '.langfuse', 'deep'), scope);
    assert.ok(fs.statSync(path.join(ws, '.langfuse', 'deep')).isDirectory());
  });

  it('a link swapped in after the check is caught before the rename', () => {
    const file = path.join(ws, '.gitignore');
    fs.writeFileSync(file, 'a\n');
    checkWriteTarget(file, scope);
    fs.rmSync(file);
    fs.symlinkSync(victim, file);
    refused(() => writeFileInScope(file, 'b\n', scope), 'symlink');
    assert.match(fs.readFileSync(victim, 'utf8'), /PS1/);
  });

  it('reads without following a link', () => {
    fs.symlinkSync(victim, path.join(ws, '.gitignore'));
    refused(() => readFileNoFollow(path.join(ws, '.gitignore')), 'symlink');
    assert.equal(readFileNoFollow(path.join(ws, 'missing')), undefined);
    fs.writeFileSync(path.join(ws, 'plain'), 'text');
    assert.equal(readFileNoFollow(path.join(ws, 'plain')), 'text');
  });

  it('scopeFor: the workspace for a file in it, else the named file\'s own folder', () => {
    assert.deepEqual(scopeFor(path.join(ws, 'a', '.env'), [ws]).roots, [ws]);
    assert.deepEqual(scopeFor(path.join(home, 'elsewhere', '.env'), [ws]).roots, [path.join(home, 'elsewhere')]);
  });
});
