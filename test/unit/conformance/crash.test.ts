// kill -9 in the middle of a conformance run (a child process, the sandbox over real HTTP), then a
// second run: it finds the killed run's journal, rolls back its half-done rotation and removes the
// project, keys and member it left, then passes on its own.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JournalStore } from '../../../src/core/rotation';
import { bundleCli, startCliHarness, type CliHarness } from '../cli-rotate/support/cliHarness';
import { leftovers, runConformance } from './harness';

function runKilled(cli: string, h: CliHarness, checkpoint: string): Promise<NodeJS.Signals | null> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [cli, 'conformance', '--connection', 'acme', '--yes'], {
      cwd: h.dir, env: { ...h.env, LANGFUSE_ACCESS_TEST_HOOK: `crash:${checkpoint}` }, stdio: 'ignore',
    });
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('cli: conformance killed with SIGKILL, then run again', function () {
  this.timeout(60_000);
  let h: CliHarness;
  let cli: string;
  before(async () => { cli = await bundleCli(); });
  afterEach(async () => { await h?.close(); });

  const cases = [
    { checkpoint: 'conformance:key-created', left: /^project lfa-conformance-.* deleted \(with its keys\)$/, what: 'after creating a key' },
    { checkpoint: 'key-created', left: /^rotation rot-.* rolled back/, what: 'in the middle of the rotation (new key created, not yet pushed)' },
    { checkpoint: 'apply:rotation-started', left: /^member lfa-conformance-.*-aac@example\.com removed$/, what: 'in the access-as-code apply (member added, key creation started)' },
  ];
  for (const c of cases) {
    it(`killed ${c.what}: the next run cleans up everything the killed run created`, async () => {
      h = await startCliHarness();
      assert.equal(await runKilled(cli, h, c.checkpoint), 'SIGKILL');
      assert.ok(leftovers(h.sandbox).some(l => l.startsWith('project ')), 'the killed run left its project');
      const r = await runConformance(h);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out);
      const earlier = report.checks.find((x: { id: string }) => x.id === 'cleanup-earlier');
      assert.equal(earlier.status, 'pass');
      assert.ok(report.cleanup.removed.some((l: string) => c.left.test(l)), report.cleanup.removed.join('\n'));
      assert.deepEqual(report.summary, { passed: 14, failed: 0, skipped: 0 });
      assert.deepEqual(leftovers(h.sandbox), []);
      assert.deepEqual(fs.readdirSync(path.join(h.stateDir, 'conformance')), [], 'both journals are gone');
      const unfinished = new JournalStore(h.stateDir).list().journals.filter(j => j.status === 'active' || j.status === 'rollingBack');
      assert.deepEqual(unfinished.map(j => j.id), [], 'no rotation is left half-done');
    });
  }
});
