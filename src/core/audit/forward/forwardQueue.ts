import * as path from 'node:path';
import { redactText } from '../../log/redact';
import type { Logger } from '../../log/logger';
import { acquireLock, LockBusyError } from '../../state/lock';
import { ensurePrivateDir } from '../../state/stateDir';
import type { AuditEntry } from '../entry';
import type { RetryPolicy } from './backoff';
import { backoffDelay, DEFAULT_RETRY, sleep } from './backoff';
import type { ForwardCursor } from './cursor';
import { cursorFile, readCursor, writeCursor } from './cursor';
import { ChainDivergedError, pendingEntries } from './pending';

export type SendResult = { ok: true } | { ok: false; retryable: boolean; message: string; retryAfterMs?: number };

export interface ForwardOptions {
  /** The audit log (audit.jsonl) and the state folder holding cursors. */
  file: string;
  stateDir: string;
  /** A stable name of the destination (its URL or host:port): one cursor each. */
  destination: string;
  batchSize?: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  log?: Logger;
}

export interface ForwardResult {
  destination: string;
  /** Entries acknowledged in this run. */
  sent: number;
  /** Entries still queued (the destination was down, refused, or the run was stopped). */
  pending: number;
  cursor: ForwardCursor | undefined;
  /** Why the run stopped early; never contains a token. */
  error?: string;
  /** Another process (window or CLI) is forwarding to this destination right now. */
  busy?: boolean;
}

/**
 * Sends everything after the destination's cursor, batch by batch, oldest first. The log itself is
 * the durable queue: the cursor moves (atomically) only after a batch is acknowledged, so a crash
 * or an unreachable destination loses nothing, and the next run resumes where it stopped. A crash
 * between acknowledgement and cursor write resends that one batch; every entry carries its `hash`
 * as a unique id so receivers can drop the repeat.
 */
export async function forwardPending(options: ForwardOptions, send: (entries: AuditEntry[]) => Promise<SendResult>): Promise<ForwardResult> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const batchSize = options.batchSize ?? 100;
  const lockFile = `${cursorFile(options.stateDir, options.destination)}.lock`;
  ensurePrivateDir(path.dirname(lockFile));
  let lock;
  try {
    lock = await acquireLock(lockFile, { tool: 'audit-forward', purpose: `forwarding to ${options.destination}`, waitMs: 0 });
  } catch (err) {
    if (!(err instanceof LockBusyError)) throw err;
    return { destination: options.destination, sent: 0, pending: countPending(options, readCursor(options.stateDir, options.destination)), cursor: readCursor(options.stateDir, options.destination), busy: true };
  }
  let cursor = readCursor(options.stateDir, options.destination);
  let sent = 0;
  try {
    for (;;) {
      let batch: AuditEntry[];
      try {
        batch = pendingEntries(options.file, cursor, batchSize);
      } catch (err) {
        if (err instanceof ChainDivergedError) return { destination: options.destination, sent, pending: 0, cursor, error: err.message };
        throw err;
      }
      if (batch.length === 0) return { destination: options.destination, sent, pending: 0, cursor };
      for (let attempt = 0; ; attempt++) {
        let result: SendResult;
        try {
          result = await send(batch);
        } catch (err) {
          result = { ok: false, retryable: true, message: err instanceof Error ? err.message : String(err) };
        }
        if (result.ok) break;
        const message = redactText(result.message);
        if (!result.retryable || attempt + 1 >= retry.maxAttempts || options.signal?.aborted) {
          return { destination: options.destination, sent, pending: countPending(options, cursor), cursor, error: message };
        }
        const delay = backoffDelay(retry, attempt, result.retryAfterMs);
        options.log?.warn(`audit forwarding to ${options.destination} failed (${message}); retry ${attempt + 2}/${retry.maxAttempts} in ${Math.round(delay)} ms`);
        try {
          await sleep(delay, options.signal);
        } catch {
          return { destination: options.destination, sent, pending: countPending(options, cursor), cursor, error: 'stopped' };
        }
      }
      const last = batch[batch.length - 1];
      cursor = { seq: last.seq, hash: last.hash, destination: options.destination, updated: new Date().toISOString() };
      writeCursor(options.stateDir, cursor);
      sent += batch.length;
    }
  } finally {
    lock.release();
  }
}

function countPending(options: ForwardOptions, cursor: ForwardCursor | undefined): number {
  try {
    return pendingEntries(options.file, cursor, Number.MAX_SAFE_INTEGER).length;
  } catch {
    return 0;
  }
}
