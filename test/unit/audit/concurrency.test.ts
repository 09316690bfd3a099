import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { readSigningKey } from '../../../src/core/audit/signingKey';
import { verifyAuditLog } from '../../../src/core/audit/verify';
import { tmpDir } from './helpers';

describe('audit checkpoints across processes', function () {
  this.timeout(20_000);
  it('keeps one chain and one signing key when several processes append and sign at once', async () => {
    const dir = tmpDir();
    const child = path.join(__dirname, 'fixtures', 'checkpoint-child.ts');
    const codes = await Promise.all([0, 1, 2].map(i => new Promise<number | null>(resolve => {
      fork(child, [dir, String(i), '30'], { execArgv: ['--import', 'tsx'] }).on('exit', resolve);
    })));
    assert.deepEqual(codes, [0, 0, 0]);
    const r = verifyAuditLog(path.join(dir, 'audit.jsonl'));
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.equal(r.entries - r.checkpoints.count, 90);
    assert.ok(r.checkpoints.count >= 12);
    assert.deepEqual(r.checkpoints.keys.map(k => k.keyId), [readSigningKey(dir)!.keyId]);
    assert.equal(r.unsignedEntries, 0);
  });
});
