import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SsoWriteError } from './errors';

/**
 * Reads a deployment file without following a symlink, refusing anything but a plain file inside
 * `root` (the workspace): a link planted in a cloned repository must not steer the write elsewhere.
 */
export function readDeploymentFileNoFollow(file: string, root: string): string {
  const abs = path.resolve(file);
  const stat = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new SsoWriteError(`${path.basename(abs)} does not exist.`);
  if (stat.isSymbolicLink()) throw new SsoWriteError(`${path.basename(abs)} is a symbolic link; the SSO assistant writes only plain files (open the file it points to instead).`);
  if (!stat.isFile()) throw new SsoWriteError(`${path.basename(abs)} is not a regular file.`);
  if (stat.nlink > 1) throw new SsoWriteError(`${path.basename(abs)} has other hard links; the SSO assistant writes only files with one name.`);
  const realRoot = fs.realpathSync(root);
  const rel = path.relative(realRoot, path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs)));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new SsoWriteError(`${path.basename(abs)} is outside ${realRoot}; the SSO assistant writes only inside it.`);
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces the file with `newText` when it still holds `expectedText` (check-and-set against an
 * editor or a second run): temp file beside it (O_EXCL), same mode, fsync, rename. The rename
 * replaces the directory entry itself, so even a link swapped in meanwhile is replaced, not followed.
 */
export function writeDeploymentFileNoFollow(file: string, root: string, expectedText: string, newText: string): void {
  const abs = path.resolve(file);
  const current = readDeploymentFileNoFollow(abs, root);
  if (current !== expectedText) throw new SsoWriteError(`${path.basename(abs)} changed since it was read; nothing was written. Run the assistant again.`);
  const mode = fs.lstatSync(abs).mode & 0o777;
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW, mode);
  try {
    fs.writeSync(fd, Buffer.from(newText, 'utf8'));
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, abs);
  } catch (err) {
    try { fs.closeSync(fd); } catch { /* already closed */ }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
