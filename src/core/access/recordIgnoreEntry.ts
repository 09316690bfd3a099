// "Ignore this finding" on disk: read the access file, add the entry, write it back atomically —
// under a lock in the state folder, so two windows and the CLI recording at once never lose an
// entry (a plain read-modify-write loses all but the last writer's: the reliability suite's
// concurrency part shows it).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateFiles } from '../names';
import { writeFileAtomicSync } from '../state/atomicWrite';
import { acquireLock } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';
import type { AccessIgnoreEntry } from './accessSchema';
import { addIgnoreEntry } from './ignoreWriter';

export async function recordIgnoreEntry(accessFile: string, entry: AccessIgnoreEntry, options: { stateDir: string; tool: string; waitMs?: number }): Promise<void> {
  const target = path.resolve(accessFile);
  const id = crypto.createHash('sha256').update(target).digest('hex').slice(0, 16);
  const lockFile = path.join(ensurePrivateDir(path.join(options.stateDir, StateFiles.locksDir)), `access-${id}.lock`);
  const held = await acquireLock(lockFile, { tool: options.tool, purpose: `recording an ignored finding in ${target}`, waitMs: options.waitMs ?? 10_000 });
  try {
    // Re-read under the lock: the file as it is now, with every entry written before us.
    writeFileAtomicSync(target, addIgnoreEntry(fs.readFileSync(target, 'utf8'), entry));
  } finally {
    held.release();
  }
}
