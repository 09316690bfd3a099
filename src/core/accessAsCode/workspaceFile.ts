// The access file a command works on: `--file PATH`, else the nearest `.langfuse/access.yaml` above
// the working folder. Read without following a symbolic link (a cloned repository's access file
// cannot be a link to somewhere else), validated, and turned into what planning needs.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { parseAccessFile } from '../access/accessFile';
import { findAccessFile } from '../access/accessLocator';
import { ACCESS_DIR, ACCESS_FILE_NAME } from '../access/accessSchema';
import { readFileNoFollow } from '../fs/scopedWrite';
import type { AccessWorkspace } from './accessPlanner';
import { declaresAccess } from './declaration';

/** A problem with the access file itself (missing, invalid, declares nothing): the user fixes the file. */
export class AccessFileError extends Error {
  override readonly name = 'AccessFileError';
  /** The file's problems, one per entry (`file:line:col: message`), for an edge to print one per line. */
  constructor(message: string, readonly problems: string[] = []) {
    super(message);
  }
}

export function accessFilePath(cwd: string, file: string | undefined): string {
  if (file) return path.resolve(cwd, file);
  const found = findAccessFile(cwd);
  if (!found) throw new AccessFileError(l10n.t('No {0} here or in a folder above {1}. Write one with "langfuse-access export", or name it with --file.', `${ACCESS_DIR}/${ACCESS_FILE_NAME}`, cwd));
  return found;
}

/** Where export writes: the given file, the nearest access file, or a new one in the working folder. */
export function exportTarget(cwd: string, file: string | undefined): string {
  if (file) return path.resolve(cwd, file);
  return findAccessFile(cwd) ?? path.join(cwd, ACCESS_DIR, ACCESS_FILE_NAME);
}

export function loadAccessWorkspace(file: string, options: Omit<AccessWorkspace, 'file'> & { requireDeclaration?: boolean }): AccessWorkspace {
  let text: string | undefined;
  try {
    text = readFileNoFollow(file);
  } catch (err) {
    throw new AccessFileError((err as Error).message);
  }
  if (text === undefined) throw new AccessFileError(l10n.t('{0} does not exist.', file));
  return accessWorkspaceFromText(file, text, options);
}

/** The same from a text the caller holds (the editor's unsaved document). */
export function accessWorkspaceFromText(file: string, text: string, options: Omit<AccessWorkspace, 'file'> & { requireDeclaration?: boolean }): AccessWorkspace {
  const rootDir = path.dirname(path.dirname(file));
  const loaded = parseAccessFile(text, file, rootDir);
  if (!loaded.config) {
    const problems = loaded.problems.map(p => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    throw new AccessFileError(l10n.t('{0} is not valid; fix it first ({1} problem(s)).', file, problems.length), problems);
  }
  if (options.requireDeclaration !== false && !declaresAccess(loaded.config)) {
    throw new AccessFileError(l10n.t('{0} declares no access (no "organization:" or "projects:" section). Write the live state into it with "langfuse-access export", then edit it.', file));
  }
  return { file: { path: file, text, rootDir, config: loaded.config }, stores: options.stores, defaultMaxAgeDays: options.defaultMaxAgeDays };
}
