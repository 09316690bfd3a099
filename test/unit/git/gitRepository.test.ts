// The product never runs git; these tests use the real git only to build repositories whose index
// and ignore rules our parser must read the same way git does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitIndexError, parseGitIndex } from '../../../src/core/git/gitIndex';
import { GitRepository } from '../../../src/core/git/gitRepository';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

function write(root: string, rel: string, text = 'x\n'): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function gitTracked(root: string): string[] {
  return git(root, 'ls-files', '-z').split('\0').filter(Boolean).sort();
}

describe('git index: read without running git', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-git-'));
    git(root, 'init', '-q');
    const files = ['.env.production', 'app/src/index.ts', 'app/.env', 'deploy/prod/api.env', 'docs/a long name ü.md', 'x/y/z/deep/file.txt'];
    for (const f of files) write(root, f);
    for (let i = 0; i < 40; i++) write(root, `many/dir-${i % 7}/file-${i}.txt`);
    git(root, 'add', '-A');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const version of [2, 3, 4]) {
    it(`lists exactly the files git tracks (index version ${version})`, () => {
      git(root, 'update-index', '--index-version', String(version));
      if (version === 3) git(root, 'update-index', '--skip-worktree', 'app/.env'); // sets the extended flag
      const index = parseGitIndex(fs.readFileSync(path.join(root, '.git', 'index')));
      assert.equal(index.version, version);
      assert.deepEqual([...index.paths].sort(), gitTracked(root));
    });
  }

  it('refuses a file that is not a git index', () => {
    assert.throws(() => parseGitIndex(new TextEncoder().encode('not an index at all')), GitIndexError);
  });

  it('answers tracked/ignored per file like git check-ignore', () => {
    write(root, '.gitignore', '.env*\n!.env.example\n/build/\n*.log\n');
    write(root, 'app/.gitignore', '!keep.log\nsecret.env\n');
    fs.mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
    fs.writeFileSync(path.join(root, '.git', 'info', 'exclude'), 'local-only.env\n');
    for (const f of ['.env.local', '.env.example', 'build/.env', 'app/keep.log', 'app/other.log', 'app/secret.env', 'local-only.env', 'app/prod.env', 'nested/.env.staging']) write(root, f);

    const repo = GitRepository.find(path.join(root, 'app'));
    assert.ok(repo);
    assert.equal(repo.workTree, root);
    const candidates = ['.env.local', '.env.example', 'build/.env', 'app/keep.log', 'app/other.log', 'app/secret.env', 'local-only.env', 'app/prod.env', 'nested/.env.staging'];
    const ignoredByGit = new Set(git(root, 'check-ignore', '--no-index', ...candidates).split('\n').filter(Boolean));
    for (const rel of candidates) {
      assert.equal(repo.state(path.join(root, rel))?.ignored, ignoredByGit.has(rel), rel);
    }
    // Tracked files are in git whatever .gitignore says.
    const tracked = repo.state(path.join(root, '.env.production'));
    assert.deepEqual(tracked, { relativePath: '.env.production', tracked: true, ignored: false });
  });

  it('notices a file added to the index after the first answer (no stale cache in a long-lived editor)', () => {
    const repo = GitRepository.find(root);
    assert.ok(repo);
    write(root, '.env.new');
    assert.equal(repo.state(path.join(root, '.env.new'))?.tracked, false);
    git(root, 'add', '-f', '.env.new');
    assert.equal(repo.state(path.join(root, '.env.new'))?.tracked, true);
  });

  it('finds the repository of a linked worktree through its .git file', () => {
    git(root, 'commit', '-qm', 'init');
    const wt = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-wt-'));
    fs.rmSync(wt, { recursive: true });
    try {
      git(root, 'worktree', 'add', '-q', wt);
      const repo = GitRepository.find(path.join(wt, 'app'));
      assert.ok(repo);
      assert.equal(repo.state(path.join(wt, 'app', '.env'))?.tracked, true);
      assert.equal(repo.state(path.join(wt, 'untracked.env'))?.tracked, false);
    } finally {
      fs.rmSync(wt, { recursive: true, force: true });
    }
  });

  it('knows a folder outside any repository', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-nogit-'));
    try {
      assert.equal(GitRepository.find(outside), undefined);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
