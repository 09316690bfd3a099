// Crash safety of rotation (issue 8): the rotation helper owns the kill -9 test
// (test/unit/cli-rotate/crash.test.ts); this part runs it as a child process with the suite's seed
// and puts its figures in the table. Default: 30 runs (the unit suite runs its own 50 with another
// seed); --long: 200 runs. The first 25 runs are deterministic: a normal rotation killed at every step
// boundary, then a compromised one (trace probe on) at every boundary from the revoke on.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { failure, figure, runPart } from '../lib/figures';

const PART = 'rotation-crash';
const ROOT = path.join(__dirname, '..', '..', '..');
const TEST = 'test/unit/cli-rotate/crash.test.ts';

runPart(PART, async ({ seed, long }) => {
  if (!fs.existsSync(path.join(ROOT, TEST))) { failure(PART, 'rotation crash test present', `${TEST} is missing`); return; }
  const runs = long ? 200 : 30;
  const env = { ...process.env, LANGFUSE_ACCESS_CRASH_SEED: String(seed), LANGFUSE_ACCESS_CRASH_RUNS: String(runs), ...(long ? { LANGFUSE_ACCESS_LONG: '1' } : {}) };
  const { code, out } = await new Promise<{ code: number | null; out: string }>(resolve => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/mocha/bin/mocha.js'), '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '900000', TEST], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', d => { text += d; });
    child.stderr.on('data', d => { text += d; });
    child.on('close', c => resolve({ code: c, out: text }));
  });
  const num = (re: RegExp) => { const m = re.exec(out); return m ? Number(m[1]) : NaN; };
  const ran = num(/(\d+) runs in [\d.]+ s/);
  const lost = num(/secrets lost: (\d+)/);
  const early = num(/old keys revoked before the new one was stored and verified: (\d+)/);
  const orphans = num(/orphan new keys: (\d+)/);
  const pastRevoke = num(/killed past the revoke (\d+)/);
  const unfinished = num(/completed rotations where the old pair does not answer 401 or the new one not 200: (\d+)/);
  process.stderr.write(out.split('\n').filter(l => /crash test:|killed \d+|killed past|secrets lost|temp files/.test(l)).map(l => `[rotation-crash] ${l.trim()}`).join('\n') + '\n');
  if ([ran, lost, early, orphans, pastRevoke, unfinished].some(Number.isNaN)) { failure(PART, 'rotation crash test printed its figures', out.slice(-500)); return; }
  figure(PART, `rotation kill -9 runs (seed ${seed})`, ran, { min: runs });
  figure(PART, 'secrets lost', lost, { max: 0 });
  figure(PART, 'old keys revoked before the new one was stored and verified', early, { max: 0 });
  figure(PART, 'orphan new keys after resume or rollback', orphans, { max: 0 });
  figure(PART, 'kills past the revoke (compromised mode included), all resumed', pastRevoke, { min: 1 });
  figure(PART, 'completed rotations without old 401 / new 200', unfinished, { max: 0 });
  figure(PART, 'rotation crash test passed (mocha exit code)', code ?? 1, { max: 0 });
});
