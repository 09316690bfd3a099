// What the answers of one host said about the server besides their bodies: rate-limit headers and the
// server's clock. `langfuse-access doctor` reports them; nothing here holds a credential.

/** Langfuse sends these only with a 429 on Cloud (LF web/src/features/public-api/server/RateLimitService.ts). */
const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'] as const;

export interface ObservedResponses {
  /** Answers seen (any status). */
  responses: number;
  /** The last value of each rate-limit header seen, by lower-case name. */
  rateLimit: Record<string, string>;
  /** Server clock minus ours, in ms, from the last answer with a Date header (±1 s: Date has whole seconds). */
  clockSkewMs?: number;
  /** `via` / `server` headers: a proxy or gateway in front of Langfuse announces itself there. */
  via?: string;
  server?: string;
}

export class ResponseObserver {
  private readonly state: ObservedResponses = { responses: 0, rateLimit: {} };

  record(headers: Record<string, string | string[] | undefined>, receivedAt: number): void {
    this.state.responses++;
    for (const name of RATE_LIMIT_HEADERS) {
      const v = first(headers[name]);
      if (v !== undefined) this.state.rateLimit[name] = v;
    }
    const date = Date.parse(first(headers.date) ?? '');
    if (!Number.isNaN(date)) this.state.clockSkewMs = date - receivedAt;
    const via = first(headers.via);
    if (via) this.state.via = via;
    const server = first(headers.server);
    if (server) this.state.server = server;
  }

  snapshot(): ObservedResponses {
    return { ...this.state, rateLimit: { ...this.state.rateLimit } };
  }
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
