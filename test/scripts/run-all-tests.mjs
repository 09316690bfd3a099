// `npm test`: builds, then runs every test layer (unit, integration in the real VS Code host, e2e in
// the real VS Code web UI) and ends with one line "N passed, N failed". Benchmarks are not part of it.
// Layers run even if an earlier one failed, so one red layer does not hide another.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const only = process.argv.slice(2);

// A layer that hangs (a dialog nobody answers, a server a failed test left open — mocha then waits
// forever after printing its summary, which is why the unit config also sets "exit") is killed with
// everything it started once it has run far longer than it ever takes, and counts as failed with a line
// saying so: the run always ends with its closing line instead of running into CI's own time limit.
function run(label, cmd, args, parse, limitMinutes) {
  return new Promise(resolve => {
    const started = Date.now();
    console.log(`\n=== ${label} ===`);
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env, detached: true });
    let out = '';
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      console.log(`\n=== ${label}: still running after ${limitMinutes} min, far longer than it takes; stopping it and everything it started ===`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
    }, limitMinutes * 60_000);
    child.stdout.on('data', d => { out += d; process.stdout.write(d); });
    child.on('close', code => {
      clearTimeout(watchdog);
      const counts = parse(out);
      if ((code !== 0 || hung) && counts.failed === 0) counts.failed = 1; // crashed or hung before reporting a failure
      console.log(`=== ${label}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)${hung ? ' — stopped: did not finish' : ''} ===`);
      resolve({ label, ...counts, failures: failureLines(out) });
    });
  });
}
// Ctrl-C stops the layer in progress too (it runs in its own process group).
process.on('SIGINT', () => process.exit(130));

// The lines naming what failed (mocha's "  1) name", the e2e runner's "✘ name: why", a reliability figure
// marked FAIL), repeated at the end so the tail of a long log — all that CI may show — says what to look at.
function failureLines(out) {
  return out.split('\n').filter(l => /^\s+\d+\) \S|^\s*✘ |\bFAIL(ED)?\b/.test(l)).map(l => l.trim().slice(0, 300));
}

const mochaCounts = out => ({
  passed: Number(/(\d+) passing/.exec(out)?.[1] ?? 0),
  failed: Number(/(\d+) failing/.exec(out)?.[1] ?? 0),
});
const summaryCounts = prefix => out => {
  const m = new RegExp(`^${prefix}: (\\d+) passed, (\\d+) failed`, 'm').exec(out);
  return { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0) };
};
const exitOnly = out => ({ passed: 0, failed: 0, out });

// The last number: minutes after which a layer counts as hung (several times what it takes on 2 busy cores).
const layers = [
  ['build', process.execPath, ['esbuild.js', '--production'], exitOnly, 4],
  ['unit', process.execPath, [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--config', 'test/unit/.mocharc.json'], mochaCounts, 20],
  ['vscode host setup', 'bash', ['test/scripts/setup-vscode-host.sh'], exitOnly, 12],
  ['integration (real VS Code extension host)', process.execPath, ['test/scripts/run-integration-tests.mjs'], summaryCounts('integration'), 8],
  ['integration in Restricted Mode (untrusted folder)', process.execPath, ['test/scripts/run-integration-tests.mjs', '--restricted'], summaryCounts('integration-restricted'), 5],
  ['e2e (real VS Code web UI)', process.execPath, ['test/e2e/run-e2e.mjs'], summaryCounts('e2e'), 8],
  ['reliability (seeded; --long for the full counts)', process.execPath, ['test/reliability/run.mjs'], summaryCounts('reliability'), 10],
  ['date shift (the date-sensitive tests with the clock 400 days ahead and 30 days back)', process.execPath, ['test/scripts/date-shift.mjs'], summaryCounts('date shift'), 12],
];

// Before the first layer: the system packages the tests need are there (installed now as root with
// apt-get), or one line says what to install and the run stops.
if (!preflight()) process.exit(1);

const t0 = Date.now();
const results = [];
for (const [label, cmd, args, parse, limitMinutes] of layers) {
  if (only.length && !only.some(o => label.startsWith(o))) continue;
  const result = await run(label, cmd, args, parse, limitMinutes);
  results.push(result);
  if ((label === 'build' || label === 'vscode host setup') && result.failed) break; // nothing later can run
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const failing = results.filter(r => r.failed && r.failures?.length);
if (failing.length) {
  console.log('\nwhat failed:');
  for (const r of failing) for (const line of [...new Set(r.failures)].slice(0, 15)) console.log(`  [${r.label.split(' (')[0]}] ${line}`);
}
console.log(`\n${results.map(r => `${r.label}: ${r.passed} passed, ${r.failed} failed`).join('\n')}`);
console.log(`all layers took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
