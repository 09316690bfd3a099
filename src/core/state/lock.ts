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
 * A cross-process lock: a file holding its owner, created atomically. A lock whose owner process
 * is gone (same host) is stale and taken over, so a kill -9 never wedges the state folder.
 */
export function acquireLockSync(file: string, options: LockOptions): HeldLock {
  const deadline = Date.now() + (options.waitMs ?? 5000);
  const owner: LockOwner = { tool: options.tool, pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose: options.purpose };
  let delay = 1;
  for (;;) {
    try {
      createWithContent(file, JSON.stringify(owner));
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
    // Released between our attempt and this read: try again at once rather than report a phantom holder.
    if (!holder && !fs.existsSync(file)) continue;
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

/**
 * Makes `file` appear with its content in one step: the owner is written to a private temp file that
 * is then hard-linked into place (link fails with EEXIST if the lock is taken). A plain O_EXCL create
 * followed by a write left an empty lock file for 2 s whenever a process was killed in between (found
 * by the reliability suite's kill -9 runs). Filesystems without hard links fall back to O_EXCL.
 */
function createWithContent(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600);
    try { fs.writeSync(fd, content); } finally { fs.closeSync(fd); }
  } finally {
    fs.rmSync(tmp, { force: true });
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
