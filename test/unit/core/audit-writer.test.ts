import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditWriter } from '../../../src/core/audit/auditWriter';
import { entryHash, splitLine } from '../../../src/core/audit/chain';
import { GENESIS_HASH } from '../../../src/core/audit/entry';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-audit-'));
}

function readLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

function assertChain(lines: string[]): void {
  let prev = GENESIS_HASH;
  lines.forEach((line, i) => {
    const parts = splitLine(line);
    assert.ok(parts, `line ${i + 1} has a hash`);
    const body = JSON.parse(parts!.body);
    assert.equal(body.prev, prev, `line ${i + 1} links to the previous hash`);
    assert.equal(body.seq, i + 1);
    assert.equal(entryHash(prev, parts!.body), parts!.hash, `line ${i + 1} hash matches`);
    prev = parts!.hash;
  });
}

describe('audit writer', () => {
  it('appends chained entries to audit.jsonl with private modes', () => {
    const dir = path.join(tmpDir(), 'state');
    const writer = new AuditWriter({ stateDir: dir, actor: { identity: 'dev@acme.com', tool: 'test' } });
    writer.append({ action: 'connection.add', resource: { kind: 'connection', id: 'acme' }, outcome: 'success' });
    writer.append({ action: 'apiKey.create', resource: { kind: 'apiKey', id: 'k1', project: 'staging-chatbot' }, outcome: 'success' });
    const lines = readLines(writer.file);
    assert.equal(lines.length, 2);
    assertChain(lines);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(writer.file).mode & 0o777, 0o600);
  });

  it('never writes a secret into an entry', () => {
    const writer = new AuditWriter({ stateDir: tmpDir(), actor: { identity: 'dev@acme.com', tool: 'test' } });
    const secret = 'sk-lf-canary-aaaa-bbbb-cccc-ddddeeeeffff';
    writer.append({
      action: 'apiKey.create', resource: { kind: 'apiKey' }, outcome: 'success',
      details: { secretKey: secret, note: `created with ${secret}`, nested: [{ token: 'hvs.x' }] },
    });
    const text = fs.readFileSync(writer.file, 'utf8');
    assert.ok(!text.includes(secret));
    assert.ok(!text.includes('hvs.x'));
    assert.match(text, /sk-lf-…ffff/);
  });

  it('continues the chain written by another writer (another window or the CLI)', () => {
    const dir = tmpDir();
    const a = new AuditWriter({ stateDir: dir, actor: { identity: 'a', tool: 'extension' } });
    const b = new AuditWriter({ stateDir: dir, actor: { identity: 'b', tool: 'cli' } });
    a.append({ action: 'x', resource: { kind: 'k' }, outcome: 'success' });
    b.append({ action: 'y', resource: { kind: 'k' }, outcome: 'success' });
    a.append({ action: 'z', resource: { kind: 'k' }, outcome: 'success' });
    assertChain(readLines(a.file));
  });

  it('keeps one unbroken chain when several processes append at once', async () => {
    const dir = tmpDir();
    const child = path.join(__dirname, 'fixtures', 'append-child.ts');
    const runs = [0, 1, 2].map(i => new Promise<number | null>(resolve => {
      const p = fork(child, [dir, String(i), '40'], { execArgv: ['--import', 'tsx'] });
      p.on('exit', code => resolve(code));
    }));
    const codes = await Promise.all(runs);
    assert.deepEqual(codes, [0, 0, 0]);
    const lines = readLines(path.join(dir, 'audit.jsonl'));
    assert.equal(lines.length, 120);
    assertChain(lines);
  });
});
