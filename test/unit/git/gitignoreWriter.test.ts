import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addGitignorePattern, appendToGitignore, gitRmCachedCommand, unsafePatternReason, UnsafePatternError } from '../../../src/core/git/gitignoreWriter';
import { UnsafeWriteError } from '../../../src/core/fs/scopedWrite';
import { GitRepository } from '../../../src/core/git/gitRepository';

describe('.gitignore writer (the "add to .gitignore" fix)', () => {
  it('appends the pattern in the file\'s own line ending, after an optional comment', () => {
    assert.equal(addGitignorePattern('node_modules/\r\ndist/', '/.env.staging', 'Langfuse keys'), 'node_modules/\r\ndist/\r\n# Langfuse keys\r\n/.env.staging\r\n');
    assert.equal(addGitignorePattern('', '/.env'), '/.env\n');
  });

  it('leaves the file alone when the pattern is already there', () => {
    const text = 'node_modules/\n/.env.staging\n';
    assert.equal(addGitignorePattern(text, '/.env.staging'), text);
  });

  it('refuses a pattern that would add more than one line', () => {
    assert.throws(() => addGitignorePattern('', '/.env\n!secret'), /one non-empty line/);
  });

  it('makes git ignore the file, as git itself confirms', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-gi-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: root });
      fs.writeFileSync(path.join(root, '.env.staging'), 'A=1\n');
      fs.writeFileSync(path.join(root, '.gitignore'), addGitignorePattern('node_modules/\n', '/.env.staging'));
      assert.equal(execFileSync('git', ['check-ignore', '.env.staging'], { cwd: root, encoding: 'utf8' }).trim(), '.env.staging');
      assert.equal(GitRepository.find(root)?.state(path.join(root, '.env.staging'))?.ignored, true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a name with shell or git syntax or control characters instead of writing it (the issue\'s `.env.x;touch${IFS}PWNED`)', () => {
    for (const name of ['/.env.x;touch${IFS}PWNED', '/.env`id`', '/.env$(id)', '/.env|x', "/.env'x", '/.env\u001b[2J', '/.env*', '/.env\\x', '/.env ']) {
      assert.ok(unsafePatternReason(name), name);
      assert.throws(() => addGitignorePattern('', name), UnsafePatternError);
    }
    for (const name of ['/.env.staging', '/deploy/prod/app.env', '/ünïcode/.env', '/my app/.env', '/.env.prod+eu@2']) assert.equal(unsafePatternReason(name), undefined, name);
    assert.equal(gitRmCachedCommand('/my app/.env'), "git rm --cached -- 'my app/.env'");
  });

  it('on disk: never through a symbolic link (existing or dangling), and nothing outside the workspace changes', () => {
    const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-gi-')));
    try {
      const ws = path.join(home, 'vendor', 'repo');
      fs.mkdirSync(ws, { recursive: true });
      const bashrc = path.join(home, '.bashrc');
      fs.writeFileSync(bashrc, 'alias ll="ls -l"\n');
      const scope = { roots: [ws], label: 'the workspace' };
      fs.symlinkSync('../../.bashrc', path.join(ws, '.gitignore'));
      assert.throws(() => appendToGitignore(path.join(ws, '.gitignore'), '/.env.production', scope), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'symlink');
      assert.equal(fs.readFileSync(bashrc, 'utf8'), 'alias ll="ls -l"\n');
      fs.rmSync(path.join(ws, '.gitignore'));
      fs.symlinkSync(path.join(home, '.bash_aliases'), path.join(ws, '.gitignore'));
      assert.throws(() => appendToGitignore(path.join(ws, '.gitignore'), '/.env.production', scope), UnsafeWriteError);
      assert.equal(fs.existsSync(path.join(home, '.bash_aliases')), false, 'a dangling link creates nothing');
      fs.rmSync(path.join(ws, '.gitignore'));
      assert.equal(appendToGitignore(path.join(ws, '.gitignore'), '/.env.production', scope, 'Langfuse keys'), true);
      assert.equal(fs.readFileSync(path.join(ws, '.gitignore'), 'utf8'), '# Langfuse keys\n/.env.production\n');
      assert.equal(appendToGitignore(path.join(ws, '.gitignore'), '/.env.production', scope), false, 'already there');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
