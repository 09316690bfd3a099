import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addGitignorePattern } from '../../../src/core/git/gitignoreWriter';
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
});
