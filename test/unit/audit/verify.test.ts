import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryHash, joinLine, splitLine } from '../../../src/core/audit/chain';
import { AUDIT_SIGNING_KEY_FILE, readSigningKey } from '../../../src/core/audit/signingKey';
import { verifyAuditLogAsync, verifyAuditLogParallel } from '../../../src/core/audit/parallelVerify';
import { CancelledError, type WorkProgress } from '../../../src/core/flow/work';
import { verifyAuditLog } from '../../../src/core/audit/verify';
import { readLines, tmpDir, writeDemoLog, writeLines } from './helpers';

/** Re-chains every line from index `from` on, as an attacker who can edit the file (but not sign) would. */
function rechain(lines: string[], from: number): string[] {
  const out = lines.slice();
  let prev = from === 0 ? '0'.repeat(64) : splitLine(out[from - 1])!.hash;
  for (let i = from; i < out.length; i++) {
    const body = JSON.parse(splitLine(out[i])!.body);
    body.prev = prev;
    const json = JSON.stringify(body);
    prev = entryHash(prev, json);
    out[i] = joinLine(json, prev);
  }
  return out;
}

describe('audit verify', () => {
  it('accepts an intact log and reports its checkpoints and signing key', () => {
    const w = writeDemoLog(12, 5);
    const r = verifyAuditLog(w.file);
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.equal(r.entries, 14); // 12 entries + checkpoints after seq 5 and seq 10
    assert.equal(r.checkpoints.count, 2);
    assert.equal(r.checkpoints.lastCoveredSeq, 10);
    assert.equal(r.checkpoints.keys.length, 1);
    assert.equal(r.checkpoints.keys[0].keyId, readSigningKey(path.dirname(w.file))!.keyId);
    assert.equal(r.unsignedEntries, 3);
    assert.equal(w.checkpointIfDue()?.action, 'audit.checkpoint');
    assert.equal(w.checkpointIfDue(), undefined, 'no second checkpoint on a signed tip');
    assert.equal(verifyAuditLog(w.file).unsignedEntries, 0);
  });

  it('keeps the signing key private (0600) and needs no secret to verify', () => {
    const w = writeDemoLog(6, 5);
    const keyFile = path.join(path.dirname(w.file), AUDIT_SIGNING_KEY_FILE);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    fs.rmSync(keyFile);
    assert.equal(verifyAuditLog(w.file).ok, true);
  });

  it('names an edited line', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    lines[3] = lines[3].replace('"role":"MEMBER"', '"role":"OWNER"');
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['edited', 4]]);
    assert.match(r.problems[0].message, /line 4 \(seq 4\) was changed/);
  });

  it('names a line that was edited and re-hashed', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    const body = JSON.parse(splitLine(lines[2])!.body);
    body.resource.project = 'production-chatbot';
    const json = JSON.stringify(body);
    lines[2] = joinLine(json, entryHash(body.prev, json));
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['edited', 3]]);
    assert.match(r.problems[0].message, /line 3 \(seq 3\) was rewritten: line 4 links to a different version/);
  });

  it('names deleted lines by seq and position', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    lines.splice(6, 2); // seq 7 and 8 (line 6 is the checkpoint, seq 6)
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => p.kind), ['deleted']);
    assert.match(r.problems[0].message, /seq 7–8 are missing between line 6 and line 7: deleted/);
  });

  it('names an inserted copy of an earlier line', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    lines.splice(8, 0, lines[2]);
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['inserted', 9]]);
    assert.match(r.problems[0].message, /line 9 repeats seq 3 of line 3/);
  });

  it('names a fabricated line inserted with a valid hash', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    const body = JSON.parse(splitLine(lines[4])!.body); // forge a second seq 5 that links to seq 4
    body.action = 'apiKey.delete';
    const json = JSON.stringify(body);
    lines.splice(4, 0, joinLine(json, entryHash(body.prev, json)));
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['inserted', 6]]);
    assert.match(r.problems[0].message, /repeats seq 5 of line 5: one of the two was inserted/);
  });

  it('names reordered lines once', () => {
    const w = writeDemoLog(10);
    const lines = readLines(w.file);
    [lines[2], lines[3]] = [lines[3], lines[2]];
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['reordered', 4]]);
    assert.match(r.problems[0].message, /line 4 \(seq 3\) is out of order: it belongs before line 3/);
  });

  it('catches a rewrite of the whole tail through the checkpoint signature', () => {
    const w = writeDemoLog(10, 4);
    const lines = readLines(w.file);
    const body = JSON.parse(splitLine(lines[1])!.body);
    body.outcome = 'failure';
    lines[1] = JSON.stringify(body).slice(0, -1) + ',"hash":"' + '0'.repeat(64) + '"}';
    const forged = rechain(lines, 1);
    writeLines(w.file, forged);
    const r = verifyAuditLog(w.file);
    assert.equal(r.ok, false);
    assert.ok(r.problems.length >= 1 && r.problems.every(p => p.kind === 'bad-checkpoint'), JSON.stringify(r.problems));
    assert.match(r.problems[0].message, /checkpoint at line 5 does not hold: it signs seq 4 but follows seq 4 with a different hash/);
  });

  it('flags checkpoints signed by a different key, and keys that are not trusted', () => {
    const dir = tmpDir();
    const w = writeDemoLog(6, 3, dir);
    const firstKey = readSigningKey(dir)!;
    fs.rmSync(path.join(dir, AUDIT_SIGNING_KEY_FILE));
    const w2 = writeDemoLog(0, 3, dir);
    for (let i = 0; i < 3; i++) w2.append({ action: 'member.add', resource: { kind: 'member' }, outcome: 'success' });
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => p.kind), ['key-changed']);
    assert.equal(r.checkpoints.keys.length, 2);
    const pinned = verifyAuditLog(w.file, { trustedKeys: [firstKey.publicKey] });
    assert.deepEqual(pinned.problems.map(p => [p.kind, p.line]), [['untrusted-key', 10], ['untrusted-key', 13]]);
    assert.ok(verifyAuditLog(w.file, { trustedKeys: [firstKey.keyId, readSigningKey(dir)!.keyId] }).ok);
  });

  it('reports an incomplete last line and lines cut from the end', () => {
    const w = writeDemoLog(7);
    const text = fs.readFileSync(w.file, 'utf8');
    fs.writeFileSync(w.file, text.slice(0, -40));
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['truncated', 8]]);
    const cut = readLines(w.file).slice(0, 5);
    writeLines(w.file, cut);
    const r2 = verifyAuditLog(w.file, { knownTip: { seq: 8 } });
    assert.deepEqual(r2.problems.map(p => p.kind), ['deleted']);
    assert.match(r2.problems[0].message, /ends at seq 5, but seq 8 was already recorded outside this machine/);
  });

  it('reports garbage and empty lines without stopping', () => {
    const w = writeDemoLog(4);
    const lines = readLines(w.file);
    lines.splice(2, 0, 'hello', '');
    writeLines(w.file, lines);
    const r = verifyAuditLog(w.file);
    assert.deepEqual(r.problems.map(p => [p.kind, p.line]), [['malformed', 3], ['malformed', 4]]);
    assert.equal(r.entries, 4);
  });

  it('treats a missing log as empty and valid', () => {
    const r = verifyAuditLog(path.join(tmpDir(), 'none.jsonl'));
    assert.equal(r.ok, true);
    assert.equal(r.entries, 0);
  });
});

describe('audit verify in parallel', () => {
  it('gives the same report as the single-threaded verify, intact or tampered', async () => {
    const w = writeDemoLog(300, 25);
    const tuning = { workers: 3, minBytes: 0 };
    assert.deepEqual(await verifyAuditLogParallel(w.file, {}, tuning), verifyAuditLog(w.file));
    assert.equal((await verifyAuditLogParallel(w.file, {}, tuning)).ok, true);
    const lines = readLines(w.file);
    lines[150] = lines[150].replace('"outcome":"success"', '"outcome":"failure"');
    [lines[200], lines[201]] = [lines[201], lines[200]];
    lines.splice(250, 1);
    writeLines(w.file, lines);
    const parallel = await verifyAuditLogParallel(w.file, {}, tuning);
    assert.deepEqual(parallel, verifyAuditLog(w.file));
    assert.deepEqual(parallel.problems.map(p => p.kind), ['edited', 'reordered', 'deleted']);
    const rechained = rechain(lines, 100);
    writeLines(w.file, rechained);
    const forged = await verifyAuditLogParallel(w.file, {}, tuning);
    assert.deepEqual(forged, verifyAuditLog(w.file));
    assert.ok(forged.problems.some(p => p.kind === 'bad-checkpoint'));
  });
});

describe('audit verify without blocking the thread', () => {
  it('gives the same report as the synchronous pass, reports bytes read, and stops when cancelled', async () => {
    const w = writeDemoLog(40, 10);
    const lines = readLines(w.file);
    lines[20] = lines[20].replace('"outcome":"success"', '"outcome":"failure"');
    writeLines(w.file, lines);
    const seen: WorkProgress[] = [];
    assert.deepEqual(await verifyAuditLogAsync(w.file, {}, { onProgress: p => seen.push(p) }), verifyAuditLog(w.file));
    const size = fs.statSync(w.file).size;
    assert.deepEqual(seen.at(-1), { done: size, total: size });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(verifyAuditLogAsync(w.file, {}, { signal: controller.signal }), CancelledError);
    await assert.rejects(verifyAuditLogParallel(w.file, {}, { workers: 2, minBytes: 0 }, { signal: controller.signal }), CancelledError);
  });
});

describe('audit writer on a log without a final newline', () => {
  it('starts the next entry on its own line', () => {
    const w = writeDemoLog(3, 100);
    fs.writeFileSync(w.file, fs.readFileSync(w.file, 'utf8').replace(/\n$/, ''));
    w.append({ action: 'member.add', resource: { kind: 'member' }, outcome: 'success' });
    const r = verifyAuditLog(w.file);
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.equal(r.entries, 4);
  });
});
