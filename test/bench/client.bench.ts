// Benchmark: load an organization of 200 projects, 2,000 project memberships and 600 keys from the
// sandbox with 50 ms injected latency per request, with the default client (cap 16 per host) and
// with a sequential client (cap 1) in the same run. Then the sandbox's own throughput on loopback.
// The sandbox runs as its own process (`langfuse-access sandbox`), as it does for the other suites,
// so its work does not share the client's event loop; faults and counters go through /__sandbox/*.
//   npx tsx test/bench/client.bench.ts
// Targets: peak in flight never above the cap; wall time within ⌈requests / cap⌉ + 2 round trips;
// at least 10× faster than the sequential client. Exit code 1 if a target is missed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeAllHostGates, createLangfuseClient, DEFAULT_MAX_CONCURRENCY, loadOrganizationSnapshot } from '../../src/core/langfuse';
import { LARGE_WORLD_SIZE, startSandbox } from '../../src/sandbox';
import { startRemoteSandbox, type RemoteSandbox } from './support/remoteSandbox';

const LATENCY_MS = 50;
const SIZE = LARGE_WORLD_SIZE;

async function load(sandbox: RemoteSandbox, maxConcurrency: number) {
  const client = createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, maxConcurrency });
  await sandbox.resetStats();
  const t0 = performance.now();
  const snapshot = await loadOrganizationSnapshot(client);
  const wallMs = performance.now() - t0;
  const memberships = snapshot.projects.reduce((n, p) => n + (p.memberships?.length ?? 0), 0);
  const keys = snapshot.projects.reduce((n, p) => n + p.apiKeys.length, 0);
  if (snapshot.projects.length !== SIZE.projects || memberships !== SIZE.memberships || keys !== SIZE.keys) {
    throw new Error(`loaded ${snapshot.projects.length} projects, ${memberships} memberships, ${keys} keys — expected ${JSON.stringify(SIZE)}`);
  }
  const stats = await sandbox.stats();
  return { wallMs, requests: stats.requests, serverPeak: stats.peakInFlight, clientPeak: client.stats().peakInFlight };
}

/** One request's round trip without injected latency (median of 50), to turn "round trips" into ms. */
async function loopbackRoundTripMs(sandbox: RemoteSandbox): Promise<number> {
  const client = createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, maxConcurrency: 1 });
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await client.projectApiKeys.list('proj-0');
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[25];
}

async function throughput(sandbox: RemoteSandbox, total: number) {
  const client = createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: DEFAULT_MAX_CONCURRENCY }, async () => {
    while (next < total) {
      const i = next++;
      await client.projectMemberships.list(`proj-${i % SIZE.projects}`);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  return { total, seconds, perSecond: total / seconds };
}

/** In-process startSandbox() on the acme world (what every integration test pays), first and median of 10. */
async function inProcessStartMs(): Promise<{ first: number; median: number }> {
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const sb = await startSandbox();
    samples.push(performance.now() - t0);
    await sb.close();
  }
  return { first: samples[0], median: [...samples].sort((a, b) => a - b)[5] };
}

/**
 * Cold start as a test run pays it: a fresh node process requires the bundled sandbox (esbuild, as
 * the build does) and starts the acme world. Median of 5 processes.
 */
function coldStartMs(): { require: number; start: number; total: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-bench-cold-'));
  try {
    (require('esbuild') as typeof import('esbuild')).buildSync({
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
      entryPoints: { sandbox: path.join(__dirname, '../../src/sandbox/index.ts') }, outdir: dir,
    });
    const script = `const t0=performance.now();const {startSandbox}=require(${JSON.stringify(path.join(dir, 'sandbox.js'))});const t1=performance.now();`
      + 'startSandbox().then(async s=>{const t2=performance.now();console.log(JSON.stringify({require:t1-t0,start:t2-t1,total:t2-t0}));await s.close();});';
    const runs = Array.from({ length: 5 }, () => JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout) as { require: number; start: number; total: number });
    return runs.sort((a, b) => a.total - b.total)[2];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `node dist/cli.js sandbox` as the integration suites run it: bundled CLI, time to the URL line. Median of 5. */
async function bundledCliStartMs(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-bench-cli-'));
  try {
    (require('esbuild') as typeof import('esbuild')).buildSync({
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', minify: true,
      mainFields: ['module', 'main'], external: ['vscode'],
      entryPoints: { cli: path.join(__dirname, '../../src/cli/main.ts') }, outdir: dir,
    });
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [path.join(dir, 'cli.js'), 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', code => reject(new Error(`the bundled CLI exited with ${code}`)));
      });
      samples.push(performance.now() - t0);
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    return samples.sort((a, b) => a - b)[2];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const start = await inProcessStartMs();
  const cold = coldStartMs();
  const cliStart = await bundledCliStartMs();
  const sandbox = await startRemoteSandbox('large');
  const startupMs = sandbox.startupMs;
  const rttMs = await loopbackRoundTripMs(sandbox);
  const tp = await throughput(sandbox, 5000);
  await sandbox.setFaults([{ kind: 'latency', ms: LATENCY_MS }]);

  // One warm-up load (JIT, connection pools), then the median of three measured loads.
  await load(sandbox, DEFAULT_MAX_CONCURRENCY);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await load(sandbox, DEFAULT_MAX_CONCURRENCY));
  const parallel = runs.sort((a, b) => a.wallMs - b.wallMs)[1];
  const sequential = await load(sandbox, 1);
  await sandbox.close();
  await closeAllHostGates();

  // One round trip as a client sees it at this latency: the sequential client's mean per request
  // (50 ms injected + timer slack + loopback), measured in the same run.
  const roundTrip = sequential.wallMs / sequential.requests;
  const allowedTrips = Math.ceil(parallel.requests / DEFAULT_MAX_CONCURRENCY) + 2;
  const ratio = sequential.wallMs / parallel.wallMs;
  const checks = [
    { target: `peak in flight ≤ cap ${DEFAULT_MAX_CONCURRENCY}`, ok: runs.every(r => r.serverPeak <= DEFAULT_MAX_CONCURRENCY && r.clientPeak <= DEFAULT_MAX_CONCURRENCY) },
    { target: `wall ≤ ${allowedTrips} round trips (${(allowedTrips * roundTrip).toFixed(0)} ms)`, ok: parallel.wallMs <= allowedTrips * roundTrip },
    { target: '≥ 10× the sequential client', ok: ratio >= 10 },
    { target: 'cold sandbox start < 200 ms', ok: cold.total < 200 },
  ];

  console.log(`Organization: ${SIZE.projects} projects, ${SIZE.memberships} project memberships, ${SIZE.keys} project keys; ${LATENCY_MS} ms injected latency`);
  console.log(`  sandbox start (acme): cold in a fresh node process ${cold.total.toFixed(0)} ms (require ${cold.require.toFixed(0)} + start ${cold.start.toFixed(0)}); in-process ${start.first.toFixed(1)} ms first, ${start.median.toFixed(1)} ms median; bundled CLI to URL ${cliStart.toFixed(0)} ms (under tsx ${startupMs.toFixed(0)} ms)`);
  console.log(`  loopback round trip without latency (median): ${rttMs.toFixed(2)} ms; one round trip at ${LATENCY_MS} ms latency (sequential mean): ${roundTrip.toFixed(1)} ms`);
  console.log(`  cap ${DEFAULT_MAX_CONCURRENCY}:  ${parallel.wallMs.toFixed(0)} ms (median of 3 after a warm-up; runs ${runs.map(r => r.wallMs.toFixed(0)).join(', ')} ms), ${parallel.requests} requests, peak in flight ${Math.max(...runs.map(r => r.serverPeak))} (server) / ${Math.max(...runs.map(r => r.clientPeak))} (client), ${(parallel.wallMs / roundTrip).toFixed(1)} round trips`);
  console.log(`  cap 1:   ${sequential.wallMs.toFixed(0)} ms, ${sequential.requests} requests, peak in flight ${sequential.serverPeak}`);
  console.log(`  speed-up vs sequential: ${ratio.toFixed(1)}×`);
  console.log(`Sandbox throughput on loopback (no latency, ${DEFAULT_MAX_CONCURRENCY} in flight): ${tp.perSecond.toFixed(0)} requests/s (${tp.total} in ${tp.seconds.toFixed(2)} s)`);
  for (const c of checks) console.log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.target}`);
  console.log(JSON.stringify({ bench: 'client', latencyMs: LATENCY_MS, ...SIZE, parallel, sequential, ratio, roundTripMs: roundTrip, allowedTrips, sandboxRequestsPerSecond: tp.perSecond, startupMs, inProcessStartMs: start, coldStartMs: cold, bundledCliStartMs: cliStart }));
  if (checks.some(c => !c.ok)) process.exitCode = 1;
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});
