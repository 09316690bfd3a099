import * as os from 'node:os';
import { Agent, request } from 'undici';
import { TOOL_NAME, TOOL_VERSION } from '../../names';
import { l10n } from '../../l10n/l10n';
import type { AuditEntry } from '../entry';
import { parseRetryAfter } from './backoff';
import { checkSiemUrl } from './forwardConfig';
import type { ForwardOptions, ForwardResult, SendResult } from './forwardQueue';
import { forwardPending } from './forwardQueue';

export interface SiemOptions extends Omit<ForwardOptions, 'destination'> {
  url: string;
  /** Bearer token (SecretStorage in the extension, LANGFUSE_ACCESS_SIEM_TOKEN in the CLI). */
  token?: string;
  /** Extra CA certificates (PEM) to trust for the SIEM's TLS certificate. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * The body of one batch: JSON with the entries oldest first. `batch.id` is stable for the same
 * entries, and each entry's `hash` is unique, so a receiver can drop a batch it already has.
 */
export function siemBatchBody(entries: AuditEntry[]): string {
  const first = entries[0];
  const last = entries[entries.length - 1];
  return JSON.stringify({
    source: TOOL_NAME, version: 1, host: os.hostname(),
    batch: { id: `${first.seq}-${last.seq}-${last.hash.slice(0, 16)}`, firstSeq: first.seq, lastSeq: last.seq, count: entries.length },
    entries,
  });
}

/** Forwards the audit log to a SIEM over HTTPS in JSON batches (see forwardPending for the guarantees). */
export async function forwardToSiem(options: SiemOptions): Promise<ForwardResult> {
  const url = checkSiemUrl(options.url);
  const agent = new Agent({ connect: options.ca ? { ca: options.ca } : {}, headersTimeout: options.timeoutMs ?? 30_000, bodyTimeout: options.timeoutMs ?? 30_000 });
  try {
    return await forwardPending({ ...options, destination: url.href }, async entries => sendBatch(url, entries, options.token, agent, options.timeoutMs ?? 30_000));
  } finally {
    await agent.close();
  }
}

async function sendBatch(url: URL, entries: AuditEntry[], token: string | undefined, agent: Agent, timeoutMs: number): Promise<SendResult> {
  const body = siemBatchBody(entries);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': `${TOOL_NAME}/${TOOL_VERSION}`,
    'idempotency-key': `${entries[0].seq}-${entries[entries.length - 1].seq}-${entries[entries.length - 1].hash.slice(0, 16)}`,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  // undici's request() never follows redirects, so the token cannot reach another host.
  // The agent's timeouts only bound pauses between bytes; the deadline bounds a SIEM (or a proxy)
  // that keeps trickling an answer. Only the start of an answer is read: it is shown on errors.
  const res = await request(url, { method: 'POST', headers, body, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
  const text = await readStart(res.body, 4096);
  if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true };
  if (res.statusCode >= 300 && res.statusCode < 400) {
    return { ok: false, retryable: false, message: l10n.t('the SIEM answered {0} (a redirect); it is not followed, so set the final URL', res.statusCode) };
  }
  const retryable = res.statusCode === 408 || res.statusCode === 429 || res.statusCode >= 500;
  return { ok: false, retryable, message: text
    ? l10n.t('the SIEM answered {0}: {1}', res.statusCode, text.slice(0, 200).replace(/\s+/g, ' '))
    : l10n.t('the SIEM answered {0}', res.statusCode), retryAfterMs: parseRetryAfter(res.headers['retry-after']) };
}

async function readStart(stream: AsyncIterable<Buffer> & { destroy(): unknown }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) { stream.destroy(); break; }
    }
  } catch {
    // The answer's status already says what happened; a cut body only shortens the detail.
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max);
}
