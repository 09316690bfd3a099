// After the revoke a rotation can only go forward, so a step there is retried when it fails for a
// passing reason (lost connection, timeout, 5xx, rate limit, a secret manager out of reach). Other
// failures (a wrong answer, a crash) stop the run at once; the journal keeps the step, so resuming
// retries it again later.
import { isLangfuseError, RateLimitedError } from '../langfuse';
import { isSinkError } from '../secrets/errors';

const DEFAULT_DELAYS_MS = [1000, 4000, 10_000];

export function isTransient(err: unknown): boolean {
  if (isLangfuseError(err)) return err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server' || err.kind === 'rateLimited';
  return isSinkError(err) && err.code === 'network';
}

export async function forward<T>(attempt: () => Promise<T>, delaysMs: readonly number[] = DEFAULT_DELAYS_MS, onRetry?: (attempt: number, err: Error) => void): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= delaysMs.length || !isTransient(err)) throw err;
      onRetry?.(i + 1, err as Error);
      const wait = err instanceof RateLimitedError && err.retryAfterMs !== undefined ? Math.max(delaysMs[i], Math.min(err.retryAfterMs, 60_000)) : delaysMs[i];
      await new Promise(resolve => setTimeout(resolve, wait));
    }
  }
}
