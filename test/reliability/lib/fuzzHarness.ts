// Runs one fuzz target over seeded fast-check inputs, counting (not stopping at) crashes, and
// re-timing every slow input alone three times: only an input that stays over the limit every time
// counts (a catastrophic regex or quadratic loop, not a GC pause or a busy machine).
import * as fc from 'fast-check';

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when the input made the code under test misbehave; the error says how. */
  run(input: T): void;
}

export interface FuzzOutcome {
  name: string;
  inputs: number;
  crashes: number;
  slow: number;
  samples: string[];
  seconds: number;
}

export const SLOW_MS = 50;
const BATCH = 2000;

function show(input: unknown): string {
  let text: string;
  try { text = JSON.stringify(input); } catch { text = String(input); }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  try { fn(); } catch { /* counted by the first run */ }
  return performance.now() - t0;
}

export function fuzz<T>(target: FuzzTarget<T>, seed: number, count: number): FuzzOutcome {
  const started = performance.now();
  const outcome: FuzzOutcome = { name: target.name, inputs: 0, crashes: 0, slow: 0, samples: [], seconds: 0 };
  const durations: number[] = [];
  const candidates: T[] = [];
  for (let batch = 0; outcome.inputs < count; batch++) {
    const inputs = fc.sample(target.arbitrary, { seed: seed + batch * 7919, numRuns: Math.min(BATCH, count - outcome.inputs) });
    for (const input of inputs) {
      outcome.inputs++;
      const t0 = performance.now();
      try {
        target.run(input);
      } catch (err) {
        outcome.crashes++;
        if (outcome.samples.length < 3) outcome.samples.push(`crash: ${String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200)} ← ${show(input)}`);
      }
      const ms = performance.now() - t0;
      durations.push(ms);
      if (ms > SLOW_MS) candidates.push(input);
    }
  }
  // Slow means slow against this target's own typical input on this machine now (a ratio to a
  // baseline of the same run, as benchmarks do), never below SLOW_MS: a busy machine slows every
  // input alike, a catastrophic regex or quadratic loop only some.
  const limit = Math.max(SLOW_MS, SLOW_FACTOR * median(durations));
  for (const input of candidates) {
    const again = [0, 1, 2].map(() => timed(() => target.run(input)));
    if (again.every(ms => ms > limit)) {
      outcome.slow++;
      if (outcome.samples.length < 3) outcome.samples.push(`slow (${again.map(ms => ms.toFixed(0)).join('/')} ms, limit ${limit.toFixed(0)} ms): ${show(input)}`);
    }
  }
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

/** How many times its median input an input may take before it counts as slow. */
export const SLOW_FACTOR = 40;

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Characters that matter to the formats fuzzed here (quotes, comments, YAML indicators, line ends). */
const SPECIAL = ['"', "'", '`', '#', '=', ':', ' ', '\t', '\n', '\r\n', '\r', '\\', '\\n', '$', '{', '}', '${', '[', ']', '-', '- ', '&a ', '*a', '<<: *a', '!!', '|', '>', '%', '@', '?', ',', 'export ', '\u0000', '\u2028', '\ufeff', 'é', '😀', '"""', "'''"];

/** Seeds changed by a few edits: insert, delete, duplicate, swap, or splice in a special token. */
export function mutated(seeds: string[]): fc.Arbitrary<string> {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...SPECIAL) }),
  );
  return fc.tuple(fc.constantFrom(...seeds), fc.array(op, { minLength: 1, maxLength: 8 })).map(([seed, ops]) => {
    let s = seed;
    for (const o of ops) {
      const at = s.length ? o.at % (s.length + 1) : 0;
      if (o.kind === 'insert') s = s.slice(0, at) + o.text + s.slice(at);
      else if (o.kind === 'delete') s = s.slice(0, at) + s.slice(at + o.len);
      else if (o.kind === 'duplicate') s = s.slice(0, at) + s.slice(at, at + o.len).repeat(o.times + 1) + s.slice(at + o.len);
      else s = s.slice(0, at) + o.text + s.slice(at + 1);
    }
    // Bounded: the 50 ms figure hunts superlinear behaviour, which shows on small inputs too.
    return s.length > MAX_MUTATED ? s.slice(0, MAX_MUTATED) : s;
  });
}

const MAX_MUTATED = 2000;

/** Structural mutations of a JSON value: drop or add a field, retype a leaf, replace a subtree. */
export function mutatedJson(seeds: unknown[]): fc.Arbitrary<unknown> {
  const op = fc.record({
    kind: fc.constantFrom('drop', 'add', 'retype', 'replace', 'wrap', 'emptyArray', 'nullify'),
    pick: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'data', 'role', 'email'), fc.string({ maxLength: 6 })),
  });
  return fc.tuple(fc.constantFrom(...seeds), fc.array(op, { minLength: 1, maxLength: 4 })).map(([seed, ops]) => {
    let root: unknown = structuredClone(seed);
    for (const o of ops) {
      const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
      const visit = (v: unknown) => {
        if (Array.isArray(v)) v.forEach((x, i) => { slots.push({ parent: v, key: i }); visit(x); });
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { slots.push({ parent: v as Record<string, unknown>, key: k }); visit(x); }
      };
      visit(root);
      if (slots.length === 0) { root = o.kind === 'wrap' ? [root] : o.value; continue; }
      const slot = slots[o.pick % slots.length];
      const parent = slot.parent as Record<string | number, unknown>;
      const current = parent[slot.key];
      switch (o.kind) {
        case 'drop': if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1); else delete parent[slot.key]; break;
        case 'add': if (!Array.isArray(slot.parent)) Object.defineProperty(slot.parent, o.key, { value: o.value, enumerable: true, writable: true, configurable: true }); else slot.parent.push(o.value); break;
        case 'retype': parent[slot.key] = typeof current === 'string' ? 1 : typeof current === 'number' ? String(current) : typeof current === 'boolean' ? 'true' : current === null ? {} : 'x'; break;
        case 'replace': parent[slot.key] = o.value; break;
        case 'wrap': parent[slot.key] = [current]; break;
        case 'emptyArray': parent[slot.key] = []; break;
        case 'nullify': parent[slot.key] = null; break;
      }
    }
    return root;
  });
}
