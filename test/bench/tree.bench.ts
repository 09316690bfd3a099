// Benchmark: expanding the Access tree of a 200-project organization (2,000 memberships, 600 keys)
// on the sandbox with 50 ms injected latency per request, through the same OrganizationModel the
// tree renders: time to the first rows (connection expanded: organization, members, projects), time
// to fully expanded (every project's members and keys), requests sent, peak in flight. Baseline in
// the same run: the same expansion with a sequential client (cap 1).
//   npx tsx test/bench/tree.bench.ts
import { closeAllHostGates, createLangfuseClient } from '../../src/core/langfuse';
import { OrganizationModel } from '../../src/core/org/organizationModel';
import { buildLargeWorld, startSandbox } from '../../src/sandbox';

async function expand(url: string, pair: { publicKey: string; secretKey: string }, maxConcurrency: number) {
  const client = createLangfuseClient({ baseUrl: url, ...pair, maxConcurrency });
  const model = new OrganizationModel(client);
  const t0 = performance.now();
  const overview = await model.overview();
  const firstRows = performance.now() - t0;
  // Expanding every project (what "expand all" or a user scrolling through does): members + keys each.
  await Promise.all((overview.projects ?? []).map(p => model.project(p.id)));
  const full = performance.now() - t0;
  // A second expansion is served from the model's cache: no request.
  await Promise.all((overview.projects ?? []).map(p => model.project(p.id)));
  return { firstRows, full, projects: overview.projects?.length ?? 0, peak: client.stats().peakInFlight };
}

async function main() {
  const sandbox = await startSandbox({ world: buildLargeWorld({ projects: 200, memberships: 2000, keys: 600 }) });
  const pair = sandbox.credentials.organization;
  sandbox.setFaults([{ kind: 'latency', ms: 50 }]);
  try {
    sandbox.resetStats();
    const fast = await expand(sandbox.url, pair, 16);
    const requests = sandbox.stats.requests;
    await closeAllHostGates();
    sandbox.resetStats();
    const slow = await expand(sandbox.url, pair, 1);
    const slowRequests = sandbox.stats.requests;
    await closeAllHostGates();
    const roundTrips = Math.ceil(requests / 16) + 2;
    console.log(`tree of ${fast.projects} projects, 50 ms latency per request:`);
    console.log(`  time to first rows: ${fast.firstRows.toFixed(0)} ms (capabilities + projects, members, organization keys)`);
    console.log(`  time to fully expanded: ${fast.full.toFixed(0)} ms, ${requests} requests (second expansion: 0 more, cached), peak in flight ${fast.peak} (cap 16)`);
    console.log(`  latency floor: ⌈requests / 16⌉ + 2 = ${roundTrips} round trips × 50 ms = ${roundTrips * 50} ms → measured is ${(fast.full / (roundTrips * 50)).toFixed(2)}× the floor (the rest is both ends' JSON work; the sandbox runs in this process)`);
    console.log(`  baseline, sequential client: first rows ${slow.firstRows.toFixed(0)} ms, fully expanded ${slow.full.toFixed(0)} ms, ${slowRequests} requests → ${(slow.full / fast.full).toFixed(1)}× slower`);
  } finally {
    await sandbox.close();
  }
}

main().catch(err => { console.error(err); process.exit(1); });
