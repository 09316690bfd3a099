// Cancelling long work: once the caller's signal aborts, the sandbox (over real HTTP) receives no
// further request, nothing half-loaded is kept, and a reader that did not cancel still gets its answer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancelledError, type WorkProgress } from '../../../src/core/flow/work';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import { loadAllProjects } from '../../../src/core/org/loadProjects';
import { OrganizationModel } from '../../../src/core/org/organizationModel';
import { verifyPairsOnline } from '../../../src/core/rules/onlineCheck';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';

const LATENCY_MS = 80;
/** Longer than any pause between two requests of one run (each request waits LATENCY_MS). */
const QUIET_MS = LATENCY_MS * 5;
const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('cancellation and progress of long work, against the sandbox', () => {
  let sandbox: SandboxHandle;
  const model = () => new OrganizationModel(createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, retry: { attempts: 1 } }));
  beforeEach(async () => { sandbox = await startSandbox({}); sandbox.setFaults([{ kind: 'latency', ms: LATENCY_MS }]); });
  afterEach(async () => { await closeAllHostGates(); await sandbox.close(); });

  async function untilRequests(n: number): Promise<void> {
    while (sandbox.stats.requests < n) await pause(5);
  }

  it('a cancelled all-project load sends no further request and keeps nothing half-loaded', async () => {
    const m = model();
    sandbox.resetStats();
    const controller = new AbortController();
    const run = loadAllProjects(m, { signal: controller.signal });
    await untilRequests(2);
    controller.abort();
    await assert.rejects(run, CancelledError);
    const atCancel = sandbox.stats.requests;
    await pause(QUIET_MS);
    assert.equal(sandbox.stats.requests, atCancel, 'no request after the cancel');
    assert.ok(atCancel < 13, `a full load takes 13 requests; the cancelled one stopped at ${atCancel}`);
    assert.equal(m.peekOverview(), undefined, 'the cancelled overview is not cached');
    sandbox.clearFaults();
    const again = await loadAllProjects(m);
    assert.equal(again.details.size, 3, 'the next run loads everything afresh');
  });

  it('a reader that did not cancel keeps the shared load going and gets its answer', async () => {
    const m = model();
    sandbox.resetStats();
    const controller = new AbortController();
    const cancelled = m.overview(controller.signal);
    const tree = m.overview();
    await untilRequests(1);
    controller.abort();
    await assert.rejects(cancelled, CancelledError);
    assert.equal((await tree).projects!.length, 3);
    assert.equal(sandbox.stats.requests, 7, 'one load, shared');
  });

  it('reports one step per project loaded', async () => {
    const seen: WorkProgress[] = [];
    await loadAllProjects(model(), { onProgress: p => seen.push(p) });
    assert.deepEqual(seen.filter(p => p.total !== undefined).map(p => `${p.done}/${p.total}`), ['0/3', '1/3', '2/3', '3/3']);
  });

  it('a cancelled online key check asks about no further pair and answers nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-cancel-'));
    const files = Object.entries(sandbox.credentials.projects).map(([name, pair]) => {
      const file = path.join(dir, `${name}.env`);
      fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\n`);
      return file;
    });
    sandbox.resetStats();
    const controller = new AbortController();
    const seen: WorkProgress[] = [];
    const run = verifyPairsOnline(new Map([[sandbox.url, files]]), { workspaceTrusted: true, signal: controller.signal, onProgress: p => seen.push(p) });
    await untilRequests(1);
    controller.abort();
    await assert.rejects(run, CancelledError);
    const atCancel = sandbox.stats.requests;
    await pause(QUIET_MS);
    assert.equal(sandbox.stats.requests, atCancel);
    assert.equal(atCancel, 1, 'the first pair only');
    assert.equal(seen[0].total, 3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
