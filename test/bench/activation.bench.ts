// Activation cost of the production bundle: time to require dist/extension.js and run activate(),
// and the bytes of JavaScript loaded on that path, in fresh Node processes. VS Code itself is not
// part of the figure: `vscode` is a do-nothing stand-in (labelled so), which isolates our own cost.
// Baseline in the same run: requiring the lazily-loaded Langfuse client chunk (what activation avoids).
// Targets: activation median < 30 ms (quiet 2-core machine), activation bundle < 150 KB, dist/ without
// source maps ≤ 2.0 MB (one copy of undici, zod, yaml and the client, shared by the chunks and the CLI).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const SAMPLES = 15;

const probe = `
const Module = require('module');
const path = require('path');
const fs = require('fs');
// A do-nothing stand-in for the vscode API: every property is a callable, constructible proxy.
const stub = () => new Proxy(function () {}, {
  get: (t, p) => p === 'then' ? undefined : p === Symbol.toPrimitive ? (() => '') : stub(),
  apply: () => stub(),
  construct: () => stub(),
  set: () => true,
  defineProperty: () => true,
});
const names = [...fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\\t+export (?:namespace|class|enum|const|function|let) (\\w+)/gm)].map(m => m[1]);
const vscode = Object.fromEntries(names.map(n => [n, stub()]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : resolve.call(this, req, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const target = process.argv[1];
const before = new Set(Object.keys(require.cache));
const t0 = performance.now();
const mod = require(target);
if (typeof mod.activate === 'function') mod.activate({ subscriptions: [], secrets: stub(), globalState: stub(), workspaceState: stub(), extensionUri: stub(), extensionPath: path.dirname(target) });
const ms = performance.now() - t0;
const loaded = Object.keys(require.cache).filter(k => !before.has(k) && k !== 'vscode' && fs.existsSync(k));
const bytes = loaded.reduce((n, f) => n + fs.statSync(f).size, 0);
process.stdout.write(JSON.stringify({ ms, bytes, files: loaded.map(f => path.relative(process.cwd(), f)) }), () => process.exit(0)); // activate() leaves timers running
`;

function measure(file: string): { median: number; p90: number; bytes: number; files: string[] } {
  const runs: { ms: number; bytes: number; files: string[] }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const r = spawnSync(process.execPath, ['-e', probe, file], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: fs.mkdtempSync('/tmp/lfa-bench-') } });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const times = runs.map(r => r.ms).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], bytes: runs[0].bytes, files: runs[0].files };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const activation = measure(path.join(dist, 'extension.js'));
console.log(`activation (require + activate, ${SAMPLES} fresh processes): median ${activation.median.toFixed(1)} ms, p90 ${activation.p90.toFixed(1)} ms  [target < 30 ms] ${activation.median < 30 ? 'OK' : 'OVER'}`);
console.log(`activation bundle loaded: ${kb(activation.bytes)} (${activation.files.join(', ')})  [target < 150 KB] ${activation.bytes < 150 * 1024 ? 'OK' : 'OVER'}`);
const chunk = path.join(dist, 'chunks', 'core.js');
if (fs.existsSync(chunk)) {
  const base = measure(chunk);
  console.log(`baseline: requiring the lazy shared core chunk (client, session, undici, zod, yaml) alone: median ${base.median.toFixed(1)} ms, ${kb(base.bytes)} → loading it eagerly would add that to every activation (${((base.bytes + activation.bytes) / activation.bytes).toFixed(1)}× the bytes)`);
}
const total = dirSize(dist);
console.log(`dist/ total (production build, no source maps): ${kb(total)}  [target ≤ 2.0 MB] ${total <= 2 * 1024 * 1024 ? 'OK' : 'OVER'}`);
for (const f of fs.readdirSync(dist, { recursive: true }) as string[]) {
  const p = path.join(dist, f);
  if (fs.statSync(p).isFile() && p.endsWith('.js')) console.log(`  ${f}: ${kb(fs.statSync(p).size)}`);
}
