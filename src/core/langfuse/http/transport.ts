import { l10n } from '../../l10n/l10n';
import type { Logger } from '../../log/logger';
import { NULL_LOGGER } from '../../log/logger';
import { shortPublicKey } from '../../log/redact';
import { errorFromResponse } from '../errorMapping';
import {
  LangfuseError, NetworkError, RedirectError, SchemaError, ServerError, TimeoutError,
} from '../errors';
import { hostGate, sleep, type HostGate } from './hostGate';
import { ResponseObserver } from './observed';

export type RetryMode =
  /** GET and PUT: safe to repeat on network errors, timeouts, 5xx and 429. */
  | 'idempotent'
  /** POST and DELETE: repeated only when the server certainly did not act (429, connection refused). */
  | 'unsafe';

export interface TransportOptions {
  origin: string;
  basePath: string;
  publicKey: string;
  secretKey: string;
  logger?: Logger;
  timeoutMs: number;
  maxConcurrency: number;
  requestsPerMinute?: number;
  userAgent: string;
  retry: RetryPolicy;
  /** Answers larger than this are abandoned (memory stays bounded against a hostile server). */
  maxResponseBytes: number;
}

export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller gets RateLimitedError. */
  maxRetryAfterMs: number;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  contentType?: string;
  /** Send without Authorization (health). */
  anonymous?: boolean;
  retry?: RetryMode;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON for JSON answers, the text otherwise, undefined when empty. */
  body: unknown;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/** Errors that prove the request never reached the server, so even a POST may be repeated. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/** One host, one key pair: sends requests through the host's shared gate, with retries and redirects. */
export class Transport {
  readonly gate: HostGate;
  /** Rate-limit headers and the server's clock, as the answers showed them (doctor). */
  readonly observed = new ResponseObserver();
  private readonly authorization: string;
  private readonly logger: Logger;
  private readonly host: string;

  constructor(private readonly options: TransportOptions) {
    this.gate = hostGate(options.origin, { maxConcurrency: options.maxConcurrency, requestsPerMinute: options.requestsPerMinute });
    this.authorization = `Basic ${Buffer.from(`${options.publicKey}:${options.secretKey}`).toString('base64')}`;
    this.logger = options.logger ?? NULL_LOGGER;
    this.host = new URL(options.origin).host;
  }

  get publicKey(): string { return this.options.publicKey; }

  describe(spec: Pick<RequestSpec, 'method' | 'path'>): string {
    return `${spec.method} ${this.options.basePath}${spec.path}`;
  }

  /** Sends and returns the answer whatever its status; throws only for transport failures. */
  async send(spec: RequestSpec): Promise<RawResponse> {
    const policy = this.options.retry;
    const mode = spec.retry ?? (spec.method === 'GET' || spec.method === 'PUT' ? 'idempotent' : 'unsafe');
    for (let attempt = 1; ; attempt++) {
      let outcome: RawResponse | LangfuseError;
      try {
        outcome = await this.attempt(spec);
      } catch (err) {
        if (!(err instanceof LangfuseError)) throw err;
        outcome = err;
      }
      const last = attempt >= policy.attempts;
      if (!(outcome instanceof LangfuseError)) {
        if (outcome.status === 429) {
          const retryAfterMs = retryAfter(outcome.headers['retry-after']);
          // The pause holds every request to the host, none of which has started its timeout yet:
          // a server's "Retry-After: 86400" must not freeze them all for a day.
          if (retryAfterMs !== undefined) this.gate.pause(Math.min(retryAfterMs, policy.maxRetryAfterMs));
          // The rate limiter answers before the handler runs, so a 429 is safe to repeat for any method.
          if (last || (retryAfterMs ?? 0) > policy.maxRetryAfterMs) return outcome;
          await this.wait(Math.max(retryAfterMs ?? 0, this.backoff(attempt)), spec);
          continue;
        }
        if (mode === 'idempotent' && RETRYABLE_STATUS.has(outcome.status) && !last) {
          this.logger.debug(`${this.describe(spec)} answered ${outcome.status}; retry ${attempt}/${policy.attempts - 1}`);
          await this.wait(this.backoff(attempt), spec);
          continue;
        }
        return outcome;
      }
      if (spec.signal?.aborted) throw outcome;
      const provablyUnsent = outcome instanceof NetworkError && NOT_SENT_CODES.has(String((outcome.cause as { code?: string })?.code));
      const retryable = (outcome instanceof NetworkError || outcome instanceof TimeoutError) && (mode === 'idempotent' || provablyUnsent);
      if (!retryable || last) throw outcome;
      this.logger.debug(`${this.describe(spec)} failed (${outcome.kind}); retry ${attempt}/${policy.attempts - 1}`);
      await this.wait(this.backoff(attempt), spec);
    }
  }

  /** A pause between attempts that the caller's signal cuts short. */
  private async wait(ms: number, spec: RequestSpec): Promise<void> {
    try {
      await sleep(ms, spec.signal);
    } catch (err) {
      throw this.transportError(err, this.describe(spec), false);
    }
  }

  /** Full-jitter exponential backoff: uniform in [0, min(max, base·2^(attempt-1))]. */
  private backoff(attempt: number): number {
    const { baseDelayMs, maxDelayMs } = this.options.retry;
    return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  }

  private async attempt(spec: RequestSpec): Promise<RawResponse> {
    let path = `${this.options.basePath}${spec.path}${queryString(spec.query)}`;
    let method: string = spec.method;
    let body = spec.body === undefined ? undefined : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
    for (let hop = 0; hop <= 5; hop++) {
      const res = await this.exchange(method, path, body, spec);
      if (!REDIRECTS.has(res.status)) return res;
      const location = res.headers.location;
      if (typeof location !== 'string') return res;
      const target = new URL(location, `${this.options.origin}${path}`);
      if (target.origin !== this.options.origin) {
        throw new RedirectError(target.origin, l10n.t('Langfuse at {0} redirected {1} to {2}. Credentials are never sent to another host; if {2} is the right address, use it as the base URL.', this.host, this.describe(spec), target.origin), { status: res.status, request: this.describe(spec) });
      }
      path = `${target.pathname}${target.search}`;
      if (res.status === 303) { method = 'GET'; body = undefined; }
    }
    throw new ServerError(l10n.t('Langfuse at {0} redirected {1} more than 5 times. Check the base URL and any proxy in front of Langfuse.', this.host, this.describe(spec)), { request: this.describe(spec) });
  }

  private async exchange(method: string, path: string, body: string | undefined, spec: RequestSpec): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.options.userAgent };
    if (!spec.anonymous) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = spec.contentType ?? 'application/json';
    const request = `${method} ${path.split('?')[0]}`;
    const started = Date.now();
    try {
      await this.gate.acquire(spec.signal);
    } catch (err) {
      throw this.transportError(err, request, false);
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    try {
      const dispatcher = await this.gate.dispatcher();
      const res = await dispatcher.request({
        path, method: method as 'GET', headers, body, signal,
        headersTimeout: this.options.timeoutMs, bodyTimeout: this.options.timeoutMs,
      });
      this.observed.record(res.headers, Date.now());
      const text = await this.readBody(res.body, request, res.statusCode);
      this.logger.debug(`${request} → ${res.statusCode} in ${Date.now() - started} ms`);
      const contentType = String(res.headers['content-type'] ?? '');
      let parsed: unknown = text === '' ? undefined : text;
      if (text !== '' && contentType.includes('json')) {
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new SchemaError(['body is not valid JSON'], l10n.t('Langfuse at {0} answered {1} with malformed JSON ({2}). A proxy may have cut the answer short; try again, and check any proxy in front of Langfuse.', this.host, request, res.statusCode), { status: res.statusCode, request });
        }
      }
      return { status: res.statusCode, headers: res.headers, body: parsed };
    } catch (err) {
      if (err instanceof LangfuseError) throw err;
      throw this.transportError(err, request, timeout.aborted);
    } finally {
      this.gate.release();
    }
  }

  /** Reads the body up to `maxResponseBytes`; a bigger answer is abandoned, keeping memory bounded. */
  private async readBody(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, request: string, status: number): Promise<string> {
    const max = this.options.maxResponseBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > max) {
        body.destroy();
        throw new SchemaError([`body larger than ${max} bytes`], l10n.t('Langfuse at {0} answered {1} with more than {2} MB, far more than any answer it should give; stopped reading. Check the base URL and any proxy in front of Langfuse.', this.host, request, Math.round(max / 1048576)), { status, request });
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private transportError(err: unknown, request: string, timedOut: boolean): LangfuseError {
    const code = String((err as { code?: string })?.code ?? '');
    const name = String((err as { name?: string })?.name ?? '');
    if (timedOut || /TIMEOUT/.test(code) || name === 'TimeoutError') {
      return new TimeoutError(l10n.t('Langfuse at {0} did not answer {1} within {2} ms. Check the network or VPN, or raise the timeout for slow instances.', this.host, request, this.options.timeoutMs), { request, cause: err });
    }
    if (name === 'AbortError') return new NetworkError(l10n.t('{0} was cancelled.', request), { request, cause: err });
    const message = code || name
      ? l10n.t('Cannot reach Langfuse at {0} ({1}) for {2}. Check the base URL, the network, proxy or VPN, and that the server is running.', this.host, code || name, request)
      : l10n.t('Cannot reach Langfuse at {0} (network error) for {1}. Check the base URL, the network, proxy or VPN, and that the server is running.', this.host, request);
    return new NetworkError(message, { request, cause: err });
  }

  /** Turns a non-2xx answer into the matching typed error. */
  errorFor(spec: Pick<RequestSpec, 'method' | 'path'>, res: RawResponse): LangfuseError {
    return errorFromResponse({
      status: res.status, body: res.body, request: this.describe(spec), host: this.host,
      publicKey: this.options.publicKey, retryAfterMs: retryAfter(res.headers['retry-after']),
    });
  }

  keyLabel(): string { return shortPublicKey(this.options.publicKey); }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfter(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

