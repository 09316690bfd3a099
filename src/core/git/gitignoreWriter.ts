// The "add to .gitignore" fix: appends one pattern to a .gitignore text, keeping its line endings,
// and does nothing when the exact pattern is already there.

export function addGitignorePattern(gitignoreText: string, pattern: string, comment?: string): string {
  if (!pattern.trim() || /[\r\n]/.test(pattern)) throw new Error('A .gitignore pattern is one non-empty line.');
  const eol = gitignoreText.includes('\r\n') ? '\r\n' : '\n';
  const lines = gitignoreText.split(/\r?\n/).map(l => l.trim());
  if (lines.includes(pattern.trim())) return gitignoreText;
  const sep = gitignoreText.length > 0 && !gitignoreText.endsWith('\n') ? eol : '';
  const note = comment ? `# ${comment.replace(/[\r\n]+/g, ' ')}${eol}` : '';
  return `${gitignoreText}${sep}${note}${pattern}${eol}`;
}
