// Writes into files a workspace (or a user's chosen folder) holds, so that a cloned repository cannot
// aim them elsewhere. A tracked `.gitignore` that is a symlink to `../../home/you/.bashrc`, or a dangling
// one to `.bash_aliases`, would otherwise get the tool's line appended in the user's shell start-up file.
// Every write here:
//   - refuses a target that is a symbolic link (dangling or not) or not a regular file;
//   - refuses a target whose folder's REAL path (symlinked folders resolved) is outside the scope;
//   - reads with O_NOFOLLOW and writes a temp file (O_CREAT|O_EXCL|O_NOFOLLOW) in that same real folder,
//     then renames it over the target: rename replaces a directory entry and never follows a link, so a
//     link swapped in after the check is replaced, not written through.
// Not covered: another local user racing to swap a parent folder for a link between the check and the
// rename (that user could write the file directly anyway).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { fsyncDir, writeTempFileSync } from '../state/atomicWrite';

export interface WriteScope {
  /** Folders a write may change; a target's real folder must be inside one of their real paths. */
  roots: readonly string[];
  /** Names the scope in a refusal: "the workspace", "the folder /home/me/app". */
  label: string;
}

export type UnsafeWriteReason = 'symlink' | 'outside' | 'not-a-file';

/** A write refused before anything was changed; the message says why and what to do. */
export class UnsafeWriteError extends Error {
  override readonly name = 'UnsafeWriteError';
  constructor(readonly file: string, readonly reason: UnsafeWriteReason, message: string) {
    super(message);
  }
}

function within(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realRoots(scope: WriteScope): string[] {
  return scope.roots.flatMap(r => { try { return [fs.realpathSync(r)]; } catch { return []; } });
}

/** Where `file` may be written in `scope`: its real folder and the final path. Throws UnsafeWriteError otherwise. */
export function checkWriteTarget(file: string, scope: WriteScope): { dir: string; target: string; stat?: fs.Stats } {
  const abs = path.resolve(file);
  if (!scope.roots.some(r => within(path.resolve(r), abs))) {
    throw new UnsafeWriteError(abs, 'outside', l10n.t('{0} is outside {1}: not written.', abs, scope.label));
  }
  const dir = fs.realpathSync(path.dirname(abs));
  if (!realRoots(scope).some(r => within(r, dir))) {
    throw new UnsafeWriteError(abs, 'outside', l10n.t('{0} lies in {1} once symbolic links are followed, which is outside {2}: not written.', abs, dir, scope.label));
  }
  const target = path.join(dir, path.basename(abs));
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    let to: string | undefined;
    try { to = fs.readlinkSync(target); } catch { /* unreadable link: still refused */ }
    throw new UnsafeWriteError(abs, 'symlink', to === undefined
      ? l10n.t('{0} is a symbolic link: refused, because writing through it would change a file the workspace does not own. Replace the link with a regular file to let this tool edit it.', abs)
      : l10n.t('{0} is a symbolic link to {1}: refused, because writing through it would change a file the workspace does not own. Replace the link with a regular file to let this tool edit it.', abs, to));
  }
  if (stat && !stat.isFile()) throw new UnsafeWriteError(abs, 'not-a-file', l10n.t('{0} is not a regular file: not written.', abs));
  return { dir, target, stat };
}

/** Reads a file without following a symbolic link at its name; undefined when it does not exist. */
export function readFileNoFollow(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new UnsafeWriteError(path.resolve(file), 'symlink', l10n.t('{0} is a symbolic link: refused (not followed).', path.resolve(file)));
    throw err;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new UnsafeWriteError(path.resolve(file), 'not-a-file', l10n.t('{0} is not a regular file.', path.resolve(file)));
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates the missing folders of `dir` one by one, each checked to be inside the scope after the links above it. */
export function ensureDirInScope(dir: string, scope: WriteScope): void {
  const abs = path.resolve(dir);
  if (fs.existsSync(abs)) { checkWriteTarget(path.join(abs, '.probe'), scope); return; }
  ensureDirInScope(path.dirname(abs), scope);
  checkWriteTarget(abs, scope);
  fs.mkdirSync(abs);
}

/**
 * Replaces (or creates) `file` with `data` inside `scope`: checked as above, atomically (temp file and
 * rename in the same real folder), keeping an existing file's mode (0600 for a new file unless given).
 * Returns the real path written.
 */
export function writeFileInScope(file: string, data: string | Buffer, scope: WriteScope, options: { mode?: number } = {}): string {
  const { dir, target, stat } = checkWriteTarget(file, scope);
  const mode = options.mode ?? (stat ? stat.mode & 0o777 : 0o600);
  const tmp = writeTempFileSync(dir, path.basename(target), data, mode);
  try {
    // Checked again right before the rename: a link that appeared since is refused rather than replaced silently.
    checkWriteTarget(target, scope);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
  return target;
}

/** The scope for a file a user named outside any workspace: its own folder (a link may not lead out of it). */
export function folderScope(file: string): WriteScope {
  const dir = path.dirname(path.resolve(file));
  return { roots: [dir], label: l10n.t('the folder {0}', dir) };
}

/** The scope for a file: the workspace roots when it is inside one of them, else its own folder. */
export function scopeFor(file: string, workspaceRoots: readonly string[], label = l10n.t('the workspace')): WriteScope {
  const abs = path.resolve(file);
  return workspaceRoots.some(r => within(path.resolve(r), abs)) ? { roots: workspaceRoots, label } : folderScope(abs);
}
