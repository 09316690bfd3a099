// One lock per access file in the state folder, for every read-modify-write of it (an ignored
// finding recorded, an export written, a live value taken into the file): two windows and the CLI
// writing at once never lose each other's edits (the reliability suite's concurrency part shows a
// plain read-modify-write does).
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { StateFiles } from '../names';
import { acquireLock } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';

export async function withAccessFileLock<T>(accessFile: string, options: { stateDir: string; tool: string; purpose: string; waitMs?: number }, fn: () => T | Promise<T>): Promise<T> {
  const id = crypto.createHash('sha256').update(path.resolve(accessFile)).digest('hex').slice(0, 16);
  const lockFile = path.join(ensurePrivateDir(path.join(options.stateDir, StateFiles.locksDir)), `access-${id}.lock`);
  const held = await acquireLock(lockFile, { tool: options.tool, purpose: options.purpose, waitMs: options.waitMs ?? 10_000 });
  try {
    return await fn();
  } finally {
    held.release();
  }
}
