#!/usr/bin/env node
// `npm run test:reliability`: the reliability and security suite (issue 8). Runs each part in its
// own process (its own unhandled-rejection count, no shared state), two at a time, prints a table
// of the figures and ends with `reliability: N passed, N failed` (one count per figure).
//   node test/reliability/run.mjs [--long] [--seed N] [--only part,part] [--jobs N]
// Default: seeded, smaller counts (part of `npm test`); --long: the full counts (≥ 100,000 inputs
// per fuzz target, ≥ 200 crash runs). The seed is printed; rerun with --seed to reproduce.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREFIX = 'RELIABILITY-FIGURE ';
/** The suite's own output is scanned for canaries too: secrets in notes and logs are masked. */
const maskSecrets = text => String(text).replace(/sk-lf-[A-Za-z0-9_-]{4,}/g, m => `sk-lf-…${m.slice(-4)}`);

const PARTS = [
  { name: 'fuzz', file: 'parts/fuzz.rel.ts', minutes: 1.2 },
  { name: 'canary', file: 'parts/canary.rel.ts', minutes: 0.8 },
  { name: 'hostile-server', file: 'parts/hostile.rel.ts', minutes: 0.5 },
  { name: 'rate-limit-load', file: 'parts/load.rel.ts', minutes: 0.5 },
  { name: 'audit-crash', file: 'parts/auditCrash.rel.ts', minutes: 0.8 },
  { name: 'rotation-crash', file: 'parts/rotationCrash.rel.ts', minutes: 0.6 },
  { name: 'apply-crash', file: 'parts/applyCrash.rel.ts', minutes: 1.2 },
  { name: 'untrusted-workspace', file: 'parts/untrusted.rel.ts', minutes: 0.3 },
  { name: 'concurrency', file: 'parts/concurrency.rel.ts', minutes: 0.3 },
  { name: 'hostile-names', file: 'parts/hostileNames.rel.ts', minutes: 0.3 },
];

function parseArgs(argv) {
  const opts = { long: false, seed: undefined, only: undefined, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--long') opts.long = true;
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--only') opts.only = argv[++i].split(',');
    else if (a === '--jobs') opts.jobs = Math.max(1, Number(argv[++i]));
    else { console.error(`run.mjs: unknown option ${a}\nusage: run.mjs [--long] [--seed N] [--only part,part] [--jobs N]`); process.exit(2); }
  }
  if (opts.seed !== undefined && !Number.isInteger(opts.seed)) { console.error('run.mjs: --seed must be a whole number'); process.exit(2); }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const seed = opts.seed ?? Math.floor(Math.random() * 1_000_000);
const parts = PARTS.filter(p => !opts.only || opts.only.includes(p.name));
console.log(`reliability suite: ${parts.length} parts, seed ${seed}${opts.long ? ', long counts' : ', default counts'} (rerun: node test/reliability/run.mjs --seed ${seed}${opts.long ? ' --long' : ''})`);

function runPart(part) {
  return new Promise(resolve => {
    const started = Date.now();
    const args = ['--import', 'tsx', path.join(root, 'test', 'reliability', part.file), '--seed', String(seed), ...(opts.long ? ['--long'] : [])];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RELIABILITY_SEED: String(seed) } });
    // A part that hangs is a failure, not a stuck CI job.
    const limitMs = (opts.long ? 60 : 5) * 60_000;
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, limitMs);
    let out = '';
    let err = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { err += d; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const figures = [];
      for (const line of out.split('\n')) {
        if (line.startsWith(PREFIX)) {
          try { figures.push(JSON.parse(line.slice(PREFIX.length))); } catch { /* a torn line is ignored; the exit code still counts */ }
        }
      }
      const seconds = (Date.now() - started) / 1000;
      if (signal || code !== 0 && !figures.some(f => !f.pass)) {
        figures.push({ part: part.name, name: 'part exited cleanly', value: signal ?? code, limit: 'exit 0', pass: false, note: signal ? `killed after ${Math.round(limitMs / 1000)} s` : undefined });
      }
      if (figures.length === 0) figures.push({ part: part.name, name: 'part reported figures', value: 0, limit: '≥ 1', pass: false });
      const failed = figures.some(f => !f.pass);
      const tail = err.trim().split("\n").slice(failed ? -40 : -3).map(l => (l.startsWith("[") ? `  ${l}` : `  [${part.name}] ${l}`)).join("\n");
      console.log(maskSecrets(`--- ${part.name}: ${figures.length} figures, ${failed ? "FAILED" : "ok"} in ${seconds.toFixed(1)} s${tail ? `\n${tail}` : ""}`));
      resolve({ part, figures, seconds });
    });
  });
}

const started = Date.now();
const queue = [...parts].sort((a, b) => b.minutes - a.minutes);
const results = [];
await Promise.all(Array.from({ length: Math.min(opts.jobs, queue.length) }, async () => {
  for (let p = queue.shift(); p; p = queue.shift()) results.push(await runPart(p));
}));
results.sort((a, b) => PARTS.indexOf(a.part) - PARTS.indexOf(b.part));

const rows = results.flatMap(r => r.figures);
const widths = [20, 58, 14, 12, 6];
const cell = (s, w) => { const t = String(s); return t.length > w ? `${t.slice(0, w - 1)}…` : t.padEnd(w); };
console.log(`\n${['part', 'figure', 'value', 'limit', 'ok'].map((h, i) => cell(h, widths[i])).join(' ')}`);
console.log(widths.map(w => '-'.repeat(w)).join(' '));
for (const f of rows) {
  console.log([f.part, f.name, f.value, f.limit, f.pass ? 'ok' : 'FAIL'].map((v, i) => cell(v, widths[i])).join(' '));
  if (f.note && (!f.pass || f.limit === 'info')) console.log(maskSecrets(`${' '.repeat(widths[0] + 1)}↳ ${f.note}`));
}
// Info rows (no limit) are shown but not counted.
const checked = rows.filter(f => f.limit !== 'info');
const passed = checked.filter(f => f.pass).length;
const failedCount = checked.length - passed;
console.log(`\nseed ${seed}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`reliability: ${passed} passed, ${failedCount} failed`);
process.exit(failedCount ? 1 : 0);
