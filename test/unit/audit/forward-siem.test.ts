import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { AuditEntry } from '../../../src/core/audit/entry';
import { readCursor } from '../../../src/core/audit/forward/cursor';
import { forwardToSiem } from '../../../src/core/audit/forward/siemForwarder';
import { verifyAuditLog } from '../../../src/core/audit/verify';
import { forwardedTip } from '../../../src/core/audit/forward/cursor';
import { demoEvent, writeDemoLog } from './helpers';
import type { TestPki } from './tlsFixtures';
import { makeTestPki } from './tlsFixtures';

const TOKEN = 'siem-token-canary-0123456789';
const FAST = { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 200 };

/** A real HTTPS SIEM receiver on 127.0.0.1 that can be told to fail or be closed. */
class Receiver {
  readonly received: AuditEntry[] = [];
  readonly auth: string[] = [];
  failNext = 0;
  status = 503;
  server!: https.Server;
  port = 0;
  constructor(private readonly pki: TestPki) {}

  async start(port = 0): Promise<void> {
    this.server = https.createServer({ cert: this.pki.cert, key: this.pki.key }, (req, res) => {
      let body = '';
      req.on('data', c => { body += c; });
      req.on('end', () => {
        this.auth.push(String(req.headers.authorization));
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(this.status, { 'retry-after': '0' }).end('try later');
          return;
        }
        const batch = JSON.parse(body) as { entries: AuditEntry[]; batch: { id: string } };
        // An idempotent receiver: a repeated entry (same hash) is dropped.
        for (const e of batch.entries) if (!this.received.some(r => r.hash === e.hash)) this.received.push(e);
        res.writeHead(202).end('{}');
      });
    });
    await new Promise<void>(resolve => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  get url(): string { return `https://127.0.0.1:${this.port}/ingest`; }
}

describe('audit forwarding to a SIEM over HTTPS', function () {
  this.timeout(20_000);
  let pki: TestPki;
  let rx: Receiver;
  before(() => { pki = makeTestPki(); });
  beforeEach(async () => { rx = new Receiver(pki); await rx.start(); });
  afterEach(async () => { await rx.stop().catch(() => undefined); });

  it('sends every entry once, in order, in JSON batches with the bearer token, trusting the given CA', async () => {
    const w = writeDemoLog(25, 10);
    const stateDir = path.dirname(w.file);
    const r = await forwardToSiem({ file: w.file, stateDir, url: rx.url, token: TOKEN, ca: pki.ca, batchSize: 7, retry: FAST });
    assert.equal(r.error, undefined);
    assert.equal(r.sent, 27); // 25 entries + 2 checkpoints
    assert.deepEqual(rx.received.map(e => e.seq), Array.from({ length: 27 }, (_, i) => i + 1));
    assert.ok(rx.auth.every(a => a === `Bearer ${TOKEN}`));
    assert.equal(readCursor(stateDir, rx.url)?.seq, 27);
    const again = await forwardToSiem({ file: w.file, stateDir, url: rx.url, token: TOKEN, ca: pki.ca, retry: FAST });
    assert.equal(again.sent, 0, 'nothing is sent twice');
    assert.equal(rx.auth.length, 4);
  });

  it('retries with backoff while the SIEM answers 503, then delivers everything', async () => {
    const w = writeDemoLog(12, 100);
    rx.failNext = 3;
    const r = await forwardToSiem({ file: w.file, stateDir: path.dirname(w.file), url: rx.url, token: TOKEN, ca: pki.ca, batchSize: 5, retry: FAST });
    assert.equal(r.error, undefined);
    assert.deepEqual(rx.received.map(e => e.seq), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.equal(rx.auth.length, 3 + 3);
  });

  it('keeps the queue while the SIEM is down and resumes after a restart with nothing lost or duplicated', async () => {
    const w = writeDemoLog(8, 100);
    const stateDir = path.dirname(w.file);
    const port = rx.port;
    await forwardToSiem({ file: w.file, stateDir, url: rx.url, token: TOKEN, ca: pki.ca, batchSize: 5, retry: FAST });
    assert.equal(rx.received.length, 8);
    await rx.stop(); // the SIEM goes down
    for (let i = 8; i < 20; i++) w.append(demoEvent(i));
    const down = await forwardToSiem({ file: w.file, stateDir, url: `https://127.0.0.1:${port}/ingest`, token: TOKEN, ca: pki.ca, batchSize: 5, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
    assert.equal(down.sent, 0);
    assert.equal(down.pending, 12);
    assert.match(down.error ?? '', /ECONNREFUSED|connect/);
    assert.doesNotMatch(down.error ?? '', new RegExp(TOKEN));
    for (let i = 20; i < 23; i++) w.append(demoEvent(i)); // more activity while it is down
    const back = new Receiver(pki);
    back.received.push(...rx.received);
    await back.start(port); // the SIEM comes back on the same address
    try {
      const up = await forwardToSiem({ file: w.file, stateDir, url: `https://127.0.0.1:${port}/ingest`, token: TOKEN, ca: pki.ca, batchSize: 5, retry: FAST });
      assert.equal(up.sent, 15);
      assert.equal(up.pending, 0);
      assert.deepEqual(back.received.map(e => e.seq), Array.from({ length: 23 }, (_, i) => i + 1));
      assert.equal(new Set(back.received.map(e => e.hash)).size, 23);
      assert.equal(forwardedTip(stateDir)?.seq, 23);
    } finally {
      await back.stop();
    }
  });

  it('stops without retrying on 401 and refuses an untrusted certificate and plain http to a remote host', async () => {
    const w = writeDemoLog(3, 100);
    rx.failNext = 1;
    rx.status = 401;
    const denied = await forwardToSiem({ file: w.file, stateDir: path.dirname(w.file), url: rx.url, token: TOKEN, ca: pki.ca, retry: FAST });
    assert.match(denied.error ?? '', /answered 401/);
    assert.equal(rx.auth.length, 1, 'a refused token is not retried');
    assert.equal(denied.pending, 3);
    const untrusted = await forwardToSiem({ file: w.file, stateDir: path.dirname(w.file), url: rx.url, token: TOKEN, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    assert.match(untrusted.error ?? '', /certificate/i);
    await assert.rejects(forwardToSiem({ file: w.file, stateDir: path.dirname(w.file), url: 'http://siem.acme.com/ingest', token: TOKEN }), /only https:\/\/ is allowed/);
  });

  it('refuses to forward entries that do not continue what the SIEM already has', async () => {
    const w = writeDemoLog(4, 100);
    const stateDir = path.dirname(w.file);
    await forwardToSiem({ file: w.file, stateDir, url: rx.url, token: TOKEN, ca: pki.ca, retry: FAST });
    const fs = await import('node:fs');
    const lines = fs.readFileSync(w.file, 'utf8').split('\n').filter(Boolean).slice(0, 2);
    fs.writeFileSync(w.file, lines.map(l => `${l}\n`).join('')); // history rewritten: seq 3-4 removed
    writeDemoLog(3, 100, stateDir); // …and new entries appended
    const r = await forwardToSiem({ file: w.file, stateDir, url: rx.url, token: TOKEN, ca: pki.ca, retry: FAST });
    assert.match(r.error ?? '', /does not continue from seq 4/);
    assert.equal(rx.received.length, 4);
    const v = verifyAuditLog(w.file, { knownTip: forwardedTip(stateDir) });
    assert.deepEqual(v.problems.map(p => [p.kind, p.line]), [['edited', 4]]);
    assert.match(v.problems[0].message, /differs from the entry already recorded outside this machine/);
  });
});
