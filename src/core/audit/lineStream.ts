import * as fs from 'node:fs';
import { throwIfCancelled, type Work } from '../flow/work';

const CHUNK = 8 * 1024 * 1024;

/** Calls `onLine` for every line of the file (without its newline), reading it in large chunks. */
export function streamLines(file: string, onLine: (b: Buffer, start: number, end: number, unterminated: boolean) => void): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let carry: Buffer | undefined;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      carry = emitLines(carry, chunk.subarray(0, n), onLine);
    }
    if (carry) onLine(carry, 0, carry.length, true);
  } finally {
    fs.closeSync(fd);
  }
}

/** Smaller than CHUNK: between two reads the thread is free for other work (an editor stays responsive). */
const ASYNC_CHUNK = 1024 * 1024;

/**
 * streamLines without blocking the thread: each chunk is read asynchronously, so a large log is
 * checked between other work. Reports bytes read; stops with CancelledError once `signal` aborts.
 */
export async function streamLinesAsync(file: string, onLine: (b: Buffer, start: number, end: number, unterminated: boolean) => void, work: Work = {}): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    const total = (await handle.stat()).size;
    const chunk = Buffer.allocUnsafe(ASYNC_CHUNK);
    let carry: Buffer | undefined;
    let read = 0;
    for (;;) {
      throwIfCancelled(work.signal);
      const { bytesRead: n } = await handle.read(chunk, 0, ASYNC_CHUNK, null);
      if (n === 0) break;
      read += n;
      carry = emitLines(carry, chunk.subarray(0, n), onLine);
      work.onProgress?.({ done: Math.min(read, total), total });
    }
    if (carry) onLine(carry, 0, carry.length, true);
  } finally {
    await handle.close();
  }
}

/** Hands every complete line of `carry + bytes` to `onLine`; returns the unterminated rest (copied). */
function emitLines(carry: Buffer | undefined, bytes: Buffer, onLine: (b: Buffer, start: number, end: number, unterminated: boolean) => void): Buffer | undefined {
  const buf = carry ? Buffer.concat([carry, bytes]) : bytes;
  let start = 0;
  let nl: number;
  while ((nl = buf.indexOf(10, start)) !== -1) {
    onLine(buf, start, nl, false);
    start = nl + 1;
  }
  return start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
}
