// Benchmark: `plan` of the large world (200 projects, 2,000 memberships, 600 keys) on the sandbox with
// 50 ms injected latency per request — read the live organization (the declared projects) and diff it
// against a file exported from it, with one edit. Targets: ≤ 2.5 s, and ≤ ⌈requests/16⌉ + 3 round trips
// of 50 ms. The time counts loading the file (4,700 lines), the live read and the diff. A round trip is
// a network wait the client could not overlap: the sandbox counts the longest run of requests each sent
// after the previous one was answered (CPU work — parsing the file, the diff — is time, not a round trip;
// the wall time divided by 50 ms is printed beside it). Baseline in the same run: the same plan with a
// sequential client (cap 1). The sandbox runs as its own process (as in
// client.bench.ts): in this process its JSON work would queue behind the client's on one event loop,
// so each wave of 16 requests would start its 50 ms only after the previous wave was parsed.
//   npx tsx test/bench/plan.bench.ts
import { parseAccessFile } from '../../src/core/access/accessFile';
import { exportDeclaration } from '../../src/core/accessAsCode/exportDeclaration';
import { writeExportedYaml } from '../../src/core/accessAsCode/exportYaml';
import { readLiveOrganization } from '../../src/core/accessAsCode/liveState';
import { makePlan } from '../../src/core/accessAsCode/makePlan';
import { closeAllHostGates, createLangfuseClient } from '../../src/core/langfuse';
import { startRemoteSandbox } from './support/remoteSandbox';

const LATENCY_MS = 50;
const CAP = 16;

async function plan(url: string, pair: { publicKey: string; secretKey: string }, text: string, maxConcurrency: number) {
  const client = createLangfuseClient({ baseUrl: url, ...pair, maxConcurrency });
  const t0 = performance.now();
  const loaded = parseAccessFile(text, '/repo/.langfuse/access.yaml', '/repo');
  if (!loaded.config) throw new Error(`the exported file is invalid: ${loaded.problems[0]?.message}`);
  const parsed = performance.now();
  const live = await readLiveOrganization(client, { projects: Object.keys(loaded.config.projects ?? {}) });
  const read = performance.now();
  const result = makePlan({
    file: { path: '/repo/.langfuse/access.yaml', text, rootDir: '/repo', config: loaded.config }, live,
    connection: { id: 'large', baseUrl: url }, actingAs: undefined, now: new Date(), defaultMaxAgeDays: 90,
    rotationsInProgress: [], stores: { workspaceRoots: ['/repo'], secretStorage: false },
  });
  const end = performance.now();
  return { load: parsed - t0, read: read - parsed, diff: end - read, total: end - t0, changes: result.changes.length };
}

async function main() {
  const sandbox = await startRemoteSandbox('large');
  const pair = sandbox.credentials.organization;
  try {
    const client = createLangfuseClient({ baseUrl: sandbox.url, ...pair, maxConcurrency: CAP });
    const live = await readLiveOrganization(client);
    await closeAllHostGates();
    const exported = exportDeclaration({ live, rootDir: '/nonexistent-repo', environments: {} });
    const first = exported.organization.members[1];
    const text = writeExportedYaml(undefined, exported, { connection: 'large', host: 'sandbox', date: new Date().toISOString(), actor: 'bench' })
      .replace(`{email: ${first.email}, role: ${first.role}}`, `{email: ${first.email}, role: ${first.role === 'VIEWER' ? 'MEMBER' : 'VIEWER'}}`);
    await sandbox.setFaults([{ kind: 'latency', ms: LATENCY_MS }]);
    await sandbox.resetStats();
    const fast = await plan(sandbox.url, pair, text, CAP);
    const { requests, peakInFlight, roundTrips } = await sandbox.stats();
    await closeAllHostGates();
    await sandbox.resetStats();
    const slow = await plan(sandbox.url, pair, text, 1);
    await closeAllHostGates();
    const allowed = Math.ceil(requests / CAP) + 3;
    console.log(`plan of ${exported.projects.length} declared projects, ${exported.organization.members.length} members, ${exported.projects.reduce((n, p) => n + p.keys.length, 0)} keys; ${LATENCY_MS} ms latency per request:`);
    console.log(`  plan: ${fast.total.toFixed(0)} ms (loading the file ${fast.load.toFixed(0)} ms, live read ${fast.read.toFixed(0)} ms = ${(fast.read / LATENCY_MS).toFixed(1)} × ${LATENCY_MS} ms, diff ${fast.diff.toFixed(0)} ms), ${requests} requests, peak ${peakInFlight} in flight, ${fast.changes} change(s) (the one edit)`);
    console.log(`  round trips: ${roundTrips} requests one after another (wall time ${(fast.total / LATENCY_MS).toFixed(1)} × ${LATENCY_MS} ms); allowed ⌈${requests}/${CAP}⌉ + 3 = ${allowed} → ${roundTrips <= allowed ? 'within' : 'OVER'}; 2.5 s target → ${fast.total <= 2500 ? 'within' : 'OVER'}`);
    console.log(`  baseline, sequential client: ${slow.total.toFixed(0)} ms (live read ${slow.read.toFixed(0)} ms, diff ${slow.diff.toFixed(0)} ms) → ${(slow.total / fast.total).toFixed(1)}× slower`);
    if (fast.changes !== 1) throw new Error(`expected exactly the one edited change, got ${fast.changes}`);
  } finally {
    await sandbox.close();
  }
}

main().catch(err => { console.error(err); process.exit(1); });
