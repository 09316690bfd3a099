// The "add to .gitignore" fix: appends one pattern to a .gitignore text, keeping its line endings,
// and does nothing when the exact pattern is already there. On disk (appendToGitignore) the file is
// read and written without following links and only inside its scope (core/fs/scopedWrite.ts).
import { readFileNoFollow, writeFileInScope, type WriteScope } from '../fs/scopedWrite';
import { l10n } from '../l10n/l10n';

/**
 * Characters a pattern may hold: letters and digits of any script, and `. _ - / + @ % = , : ~` and space.
 * Everything else is refused rather than escaped: control characters and line breaks (a second line would
 * be a pattern of the attacker's), gitignore's own syntax (`* ? [ ] \ !` `#`), and shell syntax
 * (`` ` $ ; & | < > ( ) { } ' " ``), because the fix also tells the user to run `git rm --cached <it>`.
 */
const SAFE_PATTERN = /^[\p{L}\p{N}._\-/+@%=,:~ ]+$/u;

/** A pattern refused before anything was written; the message says why and what to do instead. */
export class UnsafePatternError extends Error {
  override readonly name = 'UnsafePatternError';
}

/** Why `pattern` cannot be written, or undefined when it can. */
export function unsafePatternReason(pattern: string): string | undefined {
  if (!pattern.trim()) return l10n.t('A .gitignore pattern is one non-empty line.');
  const odd = [...new Set([...pattern].filter(ch => !SAFE_PATTERN.test(ch)))];
  if (odd.length) {
    const shown = odd.map(ch => JSON.stringify(ch).slice(1, -1) || ch).join(' ');
    return l10n.t('The name holds characters that git or a shell would interpret ({0}); add it to .gitignore by hand after checking the file name.', shown);
  }
  if (pattern.endsWith(' ')) return l10n.t('The name ends with a space, which .gitignore drops; add it by hand (escape the space with a backslash).');
  return undefined;
}

export function addGitignorePattern(gitignoreText: string, pattern: string, comment?: string): string {
  if (/[\r\n]/.test(pattern)) throw new UnsafePatternError(l10n.t('A .gitignore pattern is one non-empty line.'));
  const unsafe = unsafePatternReason(pattern);
  if (unsafe) throw new UnsafePatternError(unsafe);
  const eol = gitignoreText.includes('\r\n') ? '\r\n' : '\n';
  const lines = gitignoreText.split(/\r?\n/).map(l => l.trim());
  if (lines.includes(pattern.trim())) return gitignoreText;
  const sep = gitignoreText.length > 0 && !gitignoreText.endsWith('\n') ? eol : '';
  const note = comment ? `# ${comment.replace(/[\r\n]+/g, ' ')}${eol}` : '';
  return `${gitignoreText}${sep}${note}${pattern}${eol}`;
}

/** Adds `pattern` to the .gitignore at `gitignorePath` (created when missing) within `scope`; false when it was already there. */
export function appendToGitignore(gitignorePath: string, pattern: string, scope: WriteScope, comment?: string): boolean {
  const current = readFileNoFollow(gitignorePath) ?? '';
  const next = addGitignorePattern(current, pattern, comment);
  if (next === current) return false;
  writeFileInScope(gitignorePath, next, scope, { mode: 0o644 });
  return true;
}

/** The command to untrack a file, quoted for a POSIX shell (the pattern is already limited to safe characters). */
export function gitRmCachedCommand(relativePath: string): string {
  return `git rm --cached -- '${relativePath.replace(/^\//, '').replace(/'/g, `'\\''`)}'`;
}
