import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Who holds a lock: written into the lock file so others can say "held by the CLI (pid 123)". */
export interface LockOwner {
  tool: string;
  pid: number;
  host: string;
  since: string;
  purpose?: string;
}

export class LockBusyError extends Error {
  constructor(readonly lockFile: string, readonly owner: LockOwner | undefined) {
    super(owner
      ? `${path.basename(lockFile)} is held by ${owner.tool} (pid ${owner.pid} on ${owner.host}) since ${owner.since}${owner.purpose ? ` for ${owner.purpose}` : ''}`
      : `${path.basename(lockFile)} is held by another process`);
    this.name = 'LockBusyError';
  }
}

export interface LockOptions {
  tool: string;
  purpose?: string;
  /** How long to keep trying before giving up; 0 = try once. */
  waitMs?: number;
}

export interface HeldLock {
  readonly file: string;
  release(): void;
}

/**
 * A cross-process lock: a file created with O_EXCL holding its owner. A lock whose owner process
 * is gone (same host) is stale and taken over, so a kill -9 never wedges the state folder.
 */
export function acquireLockSync(file: string, options: LockOptions): HeldLock {
  const deadline = Date.now() + (options.waitMs ?? 5000);
  const owner: LockOwner = { tool: options.tool, pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose: options.purpose };
  let delay = 1;
  for (;;) {
    try {
      const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600);
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          const current = readLockOwner(file);
          if (current && current.pid === owner.pid && current.since === owner.since) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLockOwner(file);
    if (isStale(holder, file)) {
      // Take over atomically: rename the stale file away first, so two takers cannot both win.
      const aside = `${file}.stale-${process.pid}-${Date.now()}`;
      try { fs.renameSync(file, aside); fs.rmSync(aside, { force: true }); } catch { /* someone else took it */ }
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(file, holder);
    sleepSync(delay);
    delay = Math.min(delay * 2, 50);
  }
}

export async function withLock<T>(file: string, options: LockOptions, fn: () => Promise<T> | T): Promise<T> {
  const held = await acquireLock(file, options);
  try {
    return await fn();
  } finally {
    held.release();
  }
}

/** Async variant: waits without blocking the event loop. */
export async function acquireLock(file: string, options: LockOptions): Promise<HeldLock> {
  const deadline = Date.now() + (options.waitMs ?? 5000);
  let delay = 2;
  for (;;) {
    try {
      return acquireLockSync(file, { ...options, waitMs: 0 });
    } catch (err) {
      if (!(err instanceof LockBusyError) || Date.now() >= deadline) throw err;
    }
    await new Promise(resolve => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 100);
  }
}

export function readLockOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isStale(owner: LockOwner | undefined, file: string): boolean {
  if (!owner) {
    // Unreadable: a writer may be between open and write. Only stale if it stays that way.
    try { return Date.now() - fs.statSync(file).mtimeMs > 2000; } catch { return false; }
  }
  if (owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const sleepBuffer = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleepBuffer, 0, 0, ms);
}
