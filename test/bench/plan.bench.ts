// Benchmark: `plan` of the large world (200 projects, 2,000 memberships, 600 keys) on the sandbox with
// 50 ms injected latency per request — read the live organization (the declared projects) and diff it
// against a file exported from it, with one edit. Targets: ≤ 2.5 s, and ≤ ⌈requests/16⌉ + 3 round trips
// of 50 ms. The time counts loading the file (4,700 lines), the live read and the diff. Baseline in the same run: the same plan with a sequential client (cap 1).
//   npx tsx test/bench/plan.bench.ts
import { parseAccessFile } from '../../src/core/access/accessFile';
import { exportDeclaration } from '../../src/core/accessAsCode/exportDeclaration';
import { writeExportedYaml } from '../../src/core/accessAsCode/exportYaml';
import { readLiveOrganization } from '../../src/core/accessAsCode/liveState';
import { makePlan } from '../../src/core/accessAsCode/makePlan';
import { closeAllHostGates, createLangfuseClient } from '../../src/core/langfuse';
import { buildLargeWorld, startSandbox } from '../../src/sandbox';

const LATENCY_MS = 50;
const CAP = 16;

async function plan(url: string, pair: { publicKey: string; secretKey: string }, text: string, maxConcurrency: number) {
  const client = createLangfuseClient({ baseUrl: url, ...pair, maxConcurrency });
  const t0 = performance.now();
  const loaded = parseAccessFile(text, '/repo/.langfuse/access.yaml', '/repo');
  if (!loaded.config) throw new Error(`the exported file is invalid: ${loaded.problems[0]?.message}`);
  const live = await readLiveOrganization(client, { projects: Object.keys(loaded.config.projects ?? {}) });
  const read = performance.now() - t0;
  const result = makePlan({
    file: { path: '/repo/.langfuse/access.yaml', text, rootDir: '/repo', config: loaded.config }, live,
    connection: { id: 'large', baseUrl: url }, actingAs: undefined, now: new Date(), defaultMaxAgeDays: 90,
    rotationsInProgress: [], stores: { workspaceRoots: ['/repo'], secretStorage: false },
  });
  return { read, total: performance.now() - t0, changes: result.changes.length };
}

async function main() {
  const sandbox = await startSandbox({ world: buildLargeWorld({ projects: 200, memberships: 2000, keys: 600 }) });
  const pair = sandbox.credentials.organization;
  try {
    const client = createLangfuseClient({ baseUrl: sandbox.url, ...pair, maxConcurrency: CAP });
    const live = await readLiveOrganization(client);
    await closeAllHostGates();
    const exported = exportDeclaration({ live, rootDir: '/nonexistent-repo', environments: {} });
    const first = exported.organization.members[1];
    const text = writeExportedYaml(undefined, exported, { connection: 'large', host: 'sandbox', date: new Date().toISOString(), actor: 'bench' })
      .replace(`{email: ${first.email}, role: ${first.role}}`, `{email: ${first.email}, role: ${first.role === 'VIEWER' ? 'MEMBER' : 'VIEWER'}}`);
    sandbox.setFaults([{ kind: 'latency', ms: LATENCY_MS }]);
    sandbox.resetStats();
    const fast = await plan(sandbox.url, pair, text, CAP);
    const requests = sandbox.stats.requests;
    await closeAllHostGates();
    sandbox.resetStats();
    const slow = await plan(sandbox.url, pair, text, 1);
    await closeAllHostGates();
    const allowed = Math.ceil(requests / CAP) + 3;
    const roundTrips = fast.total / LATENCY_MS;
    console.log(`plan of ${exported.projects.length} declared projects, ${exported.organization.members.length} members, ${exported.projects.reduce((n, p) => n + p.keys.length, 0)} keys; ${LATENCY_MS} ms latency per request:`);
    console.log(`  plan: ${fast.total.toFixed(0)} ms (file and live read ${fast.read.toFixed(0)} ms, diff ${(fast.total - fast.read).toFixed(0)} ms), ${requests} requests, ${fast.changes} change(s) (the one edit)`);
    console.log(`  round trips: ${roundTrips.toFixed(1)} × ${LATENCY_MS} ms; allowed ⌈${requests}/${CAP}⌉ + 3 = ${allowed} → ${roundTrips <= allowed ? 'within' : 'OVER'}; 2.5 s target → ${fast.total <= 2500 ? 'within' : 'OVER'}`);
    console.log(`  baseline, sequential client: ${slow.total.toFixed(0)} ms (diff ${(slow.total - slow.read).toFixed(0)} ms) → ${(slow.total / fast.total).toFixed(1)}× slower`);
    if (fast.changes !== 1) throw new Error(`expected exactly the one edited change, got ${fast.changes}`);
  } finally {
    await sandbox.close();
  }
}

main().catch(err => { console.error(err); process.exit(1); });
