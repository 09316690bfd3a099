import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { l10n } from '../l10n/l10n';
import { HASH_FIELD_FROM_END, HASH_FROM_END, MIN_LINE_LENGTH, PREV_END_FROM_END, PREV_FROM_END } from './lineLayout';
import { CancelledError, throwIfCancelled, type Work } from '../flow/work';
import { streamLinesAsync } from './lineStream';
import { ChainVerifier } from './verify';
import type { AuditVerifyReport, VerifyOptions } from './verifyReport';

/** Below this size one thread is fast enough and starting workers would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

// The per-line hash check of verify.ts for one byte range, as plain JavaScript: a worker started from
// source needs no bundled file, so it works the same from the extension bundle, the CLI and tests.
// It answers with the byte offsets of lines whose own hash does not match (empty for an intact log).
// The byte positions are lineLayout.ts's, written into the source.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { file, start, end } = workerData;
const fd = fs.openSync(file, 'r');
const CHUNK = 8 * 1024 * 1024;
const chunk = Buffer.allocUnsafe(CHUNK);
let scratch = Buffer.allocUnsafe(65536);
const bad = [];
let pos = start, lineStart = start, carry;
function check(b, s, e, off) {
  const len = e - s;
  if (len < ${MIN_LINE_LENGTH}) { bad.push(off); return; }
  const bodyLen = len - ${HASH_FIELD_FROM_END};
  if (scratch.length < bodyLen + 66) scratch = Buffer.allocUnsafe(bodyLen * 2 + 66);
  b.copy(scratch, 0, e - ${PREV_FROM_END}, e - ${PREV_END_FROM_END});
  scratch[64] = 10;
  b.copy(scratch, 65, s, s + bodyLen);
  scratch[65 + bodyLen] = 0x7d;
  if (crypto.hash('sha256', scratch.subarray(0, 66 + bodyLen)) !== b.toString('latin1', e - ${HASH_FROM_END}, e - 2)) bad.push(off);
}
while (pos < end) {
  const n = fs.readSync(fd, chunk, 0, Math.min(CHUNK, end - pos), pos);
  if (n === 0) break;
  pos += n;
  const buf = carry ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
  let s = 0, nl;
  while ((nl = buf.indexOf(10, s)) !== -1) { check(buf, s, nl, lineStart); lineStart += nl - s + 1; s = nl + 1; }
  carry = s < buf.length ? Buffer.from(buf.subarray(s)) : undefined;
}
if (carry) check(carry, 0, carry.length, lineStart);
fs.closeSync(fd);
parentPort.postMessage(bad);
`;

/** Byte offsets that start lines, splitting the file into `parts` ranges of about equal size. */
function splitPoints(file: string, size: number, parts: number): number[] {
  const points = [0];
  const fd = fs.openSync(file, 'r');
  try {
    const probe = Buffer.allocUnsafe(64 * 1024);
    for (let i = 1; i < parts; i++) {
      let at = Math.floor((size * i) / parts);
      for (;;) {
        const n = fs.readSync(fd, probe, 0, probe.length, at);
        if (n === 0) { at = size; break; }
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl >= 0) { at += nl + 1; break; }
        at += n;
      }
      if (at > points[points.length - 1] && at < size) points.push(at);
    }
  } finally {
    fs.closeSync(fd);
  }
  return points;
}

function hashRange(file: string, start: number, end: number, signal?: AbortSignal): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, start, end } });
    const stop = () => { reject(new CancelledError()); void worker.terminate(); };
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.once('message', (bad: number[]) => { settle(); resolve(bad); });
    worker.once('error', err => { settle(); reject(err); });
    worker.once('exit', code => { settle(); if (code !== 0) reject(new Error(l10n.t('hash worker exited with {0}', code))); });
  });
}

/**
 * The same report as `verifyAuditLog`, without blocking the thread: the file is read asynchronously
 * in chunks, reporting bytes read, and stops with CancelledError once `work.signal` aborts.
 */
export async function verifyAuditLogAsync(file: string, options: VerifyOptions = {}, work: Work = {}): Promise<AuditVerifyReport> {
  const verifier = new ChainVerifier(file, options);
  await streamLinesAsync(file, (b, s, e, unterminated) => verifier.line(b, s, e, unterminated), work);
  return verifier.finish();
}

/**
 * The same report as `verifyAuditLog`, faster on large logs with a spare core: worker threads (one
 * per spare core) check every line's own hash over byte ranges while this thread checks links, seq
 * order and checkpoints, reading asynchronously (see verifyAuditLogAsync). If any line's hash
 * does not match, the single-threaded verifier runs again to describe exactly what changed.
 */
export async function verifyAuditLogParallel(file: string, options: VerifyOptions = {},
  tuning: { workers?: number; minBytes?: number } = {}, work: Work = {}): Promise<AuditVerifyReport> {
  const workers = tuning.workers ?? Math.max(1, Math.min(4, os.availableParallelism() - 1));
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return verifyAuditLogAsync(file, options, work);
  }
  if (size < (tuning.minBytes ?? PARALLEL_MIN_BYTES) || (tuning.workers === undefined && os.availableParallelism() < 2)) return verifyAuditLogAsync(file, options, work);
  const points = splitPoints(file, size, workers);
  const inner = new AbortController();
  const signal = work.signal ? AbortSignal.any([work.signal, inner.signal]) : inner.signal;
  const jobs = points.map((start, i) => hashRange(file, start, points[i + 1] ?? size, signal));
  jobs.forEach(j => j.catch(() => undefined)); // awaited below; a rejection before then is not unhandled
  const verifier = new ChainVerifier(file, options);
  verifier.trustHashes = true;
  try {
    await streamLinesAsync(file, (b, s, e, unterminated) => verifier.line(b, s, e, unterminated), { signal: work.signal, onProgress: work.onProgress });
  } catch (err) {
    inner.abort();
    throw err;
  }
  let bad: number[][];
  try {
    bad = await Promise.all(jobs);
  } catch {
    throwIfCancelled(work.signal);
    return verifyAuditLogAsync(file, options, work);
  }
  return bad.some(list => list.length > 0) ? verifyAuditLogAsync(file, options, work) : verifier.finish();
}
