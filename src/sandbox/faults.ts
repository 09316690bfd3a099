// Fault injection for tests: rules matched per request, set at start, through the programmatic API,
// or over HTTP at /__sandbox/faults (a path real Langfuse does not have; loopback only).
import * as z from '../core/zod';

export const FaultRule = z.object({
  /**
   * latency: delay before handling (ms); rateLimit: 429 with Retry-After; serverError: 5xx;
   * drop: close the connection without an answer; malformedJson: a truncated JSON body;
   * schemaDrift: an extra or a missing field in the JSON body; slowBody: the body in small chunks
   * with pauses (ms between chunks).
   */
  kind: z.enum(['latency', 'rateLimit', 'serverError', 'drop', 'malformedJson', 'schemaDrift', 'slowBody']),
  /** Only requests with this method (GET, PUT, …). */
  method: z.optional(z.string()),
  /** Only requests whose path starts with this. */
  path: z.optional(z.string()),
  /** How many matching requests it affects; absent = all of them. */
  times: z.optional(z.int().check(z.positive())),
  /** latency: delay; slowBody: pause between chunks. */
  ms: z.optional(z.int().check(z.nonnegative())),
  /** serverError status (default 500). */
  status: z.optional(z.int().check(z.gte(500), z.lte(599))),
  /** rateLimit Retry-After in seconds (default 1). */
  retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
  /** schemaDrift: add a field or remove one (default missing). */
  drift: z.optional(z.enum(['extra', 'missing'])),
  /** drop / serverError: `after` = the request IS processed, then the answer is lost or replaced. */
  phase: z.optional(z.enum(['before', 'after'])),
  /** slowBody chunk size in bytes (default 16). */
  chunkBytes: z.optional(z.int().check(z.positive())),
});
export type FaultRule = z.infer<typeof FaultRule>;
export const FaultRules = z.array(FaultRule);

/** Holds the active rules and how many more requests each may affect. */
export class FaultPlan {
  private rules: { rule: FaultRule; left: number }[] = [];

  set(rules: FaultRule[]): void {
    this.rules = FaultRules.parse(rules).map(rule => ({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  add(rules: FaultRule[]): void {
    for (const rule of FaultRules.parse(rules)) this.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  list(): FaultRule[] {
    return this.rules.filter(r => r.left > 0).map(r => r.rule);
  }

  /** Consumes the matching rules for one request: summed latency plus at most one other fault. */
  take(method: string, path: string): { latencyMs: number; fault?: FaultRule } {
    let latencyMs = 0;
    let fault: FaultRule | undefined;
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.left <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path && !path.startsWith(rule.path)) continue;
      if (rule.kind === 'latency') {
        latencyMs += rule.ms ?? 0;
        entry.left--;
      } else if (!fault) {
        fault = rule;
        entry.left--;
      }
    }
    this.rules = this.rules.filter(r => r.left > 0);
    return { latencyMs, fault };
  }
}

/** schemaDrift: touches the first object found in the body (a list's first element, or the body). */
export function driftBody(body: unknown, drift: 'extra' | 'missing'): unknown {
  const copy = structuredClone(body);
  const target = firstRecord(copy);
  if (!target) return copy;
  if (drift === 'extra') target.sandboxDriftField = 'unexpected';
  else delete target[Object.keys(target)[0]];
  return copy;
}

function firstRecord(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return value.length ? firstRecord(value[0]) : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const v of Object.values(record)) {
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') return firstRecord(v);
  }
  return record;
}
