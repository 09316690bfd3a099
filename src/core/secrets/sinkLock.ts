import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireLock, LockBusyError, type HeldLock } from '../state/lock';
import { l10n } from '../l10n/l10n';
import { SinkConflictError } from './errors';
import { fsSinkError } from './fsErrors';

export interface SinkLockOptions {
  /** Folder for lock files: the state folder's `locks/`, shared by the extension and the CLI. */
  lockDir: string;
  tool?: string;
  waitMs?: number;
}

/** Serialises this tool's writers of one location (a file path, a pass entry) across processes. */
export async function withSinkLock<T>(target: string, location: string, options: SinkLockOptions, fn: () => T | Promise<T>): Promise<T> {
  const name = `sink-${crypto.createHash('sha256').update(location).digest('hex').slice(0, 16)}.lock`;
  try { fs.mkdirSync(options.lockDir, { recursive: true, mode: 0o700 }); } catch (err) { throw fsSinkError(target, path.join(options.lockDir, name), err, 'write'); }
  let held: HeldLock;
  try {
    held = await acquireLock(path.join(options.lockDir, name), { tool: options.tool ?? 'langfuse-access', purpose: `writing ${location}`, waitMs: options.waitMs ?? 10000 });
  } catch (err) {
    if (err instanceof LockBusyError) throw new SinkConflictError(target, err.message, l10n.t('Wait for the other writer to finish, then try again'));
    throw fsSinkError(target, path.join(options.lockDir, name), err, 'write');
  }
  try {
    return await fn();
  } finally {
    held.release();
  }
}
