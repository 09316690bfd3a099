import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateFiles } from '../names';

/** Whether the state folder holds any rotation journal: a cheap look before loading the rotation engine. */
export function hasRotationJournals(stateDir: string): boolean {
  try { return fs.readdirSync(path.join(stateDir, StateFiles.rotationsDir)).some(f => f.endsWith('.json')); } catch { return false; }
}

/** Calls `fn` once calls have stopped for `ms` (e.g. rebuilding the key index after a burst of tree refreshes). */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
