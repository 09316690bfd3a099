// What every reliability part shares: its options (--seed, --long), a seeded random source, the
// figures it reports (one JSON line each, read by run.mjs) and a process-wide count of unhandled
// rejections and uncaught exceptions (each part runs in its own process, so the count is its own).
export const FIGURE_PREFIX = 'RELIABILITY-FIGURE ';

export interface PartOptions {
  seed: number;
  long: boolean;
}

export function partOptions(argv = process.argv.slice(2)): PartOptions {
  const i = argv.indexOf('--seed');
  const seed = i >= 0 ? Number(argv[i + 1]) : Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${argv[i + 1]}`);
  return { seed, long: argv.includes('--long') };
}

export interface Check {
  /** The figure must be at most this. */
  max?: number;
  /** The figure must be at least this. */
  min?: number;
}

export interface Figure {
  part: string;
  name: string;
  value: number | string;
  limit: string;
  pass: boolean;
  note?: string;
}

/** Prints one figure; a figure with a check passes only when its value meets it. */
export function figure(part: string, name: string, value: number, check: Check | undefined, note?: string): Figure {
  const limit = check === undefined ? 'info' : [check.min !== undefined ? `≥ ${check.min}` : '', check.max !== undefined ? `≤ ${check.max}` : ''].filter(Boolean).join(', ');
  const pass = check === undefined || ((check.max === undefined || value <= check.max) && (check.min === undefined || value >= check.min));
  const f: Figure = { part, name, value: Number.isInteger(value) ? value : Number(value.toFixed(2)), limit, pass, ...(note ? { note } : {}) };
  process.stdout.write(`${FIGURE_PREFIX}${JSON.stringify(f)}\n`);
  return f;
}

/** A check that failed outside any figure (a part that could not run at all). */
export function failure(part: string, name: string, note: string): Figure {
  const f: Figure = { part, name, value: 'error', limit: 'runs', pass: false, note: note.slice(0, 300) };
  process.stdout.write(`${FIGURE_PREFIX}${JSON.stringify(f)}\n`);
  return f;
}

let unhandled = 0;
const unhandledSamples: string[] = [];
process.on('unhandledRejection', reason => {
  unhandled++;
  if (unhandledSamples.length < 3) unhandledSamples.push(String((reason as Error)?.stack ?? reason).slice(0, 400));
});
process.on('uncaughtException', err => {
  unhandled++;
  if (unhandledSamples.length < 3) unhandledSamples.push(String(err?.stack ?? err).slice(0, 400));
});

/** Unhandled rejections and uncaught exceptions seen in this process so far. */
export function unhandledCount(): { count: number; samples: string[] } {
  return { count: unhandled, samples: [...unhandledSamples] };
}

/** mulberry32: a small seeded PRNG for the parts' own random choices (fast-check has its own seed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a part's main; a throw becomes a failed figure and exit code 1. */
export function runPart(part: string, main: (options: PartOptions) => Promise<void>): void {
  const options = partOptions();
  process.stderr.write(`[${part}] seed ${options.seed}${options.long ? ' (long)' : ''}\n`);
  main(options).then(
    () => { process.exit(0); },
    err => { failure(part, 'part ran to the end', String((err as Error)?.stack ?? err)); process.exit(1); },
  );
}
