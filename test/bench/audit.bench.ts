// Audit log figures: append rate with the hash chain (and signed checkpoints), and verify of
// 1,000,000 entries against plain SHA-256 of the same file measured in the same run.
// Run: npx tsx test/bench/audit.bench.ts [entries]   (default 1000000)
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuditEvent } from '../../src/core/audit/entry';
import { openAuditWriter } from '../../src/core/audit/openAuditWriter';
import { verifyAuditLogParallel } from '../../src/core/audit/parallelVerify';
import { verifyAuditLog } from '../../src/core/audit/verify';

const total = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-audit-bench-'));

function event(i: number): AuditEvent {
  const projects = ['production-chatbot', 'staging-chatbot', 'analytics-readonly'];
  return {
    action: i % 3 === 0 ? 'apiKey.create' : i % 3 === 1 ? 'projectMembership.set' : 'member.add',
    resource: { kind: 'apiKey', id: `key-${i}`, project: projects[i % 3], organization: 'org-acme', connection: 'acme' },
    outcome: 'success',
    details: { note: 'chatbot-staging', role: 'MEMBER' },
  };
}

function ms(start: bigint): number { return Number(process.hrtime.bigint() - start) / 1e6; }

async function main(): Promise<void> {
  // 1. Append rate.
  const writer = openAuditWriter({ stateDir: path.join(dir, 'append'), actor: { identity: 'engineering-lead@acme.com', tool: 'test' } });
  const appendN = 100_000;
  let t = process.hrtime.bigint();
  for (let i = 0; i < appendN; i += 1000) writer.appendMany(Array.from({ length: 1000 }, (_, j) => event(i + j)));
  const batched = appendN / (ms(t) / 1000);
  const singleN = 500;
  t = process.hrtime.bigint();
  for (let i = 0; i < singleN; i++) writer.append(event(i));
  const single = singleN / (ms(t) / 1000);
  console.log(`append (appendMany, 1000/batch, chain + signed checkpoint every 100): ${Math.round(batched).toLocaleString('en')} entries/s  (target >= 20,000: ${batched >= 20_000 ? 'met' : 'MISSED'})`);
  console.log(`append (one entry per call, lock + fsync each): ${Math.round(single).toLocaleString('en')} entries/s`);

  // 2. Verify of `total` entries vs plain SHA-256 of the same file.
  const big = openAuditWriter({ stateDir: path.join(dir, 'verify'), actor: { identity: 'engineering-lead@acme.com', tool: 'test' } });
  for (let i = 0; i < total; i += 10_000) big.appendMany(Array.from({ length: Math.min(10_000, total - i) }, (_, j) => event(i + j)));
  const file = big.file;
  const size = fs.statSync(file).size;

  const sha = (): number => {
    const s = process.hrtime.bigint();
    const h = crypto.createHash('sha256');
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    fs.closeSync(fd);
    h.digest('hex');
    return ms(s);
  };
  // The floor for any per-entry chain: one SHA-256 call per line over the same bytes, no checks.
  const perLine = (): number => {
    const s = process.hrtime.bigint();
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    let carry = Buffer.alloc(0);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
      const b = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      let nl: number;
      while ((nl = b.indexOf(10, start)) !== -1) { crypto.hash('sha256', b.subarray(start, nl)); start = nl + 1; }
      carry = Buffer.from(b.subarray(start));
    }
    fs.closeSync(fd);
    return ms(s);
  };
  const verify = (): { time: number; ok: boolean; entries: number } => {
    const s = process.hrtime.bigint();
    const r = verifyAuditLog(file);
    return { time: ms(s), ok: r.ok, entries: r.entries };
  };
  const verifyParallel = async (): Promise<number> => {
    const s = process.hrtime.bigint();
    const r = await verifyAuditLogParallel(file);
    if (!r.ok) throw new Error('parallel verify disagrees');
    return ms(s);
  };
  sha(); verify(); await verifyParallel(); // warm the page cache and the JIT
  const shaTimes: number[] = [];
  const verifyTimes: number[] = [];
  const perLineTimes: number[] = [];
  const parallelTimes: number[] = [];
  let last = { ok: false, entries: 0 };
  for (let i = 0; i < 3; i++) {
    shaTimes.push(sha());
    perLineTimes.push(perLine());
    const v = verify();
    verifyTimes.push(v.time);
    parallelTimes.push(await verifyParallel());
    last = v;
  }
  const best = (xs: number[]): number => Math.min(...xs);
  const ratio = best(verifyTimes) / best(shaTimes);
  console.log(`file: ${last.entries.toLocaleString('en')} entries, ${(size / 1e6).toFixed(0)} MB; verify ok=${last.ok}`);
  console.log(`plain SHA-256 of the file: ${best(shaTimes).toFixed(0)} ms (best of 3)`);
  console.log(`SHA-256 per line (no checks): ${best(perLineTimes).toFixed(0)} ms (best of 3; ${(best(perLineTimes) / best(shaTimes)).toFixed(2)}x the whole-file hash)`);
  console.log(`verifyAuditLog:            ${best(verifyTimes).toFixed(0)} ms (best of 3)`);
  const pratio = best(parallelTimes) / best(shaTimes);
  console.log(`verifyAuditLogParallel:    ${best(parallelTimes).toFixed(0)} ms (best of 3; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(`ratio verify / SHA-256 of the file: ${ratio.toFixed(2)}x single-threaded, ${pratio.toFixed(2)}x parallel  (target <= 2x: ${Math.min(ratio, pratio) <= 2 ? 'met' : 'MISSED'})`);
  console.log(`ratio verify / SHA-256 per line:    ${(best(verifyTimes) / best(perLineTimes)).toFixed(2)}x`);
}

main().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
