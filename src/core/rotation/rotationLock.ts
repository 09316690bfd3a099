// One lock per rotated key in `<stateDir>/locks/`, shared by every VS Code window and the CLI, so
// two of them never rotate the same key at once. The lock lives only while a process works on the
// rotation; a killed process leaves a stale lock that the next run takes over (see state/lock.ts).
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { StateFiles } from '../names';
import { acquireLockSync, LockBusyError, type HeldLock } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';
import { l10n } from '../l10n/l10n';
import { RotationBusyError, toolLabel } from './errors';

export function rotationLockFile(stateDir: string, publicKey: string): string {
  const digest = crypto.createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
  return path.join(stateDir, StateFiles.locksDir, `rotation-${digest}.lock`);
}

export function acquireRotationLock(stateDir: string, publicKey: string, tool: string, rotationId: string): HeldLock {
  const file = rotationLockFile(stateDir, publicKey);
  ensurePrivateDir(path.dirname(file));
  try {
    return acquireLockSync(file, { tool, purpose: `rotation ${rotationId} of ${publicKey}`, waitMs: 0 });
  } catch (err) {
    if (!(err instanceof LockBusyError)) throw err;
    const owner = err.owner;
    const facts = { tool: owner?.tool ?? 'unknown', pid: owner?.pid };
    if (!owner) throw new RotationBusyError(facts, l10n.t('{0} is being rotated right now by another process. Wait for it to finish, or continue it there.', publicKey));
    throw new RotationBusyError(facts, owner.purpose
      ? l10n.t('{0} is being rotated right now by {1} (pid {2} on {3}, since {4}) — {5}. Wait for it to finish, or continue it there.', publicKey, toolLabel(owner.tool), owner.pid, owner.host, owner.since, owner.purpose)
      : l10n.t('{0} is being rotated right now by {1} (pid {2} on {3}, since {4}). Wait for it to finish, or continue it there.', publicKey, toolLabel(owner.tool), owner.pid, owner.host, owner.since));
  }
}
