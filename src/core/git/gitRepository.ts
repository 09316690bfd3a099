// Answers "is this file tracked by git, and does git ignore it?" by reading `.git/index`,
// `.gitignore` files and `.git/info/exclude` directly — never by spawning git (see gitIndex.ts).
// Not read: the user's global core.excludesFile (reading it would mean parsing git config);
// a file ignored only there is reported as not ignored, which errs on the side of warning.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { GitIndex } from './gitIndex';
import { isTrackedPath, parseGitIndex } from './gitIndex';

export interface GitFileState {
  /** Path relative to the work tree, forward slashes. */
  relativePath: string;
  tracked: boolean;
  /** Matched by ignore rules and not tracked (a tracked file stays in git whatever .gitignore says). */
  ignored: boolean;
}

export class GitRepository {
  private index: GitIndex | undefined;
  /** mtime and size of the index file the cached paths came from: `git add` elsewhere is noticed. */
  private indexStamp = '';
  private readonly ignoreFiles = new Map<string, Ignore | null>();

  private constructor(readonly workTree: string, readonly gitDir: string, readonly commonDir: string) {}

  /** The repository containing `startPath` (a file or folder), or undefined outside any repository. */
  static find(startPath: string): GitRepository | undefined {
    let dir = path.resolve(startPath);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
    for (;;) {
      const dotGit = path.join(dir, '.git');
      const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
      if (stat?.isDirectory()) return new GitRepository(dir, dotGit, dotGit);
      if (stat?.isFile()) {
        // Worktrees and submodules: `.git` is a file "gitdir: <path>".
        const match = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
        if (match) {
          const gitDir = path.resolve(dir, match[1]);
          const commonFile = path.join(gitDir, 'commondir');
          const commonDir = fs.existsSync(commonFile) ? path.resolve(gitDir, fs.readFileSync(commonFile, 'utf8').trim()) : gitDir;
          return new GitRepository(dir, gitDir, commonDir);
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  relativePath(filePath: string): string | undefined {
    const rel = path.relative(this.workTree, path.resolve(filePath));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  state(filePath: string): GitFileState | undefined {
    const rel = this.relativePath(filePath);
    if (rel === undefined) return undefined;
    const tracked = isTrackedPath(this.loadIndex(), rel);
    return { relativePath: rel, tracked, ignored: !tracked && this.isIgnored(rel) };
  }

  /** gitignore semantics: a file inside an ignored folder is ignored; deeper files override shallower ones. */
  isIgnored(relativePath: string): boolean {
    const parts = relativePath.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.matches(parts.slice(0, i), true)) return true;
    }
    return this.matches(parts, false);
  }

  private matches(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    const apply = (ig: Ignore | null, rel: string): void => {
      if (!ig) return;
      const r = ig.test(isDir ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    };
    apply(this.rules(path.join(this.commonDir, 'info', 'exclude')), parts.join('/'));
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth);
      apply(this.rules(path.join(this.workTree, ...base, '.gitignore')), parts.slice(depth).join('/'));
    }
    return ignored;
  }

  private rules(file: string): Ignore | null {
    if (this.ignoreFiles.has(file)) return this.ignoreFiles.get(file) ?? null;
    let rules: Ignore | null = null;
    try {
      rules = ignore().add(fs.readFileSync(file, 'utf8'));
    } catch {
      rules = null; // no such file: no rules at this level
    }
    this.ignoreFiles.set(file, rules);
    return rules;
  }

  private loadIndex(): GitIndex {
    const file = path.join(this.gitDir, 'index');
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : 'none';
    if (!this.index || stamp !== this.indexStamp) {
      // A fresh repository has no index yet: nothing is tracked.
      this.index = stat ? parseGitIndex(fs.readFileSync(file)) : { version: 2, paths: new Set(), sparseDirectories: [] };
      this.indexStamp = stamp;
    }
    return this.index;
  }
}
