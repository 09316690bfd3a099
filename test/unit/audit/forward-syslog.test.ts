import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { forwardToSyslog } from '../../../src/core/audit/forward/syslogForwarder';
import { formatSyslogMessage } from '../../../src/core/audit/forward/syslogFormat';
import { readAuditLog } from '../../../src/core/audit/reader';
import { demoEvent, writeDemoLog } from './helpers';
import type { TestPki } from './tlsFixtures';
import { makeTestPki } from './tlsFixtures';

/** Splits an RFC 6587 octet-counted stream into messages. */
function unframe(data: Buffer): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    const len = Number(data.toString('ascii', i, sp));
    out.push(data.toString('utf8', sp + 1, sp + 1 + len));
    i = sp + 1 + len;
  }
  return out;
}

interface Listener { server: net.Server; port: number; received: () => string[]; close: () => Promise<void> }

async function listen(pki?: TestPki): Promise<Listener> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const onSocket = (s: net.Socket): void => { sockets.add(s); s.on('data', d => chunks.push(d)); s.on('close', () => sockets.delete(s)); };
  const server = pki ? tls.createServer({ cert: pki.cert, key: pki.key }, onSocket) : net.createServer(onSocket);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    received: () => unframe(Buffer.concat(chunks)),
    close: () => new Promise<void>(resolve => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise(r => setTimeout(r, 10));
}

describe('audit forwarding as RFC 5424 syslog', function () {
  this.timeout(20_000);
  let pki: TestPki;
  before(() => { pki = makeTestPki(); });

  it('formats RFC 5424 with PRI, structured data and the entry as JSON', () => {
    const w = writeDemoLog(2, 100);
    const [entry] = readAuditLog(w.file).entries;
    const msg = formatSyslogMessage({ ...entry, outcome: 'failure' });
    assert.match(msg, /^<108>1 2026-11-01T09:01:00\.000Z \S+ langfuse-access - projectMembership\.set \[origin software="langfuse-access" swVersion="[^"]+"\]\[langfuse-access@32473 seq="2" hash="[0-9a-f]{64}" outcome="failure" actor="senior-dev@acme\.com" resource="apiKey" project="staging-chatbot" organization="org-acme"\] \ufeff\{/);
    assert.deepEqual(JSON.parse(msg.slice(msg.indexOf('\ufeff') + 1)).seq, 2);
    assert.match(formatSyslogMessage(entry), /^<109>1 /, 'success is notice (13*8+5)');
  });

  it('delivers every entry in order over plain TCP on loopback and resumes after the collector was down', async () => {
    const rx = await listen();
    const w = writeDemoLog(9, 100);
    const stateDir = path.dirname(w.file);
    try {
      const r = await forwardToSyslog({ file: w.file, stateDir, host: '127.0.0.1', port: rx.port, tls: false, batchSize: 4 });
      assert.equal(r.error, undefined);
      await until(() => rx.received().length === 9);
      assert.deepEqual(rx.received().map(m => JSON.parse(m.slice(m.indexOf('\ufeff') + 1)).seq), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await rx.close();
    }
    for (let i = 9; i < 12; i++) w.append(demoEvent(i));
    const down = await forwardToSyslog({ file: w.file, stateDir, host: '127.0.0.1', port: rx.port, tls: false, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });
    assert.equal(down.sent, 0);
    assert.equal(down.pending, 3);
    const rx2 = await listen();
    try {
      const up = await forwardToSyslog({ file: w.file, stateDir, host: '127.0.0.1', port: rx2.port, tls: false });
      // A new port is a new destination, so it gets the whole log from seq 1.
      assert.equal(up.sent, 12);
      await until(() => rx2.received().length === 12);
    } finally {
      await rx2.close();
    }
  });

  it('delivers over TLS (RFC 5425) trusting the given CA, and refuses plain TCP to a remote host', async () => {
    const rx = await listen(pki);
    const w = writeDemoLog(5, 100);
    try {
      const r = await forwardToSyslog({ file: w.file, stateDir: path.dirname(w.file), host: 'localhost', port: rx.port, tls: true, ca: pki.ca });
      assert.equal(r.error, undefined);
      assert.equal(r.sent, 5);
      await until(() => rx.received().length === 5);
      assert.match(rx.received()[4], /seq="5"/);
      const untrusted = await forwardToSyslog({ file: w.file, stateDir: path.join(path.dirname(w.file), 'other'), host: 'localhost', port: rx.port, tls: true, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
      assert.match(untrusted.error ?? '', /certificate/i);
    } finally {
      await rx.close();
    }
    await assert.rejects(forwardToSyslog({ file: w.file, stateDir: path.dirname(w.file), host: 'syslog.acme.com', port: 6514, tls: false }), /must use TLS/);
  });
});
