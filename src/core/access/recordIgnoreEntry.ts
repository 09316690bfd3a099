// "Ignore this finding" on disk: read the access file, add the entry, write it back atomically —
// under a lock in the state folder, so two windows and the CLI recording at once never lose an
// entry (a plain read-modify-write loses all but the last writer's: the reliability suite's
// concurrency part shows it). The access file is read and written without following links, and only
// inside its scope (by default the folder holding `.langfuse/`): see core/fs/scopedWrite.ts.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { StateFiles } from '../names';
import { readFileNoFollow, writeFileInScope, type WriteScope } from '../fs/scopedWrite';
import { acquireLock } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';
import type { AccessIgnoreEntry } from './accessSchema';
import { addIgnoreEntry } from './ignoreWriter';

/** The lock every writer of one access file takes (ignore entries, a rotation's publicKeys edit). */
export function accessFileLock(locksDir: string, accessFile: string): string {
  return path.join(locksDir, `access-${crypto.createHash('sha256').update(path.resolve(accessFile)).digest('hex').slice(0, 16)}.lock`);
}

export async function recordIgnoreEntry(accessFile: string, entry: AccessIgnoreEntry, options: { stateDir: string; tool: string; waitMs?: number; scope?: WriteScope }): Promise<void> {
  const target = path.resolve(accessFile);
  const root = path.dirname(path.dirname(target));
  const scope = options.scope ?? { roots: [root], label: `the repository folder ${root}` };
  const lockFile = accessFileLock(ensurePrivateDir(path.join(options.stateDir, StateFiles.locksDir)), target);
  const held = await acquireLock(lockFile, { tool: options.tool, purpose: `recording an ignored finding in ${target}`, waitMs: options.waitMs ?? 10_000 });
  try {
    // Re-read under the lock: the file as it is now, with every entry written before us.
    const text = readFileNoFollow(target);
    if (text === undefined) throw Object.assign(new Error(`${target} does not exist`), { code: 'ENOENT' });
    writeFileInScope(target, addIgnoreEntry(text, entry), scope);
  } finally {
    held.release();
  }
}
