import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SSO_FIXTURES = path.resolve(__dirname, '../../fixtures/sso');

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(SSO_FIXTURES, rel), 'utf8');
}

export const diskReader = (f: string): string | undefined => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } };

/** A temp folder holding copies of fixtures; with `git`, a repository ignoring `ignored`. */
export function workspace(files: Record<string, string>, git?: { ignored: string[] }): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-sso-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (git) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    fs.writeFileSync(path.join(dir, '.gitignore'), git.ignored.join('\n') + '\n');
  }
  return dir;
}

/** The new text is the old one with exactly one contiguous insertion: nothing else changed. */
export function assertOnlyInserted(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  assert.equal(start + end, before.length, 'every byte of the original file is kept, in order');
  return after.slice(start, after.length - end);
}
