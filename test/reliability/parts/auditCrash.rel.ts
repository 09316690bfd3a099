// Crash safety of the audit forwarder (issue 8): a child process appends audit entries and
// forwards them to a SIEM receiver; it is killed with SIGKILL at a seeded random moment; the next
// run forwards what is pending. Figures: entries lost at the receiver (0), entries duplicated in the
// receiver's store (0, with the documented dedup by entry hash), entries out of order or with gaps
// (0), logs failing verify after the kill (0). Raw resends of one batch are shown (by design a kill
// between acknowledgement and cursor write resends that batch).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAuditLog } from '../../../src/core/audit/reader';
import { verifyAuditLog } from '../../../src/core/audit/verify';
import { figure, runPart, seededRandom } from '../lib/figures';
import { bundleChild } from '../lib/bundle';

const PART = 'audit-crash';
const ENTRIES = 45;

interface RunState { bySeq: Map<number, string>; rawReceived: number; conflicting: number; gaps: number; maxSeq: number }

function startReceiver(runs: Map<string, RunState>, random: () => number) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', d => { body += d; });
    req.on('end', () => {
      const run = runs.get(req.url ?? '');
      if (!run) { res.writeHead(404).end(); return; }
      let parsed: { entries: { seq: number; hash: string }[] };
      try { parsed = JSON.parse(body); } catch { res.writeHead(400).end(); return; }
      for (const e of parsed.entries) {
        run.rawReceived++;
        const known = run.bySeq.get(e.seq);
        if (known !== undefined) { if (known !== e.hash) run.conflicting++; continue; }
        if (e.seq > run.maxSeq + 1) run.gaps++;
        run.bySeq.set(e.seq, e.hash);
        run.maxSeq = Math.max(run.maxSeq, e.seq);
      }
      // Acknowledge after a short, varying delay so kills land before, during and after acks.
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), Math.floor(random() * 4));
    });
  });
  return new Promise<{ url: string; close(): Promise<void> }>(resolve => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(r => { server.close(() => r()); server.closeAllConnections(); }),
  })));
}

function runChild(script: string, args: string[], killAfterReadyMs?: number): Promise<{ code: number | null; signal: string | null; out: string; err: string; ms: number }> {
  return new Promise(resolve => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    child.stdout.on('data', d => {
      out += d;
      if (!readyAt && out.includes('ready\n')) {
        readyAt = performance.now();
        if (killAfterReadyMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
      }
    });
    child.stderr.on('data', d => { err += d; });
    child.on('close', (code, signal) => resolve({ code, signal, out, err, ms: performance.now() - (readyAt || t0) }));
  });
}

runPart(PART, async ({ seed, long }) => {
  const runsWanted = long ? 200 : 50;
  const random = seededRandom(seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-audit-'));
  const script = await bundleChild('auditForwarderChild', work);
  const runs = new Map<string, RunState>();
  const receiver = await startReceiver(runs, seededRandom(seed + 1));
  const newRun = (name: string) => { const s: RunState = { bySeq: new Map(), rawReceived: 0, conflicting: 0, gaps: 0, maxSeq: 0 }; runs.set(`/${name}`, s); return s; };

  // Calibration: one run without a kill gives the span to pick kill moments from.
  newRun('calibration');
  const calibration = await runChild(script, ['crash', path.join(work, 'calibration'), `${receiver.url}/calibration`, String(ENTRIES)]);
  if (calibration.code !== 0) throw new Error(`the forwarder child failed without a kill: ${calibration.err}`);
  const span = calibration.ms;
  process.stderr.write(`[audit-crash] one full run ${span.toFixed(0)} ms; ${runsWanted} kills in [0, ${span.toFixed(0)}] ms\n`);

  let busyAfterKill = 0;
  let lost = 0, conflicting = 0, gaps = 0, verifyFailures = 0, finishFailures = 0, resent = 0, killedMidway = 0, totalEntries = 0;
  const problems: string[] = [];
  for (let i = 0; i < runsWanted; i++) {
    const name = `run-${i}`;
    const state = newRun(name);
    const dir = path.join(work, name);
    const killAt = Math.floor(random() * span);
    const crashed = await runChild(script, ['crash', dir, `${receiver.url}/${name}`, String(ENTRIES)], killAt);
    if (crashed.signal === 'SIGKILL') killedMidway++;
    // The next run of the tool. A kill between the lock file's create and its owner write leaves
    // an empty lock, which counts as held until it is 2 s old: that run reports "busy" and the
    // one after it forwards. Retried like a user's next command would, and counted.
    let finished = await runChild(script, ['finish', dir, `${receiver.url}/${name}`, '0']);
    for (let retry = 0; retry < 20 && finished.code === 0 && /"busy":true|"pending":[1-9]/.test(finished.out); retry++) {
      if (retry === 0) busyAfterKill++;
      await new Promise(r => setTimeout(r, 250));
      finished = await runChild(script, ['finish', dir, `${receiver.url}/${name}`, '0']);
    }
    if (finished.code !== 0) { finishFailures++; problems.push(`${name}: the next run failed: ${finished.err.slice(0, 200)}`); continue; }
    const logFile = path.join(dir, 'audit.jsonl');
    const report = fs.existsSync(logFile) ? verifyAuditLog(logFile) : undefined;
    if (report && !report.ok) { verifyFailures++; problems.push(`${name} (kill at ${killAt} ms): verify: ${report.problems[0]?.kind} ${report.problems[0]?.message ?? ''}`.slice(0, 250)); }
    const entries = fs.existsSync(logFile) ? readAuditLog(logFile).entries : [];
    totalEntries += entries.length;
    const missing = entries.filter(e => state.bySeq.get(e.seq) !== e.hash).length;
    if (missing) { lost += missing; problems.push(`${name} (kill at ${killAt} ms): ${missing} entries never reached the receiver`); }
    conflicting += state.conflicting;
    gaps += state.gaps;
    resent += state.rawReceived - state.bySeq.size;
  }
  await receiver.close();
  fs.rmSync(work, { recursive: true, force: true });

  figure(PART, `kill -9 runs (${killedMidway} killed before finishing, seed ${seed})`, runsWanted, { min: runsWanted });
  figure(PART, `audit entries lost at the receiver (${totalEntries} entries)`, lost, { max: 0 }, problems.find(p => /never reached/.test(p)));
  figure(PART, 'audit entries duplicated in the receiver (same seq, other hash)', conflicting, { max: 0 });
  figure(PART, 'batches arriving with a gap before them (order broken)', gaps, { max: 0 });
  figure(PART, 'logs failing `audit verify` after a kill', verifyFailures, { max: 0 }, problems.find(p => /verify/.test(p)));
  figure(PART, 'next runs that failed to forward after a kill', finishFailures, { max: 0 }, problems.find(p => /next run/.test(p)));
  figure(PART, 'next runs that found the queue busy (lock left empty by the kill, stale after 2 s)', busyAfterKill, undefined, 'the run after it forwarded everything');
  figure(PART, 'entries resent after a kill (dropped by the receiver by hash)', resent, undefined, 'by design: a kill between acknowledgement and cursor write resends that batch');
});
