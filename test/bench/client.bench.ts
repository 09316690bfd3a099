// Benchmark: load an organization of 200 projects, 2,000 project memberships and 600 keys from the
// sandbox with 50 ms injected latency per request, with the default client (cap 16 per host) and
// with a sequential client (cap 1) in the same run. Then the sandbox's own throughput on loopback.
//   npx tsx test/bench/client.bench.ts
// Targets: peak in flight never above the cap; wall time within ⌈requests / cap⌉ + 2 round trips;
// at least 10× faster than the sequential client. Exit code 1 if a target is missed.
import { closeAllHostGates, createLangfuseClient, DEFAULT_MAX_CONCURRENCY, loadOrganizationSnapshot } from '../../src/core/langfuse';
import { buildLargeWorld, startSandbox, type SandboxHandle } from '../../src/sandbox';

const LATENCY_MS = 50;
const SIZE = { projects: 200, memberships: 2000, keys: 600 };

async function load(sandbox: SandboxHandle, maxConcurrency: number) {
  const client = createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, maxConcurrency });
  sandbox.resetStats();
  const t0 = performance.now();
  const snapshot = await loadOrganizationSnapshot(client);
  const wallMs = performance.now() - t0;
  const memberships = snapshot.projects.reduce((n, p) => n + (p.memberships?.length ?? 0), 0);
  const keys = snapshot.projects.reduce((n, p) => n + p.apiKeys.length, 0);
  if (snapshot.projects.length !== SIZE.projects || memberships !== SIZE.memberships || keys !== SIZE.keys) {
    throw new Error(`loaded ${snapshot.projects.length} projects, ${memberships} memberships, ${keys} keys — expected ${JSON.stringify(SIZE)}`);
  }
  return { wallMs, requests: sandbox.stats.requests, serverPeak: sandbox.stats.peakInFlight, clientPeak: client.stats().peakInFlight };
}

/** One request's round trip without injected latency (median of 50), to turn "round trips" into ms. */
async function loopbackRoundTripMs(sandbox: SandboxHandle): Promise<number> {
  const client = createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, maxConcurrency: 1 });
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await client.projectApiKeys.list('proj-0');
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[25];
}

async function throughput(sandbox: SandboxHandle, total: number) {
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

async function main() {
  const t0 = performance.now();
  const sandbox = await startSandbox({ world: buildLargeWorld(SIZE) });
  const startupMs = performance.now() - t0;
  const rttMs = await loopbackRoundTripMs(sandbox);
  const tp = await throughput(sandbox, 5000);
  sandbox.setFaults([{ kind: 'latency', ms: LATENCY_MS }]);

  const parallel = await load(sandbox, DEFAULT_MAX_CONCURRENCY);
  const sequential = await load(sandbox, 1);
  await sandbox.close();
  await closeAllHostGates();

  const roundTrip = LATENCY_MS + rttMs;
  const allowedTrips = Math.ceil(parallel.requests / DEFAULT_MAX_CONCURRENCY) + 2;
  const ratio = sequential.wallMs / parallel.wallMs;
  const checks = [
    { target: `peak in flight ≤ cap ${DEFAULT_MAX_CONCURRENCY}`, ok: parallel.serverPeak <= DEFAULT_MAX_CONCURRENCY && parallel.clientPeak <= DEFAULT_MAX_CONCURRENCY },
    { target: `wall ≤ ${allowedTrips} round trips (${(allowedTrips * roundTrip).toFixed(0)} ms)`, ok: parallel.wallMs <= allowedTrips * roundTrip },
    { target: '≥ 10× the sequential client', ok: ratio >= 10 },
  ];

  console.log(`Organization: ${SIZE.projects} projects, ${SIZE.memberships} project memberships, ${SIZE.keys} project keys; ${LATENCY_MS} ms injected latency`);
  console.log(`  sandbox start (world built in code):  ${startupMs.toFixed(1)} ms`);
  console.log(`  loopback round trip (median):         ${rttMs.toFixed(2)} ms → one round trip = ${roundTrip.toFixed(1)} ms`);
  console.log(`  cap ${DEFAULT_MAX_CONCURRENCY}:  ${parallel.wallMs.toFixed(0)} ms, ${parallel.requests} requests, peak in flight ${parallel.serverPeak} (server) / ${parallel.clientPeak} (client), ${(parallel.wallMs / roundTrip).toFixed(1)} round trips`);
  console.log(`  cap 1:   ${sequential.wallMs.toFixed(0)} ms, ${sequential.requests} requests, peak in flight ${sequential.serverPeak}`);
  console.log(`  speed-up vs sequential: ${ratio.toFixed(1)}×`);
  console.log(`Sandbox throughput on loopback (no latency, ${DEFAULT_MAX_CONCURRENCY} in flight): ${tp.perSecond.toFixed(0)} requests/s (${tp.total} in ${tp.seconds.toFixed(2)} s)`);
  for (const c of checks) console.log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.target}`);
  console.log(JSON.stringify({ bench: 'client', latencyMs: LATENCY_MS, ...SIZE, parallel, sequential, ratio, roundTripMs: roundTrip, allowedTrips, sandboxRequestsPerSecond: tp.perSecond, startupMs }));
  if (checks.some(c => !c.ok)) process.exitCode = 1;
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});
