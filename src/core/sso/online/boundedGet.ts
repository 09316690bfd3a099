import { Agent, request } from 'undici';
import { l10n } from '../../l10n/l10n';
import { SsoInputError } from '../errors';
import { isLoopbackHost } from '../publicUrl';

export interface FetchLimits {
  /** The whole exchange (connect, headers, body) must finish within this. */
  timeoutMs: number;
  /** Answers larger than this are abandoned. */
  maxBytes: number;
}

export type FetchOutcome =
  | { kind: 'answer'; status: number; url: string; contentType: string; body: string; location?: string }
  | { kind: 'redirect-refused'; status: number; url: string; toOrigin: string }
  | { kind: 'unreachable'; url: string; code: string }
  | { kind: 'timeout'; url: string }
  | { kind: 'too-large'; url: string };

/**
 * Only https://, or http:// to this machine's loopback; no credentials, query or fragment (an
 * issuer has none: OpenID Connect Discovery 1.0 §2). Refused before any network use.
 */
export function checkIssuerUrl(issuer: string): URL {
  const url = checkTransportUrl(issuer, 'issuer');
  if (url.search || url.hash) throw new SsoInputError('issuer', l10n.t('The issuer must not carry a query or fragment.'));
  return url;
}

/** `what`: which URL is checked, so every message is a whole sentence naming it. */
function checkTransportUrl(raw: string, what: 'issuer' | 'url'): URL {
  const issuer = what === 'issuer';
  let url: URL;
  try { url = new URL(raw); } catch { throw new SsoInputError('issuer', issuer ? l10n.t('The issuer is not a URL.') : l10n.t('The URL is not a URL.')); }
  if (url.username || url.password) throw new SsoInputError('issuer', issuer ? l10n.t('The issuer must not contain a user name or password.') : l10n.t('The URL must not contain a user name or password.'));
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new SsoInputError('issuer', issuer
    ? l10n.t('Refused: The issuer uses {0}// on {1}. The online check talks https:// only (http:// only to this machine\'s loopback), so nothing was sent.', url.protocol, url.hostname)
    : l10n.t('Refused: The URL uses {0}// on {1}. The online check talks https:// only (http:// only to this machine\'s loopback), so nothing was sent.', url.protocol, url.hostname));
}

/** Drops an answer's body; destroying it emits an abort error nobody else listens for. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'EPIPE']);

function errorCode(err: unknown): string {
  let e = err as { code?: string; cause?: unknown; name?: string } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'TIMEOUT';
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return 'UNKNOWN';
}

/**
 * GET with every bound a hostile or broken server could abuse: one deadline for the whole exchange,
 * a size cap counted as bytes arrive, no cookies or credentials, and redirects followed only within
 * the same origin (`followRedirects`), at most 3. undici's `request` follows no redirect by itself.
 */
export async function boundedGet(start: string, limits: FetchLimits, followRedirects: boolean): Promise<FetchOutcome> {
  const agent = new Agent({ connect: { timeout: limits.timeoutMs }, headersTimeout: limits.timeoutMs, bodyTimeout: limits.timeoutMs });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      checkTransportUrl(url, 'url');
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(url, { method: 'GET', dispatcher: agent, signal, headers: { accept: 'application/json, text/html;q=0.5', 'user-agent': 'langfuse-access-sso-check' } });
      } catch (err) {
        const code = errorCode(err);
        if (code === 'TIMEOUT' || /TIMEOUT/.test(code)) return { kind: 'timeout', url };
        return { kind: 'unreachable', url, code: NETWORK_CODES.has(code) ? code : code.slice(0, 40) };
      }
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        discard(res.body);
        const next = new URL(location, url);
        if (!followRedirects) return { kind: 'answer', status: res.statusCode, url, contentType: '', body: '', location: next.href };
        if (next.origin !== new URL(url).origin || hop >= 3) return { kind: 'redirect-refused', status: res.statusCode, url, toOrigin: next.origin };
        url = next.href;
        continue;
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > limits.maxBytes) { discard(res.body); return { kind: 'too-large', url }; }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body) {
          size += (chunk as Buffer).length;
          if (size > limits.maxBytes) { discard(res.body); return { kind: 'too-large', url }; }
          chunks.push(chunk as Buffer);
        }
      } catch (err) {
        const code = errorCode(err);
        return code === 'TIMEOUT' || /TIMEOUT/.test(code) ? { kind: 'timeout', url } : { kind: 'unreachable', url, code: code.slice(0, 40) };
      }
      const contentType = String(res.headers['content-type'] ?? '');
      return { kind: 'answer', status: res.statusCode, url, contentType, body: Buffer.concat(chunks).toString('utf8') };
    }
  } finally {
    void agent.destroy().catch(() => undefined);
  }
}
