import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for the new file; default keeps the old file's mode, or 0600 for a new file. */
  mode?: number;
}

/**
 * Replaces `file` with `data` atomically: temp file in the same folder (O_EXCL), fsync, rename,
 * fsync of the folder. A symlink is followed so the link itself is kept. Readers see the old or
 * the new content, never a torn file.
 */
export function writeFileAtomicSync(file: string, data: string | Buffer, options: AtomicWriteOptions = {}): void {
  const target = resolveLink(file);
  const dir = path.dirname(target);
  let mode = options.mode;
  if (mode === undefined) {
    try { mode = fs.statSync(target).mode & 0o777; } catch { mode = 0o600; }
  }
  const tmp = writeTempFileSync(dir, path.basename(target), data, mode);
  try {
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
}

/**
 * Writes `data` to a new `.<name>.<hex>.tmp` in `dir` (O_CREAT|O_EXCL|O_NOFOLLOW: never an existing file or
 * a link), with `mode`, synced to disk; returns its path. Removed again if the write fails.
 */
export function writeTempFileSync(dir: string, name: string, data: string | Buffer, mode: number): string {
  const tmp = path.join(dir, `.${name}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW, mode);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return tmp;
}

function resolveLink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // does not exist yet
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
