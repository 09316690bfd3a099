import type { SandboxResponse } from './types';

/**
 * The Cloud public-api bucket (LF RateLimitService, rate-limiter-flexible): a fixed one-minute window
 * per organization shared by all its keys. The 429 carries the headers and body of docs/langfuse-behaviour.md §10.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: () => number | null) {}

  take(orgId: string, now = Date.now()): SandboxResponse | undefined {
    const limit = this.perMinute();
    if (limit === null) return undefined;
    let w = this.windows.get(orgId);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      this.windows.set(orgId, w);
    }
    w.count++;
    if (w.count <= limit) return undefined;
    const resetAt = new Date(w.start + 60_000);
    return rateLimitedResponse(Math.max(1, Math.ceil((resetAt.getTime() - now) / 1000)), limit, resetAt);
  }
}

export function rateLimitedResponse(retryAfterSeconds: number, limit: number, resetAt: Date): SandboxResponse {
  return {
    status: 429,
    headers: {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': resetAt.toString(),
    },
    json: {
      message: 'Rate limit exceeded',
      code: 'rate_limited',
      details: { retryAfterSeconds, limit, remaining: 0, resetAt: resetAt.toISOString() },
    },
  };
}
