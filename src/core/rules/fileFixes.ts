// The .env quick fixes that write a workspace file: record an "ignore" in the access file, add the
// file to .gitignore. A fix's arguments come from a command and are not trusted: the access file must
// be the one covering the .env file, the .gitignore that of its own repository, and every write stays
// inside the workspace (core/fs/scopedWrite.ts). Both answer with the words to show, never by throwing.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { findAccessFile } from '../access/accessLocator';
import { recordIgnoreEntry } from '../access/recordIgnoreEntry';
import { scopeFor, UnsafeWriteError } from '../fs/scopedWrite';
import { appendToGitignore, gitRmCachedCommand, UnsafePatternError } from '../git/gitignoreWriter';
import { GitRepository } from '../git/gitRepository';
import type { Fix } from './finding';

/** `recorded`: what the audit entry of a done fix holds (the reason given). */
export type FixOutcome = { done: string; recorded?: Record<string, string> } | { refusal: string } | { cancelled: true };

/** Records `{ file, rule, reason }` under `ignore:` of the access file covering `envFile`, after asking why. */
export async function applyIgnoreFix(envFile: string, fix: Extract<Fix, { kind: 'ignoreFinding' }>, ctx: {
  workspaceRoots: readonly string[]; stateDir: string; askReason(): Promise<string | undefined>;
}): Promise<FixOutcome> {
  const accessFile = findAccessFile(path.dirname(envFile));
  const inWorkspace = ctx.workspaceRoots.some(root => !path.relative(root, envFile).startsWith('..'));
  if (!inWorkspace || !accessFile || path.resolve(accessFile) !== path.resolve(fix.accessFile)) {
    return { refusal: l10n.t('Not recorded: {0} is not the access file of {1} in this workspace.', fix.accessFile, envFile) };
  }
  const reason = (await ctx.askReason())?.trim();
  if (!reason) return { cancelled: true };
  try {
    // Locked read-modify-write: another window or the CLI may be recording an entry at the same time.
    await recordIgnoreEntry(fix.accessFile, { file: fix.file, rule: fix.rule, reason }, { stateDir: ctx.stateDir, tool: 'extension', scope: scopeFor(fix.accessFile, ctx.workspaceRoots) });
  } catch (err) {
    if (!(err instanceof UnsafeWriteError)) throw err;
    return { refusal: l10n.t('Not recorded: {0}', err.message) };
  }
  return { done: l10n.t('Ignoring "{0}" for {1}: recorded with your reason in {2}.', fix.rule, fix.file, path.relative(path.dirname(path.dirname(fix.accessFile)), fix.accessFile)), recorded: { reason } };
}

/**
 * Appends the file's pattern to the .gitignore of its repository — only that one, never through a
 * symbolic link, and only inside the workspace folder or the repository around it (a monorepo
 * opened at a package).
 */
export function applyGitignoreFix(envFile: string, fix: Extract<Fix, { kind: 'addToGitignore' }>, folder: { path: string; name: string } | undefined): FixOutcome {
  const repo = folder && GitRepository.find(envFile);
  const expected = repo && path.join(repo.workTree, '.gitignore');
  if (!folder || !repo || path.resolve(fix.gitignorePath) !== expected || repo.relativePath(envFile) === undefined) {
    return { refusal: l10n.t('Not changed: {0} is not the .gitignore of the repository holding {1} in this workspace.', fix.gitignorePath, envFile) };
  }
  try {
    appendToGitignore(expected, fix.pattern, { roots: [folder.path, repo.workTree], label: l10n.t('the workspace folder {0} and its repository', folder.name) }, 'Langfuse keys (added by Langfuse Access)');
  } catch (err) {
    if (!(err instanceof UnsafeWriteError) && !(err instanceof UnsafePatternError)) throw err;
    return { refusal: l10n.t('Not changed: {0}', (err as Error).message) };
  }
  return {
    done: fix.alsoUntrack
      ? l10n.t('Added {0} to .gitignore. The file is still tracked by git: run "{1}" and rotate the key, since it is in the history.', fix.pattern, gitRmCachedCommand(fix.pattern))
      : l10n.t('Added {0} to .gitignore: git ignores the file now.', fix.pattern),
  };
}
