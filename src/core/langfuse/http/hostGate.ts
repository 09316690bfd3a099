import type { Dispatcher } from 'undici';

export interface HostGateOptions {
  maxConcurrency: number;
  /** Steady request budget for the host; undefined = no budget (self-hosted instances have no limiter). */
  requestsPerMinute?: number;
}

/**
 * Everything requests to one Langfuse host share: a connection pool, a concurrency cap (at most
 * `maxConcurrency` requests in flight), a token-bucket request budget, and a pause every request
 * honours after any of them was told to slow down (429 Retry-After). Clients created for the same
 * origin and cap share one gate, so two views loading at once still respect the cap together.
 */
export class HostGate {
  inFlight = 0;
  peakInFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private pausedUntil = 0;
  private tokens: number;
  private lastRefill = Date.now();
  private pool: Promise<Dispatcher> | undefined;

  constructor(readonly origin: string, readonly options: HostGateOptions) {
    this.tokens = options.requestsPerMinute ?? 0;
  }

  /** The host's connection pool; undici is loaded on first use (it is the heaviest dependency). */
  dispatcher(): Promise<Dispatcher> {
    // One promise, so concurrent first requests share a single pool.
    this.pool ??= import('undici').then(({ Pool }) => new Pool(this.origin, { connections: this.options.maxConcurrency, pipelining: 1 }));
    return this.pool;
  }

  /** Waits for a free slot, the end of any 429 pause and a budget token; an abort leaves the queue. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    if (this.inFlight >= this.options.maxConcurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal?.reason);
        };
        const waiter = () => { signal?.removeEventListener('abort', onAbort); resolve(); };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiters.push(waiter);
      });
    } else {
      this.inFlight++;
    }
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      await this.waitForBudget(signal);
    } catch (err) {
      this.release();
      throw err;
    }
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next(); // the slot passes straight to the next waiter; inFlight stays the same
    else this.inFlight--;
  }

  /** After a 429: nobody sends to this host before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private async waitForBudget(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now, signal);
        continue;
      }
      const perMinute = this.options.requestsPerMinute;
      if (perMinute === undefined) return;
      this.tokens = Math.min(perMinute, this.tokens + ((now - this.lastRefill) * perMinute) / 60_000);
      this.lastRefill = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) * 60_000) / perMinute), signal);
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool) await (await pool).close();
  }
}

const gates = new Map<string, HostGate>();

export function hostGate(origin: string, options: HostGateOptions): HostGate {
  const id = `${origin}#${options.maxConcurrency}#${options.requestsPerMinute ?? '-'}`;
  let gate = gates.get(id);
  if (!gate) {
    gate = new HostGate(origin, options);
    gates.set(id, gate);
  }
  return gate;
}

/** Closes every pooled connection (tests, CLI exit, extension deactivate). */
export async function closeAllHostGates(): Promise<void> {
  const all = [...gates.values()];
  gates.clear();
  await Promise.all(all.map(g => g.close()));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
