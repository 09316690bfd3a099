import * as assert from 'node:assert/strict';
import { Logger, MemoryLogSink } from '../../../src/core/log/logger';
import { maskSecretKey, redact } from '../../../src/core/log/redact';

const SECRET = 'sk-lf-canary-0000-1111-2222-333344445555';

describe('redaction', () => {
  it('masks a secret key to its last four characters', () => {
    assert.equal(maskSecretKey(SECRET), 'sk-lf-…5555');
    assert.equal(redact(`key is ${SECRET}.`), 'key is sk-lf-…5555.');
  });

  it('masks Authorization headers and token fields in objects and errors', () => {
    const basic = Buffer.from(`pk-lf-x:${SECRET}`).toString('base64');
    const out = redact({ headers: { Authorization: `Basic ${basic}` }, token: 'hvs.vault-token', secretKey: SECRET });
    assert.ok(!out.includes(basic) && !out.includes('hvs.vault-token') && !out.includes(SECRET), out);
    assert.match(out, /sk-lf-…5555/);
    const err = new Error(`request failed: Authorization: Bearer abcdefghijklmnop, secret=${SECRET}`);
    const text = redact(err);
    assert.ok(!text.includes('abcdefghijklmnop') && !text.includes(SECRET), text);
  });

  it('leaves public keys and ordinary text alone', () => {
    assert.equal(redact('pk-lf-1234 belongs to production-chatbot'), 'pk-lf-1234 belongs to production-chatbot');
  });

  it('redacts every argument a logger is given, with the component tag', () => {
    const sink = new MemoryLogSink();
    new Logger(sink).child('Rotation').info('created', { secretKey: SECRET, publicKey: 'pk-lf-abc' });
    assert.equal(sink.lines.length, 1);
    assert.match(sink.lines[0].line, /^\[Rotation\] created /);
    assert.ok(!sink.text().includes(SECRET));
    assert.match(sink.text(), /pk-lf-abc/);
  });
});
