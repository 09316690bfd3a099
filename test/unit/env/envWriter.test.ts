import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import fc from 'fast-check';
import { formatEnvValue, setEnvValue } from '../../../src/core/env/envWriter';

describe('env writer: changes one value only', () => {
  const original = '# keys for staging\r\nexport LANGFUSE_PUBLIC_KEY="pk-lf-old" # from the vault\r\nLANGFUSE_SECRET_KEY=sk-lf-canary-old\r\nOTHER=keep me\r\n';

  it('rewrites the value in place and leaves comments, export, quotes and CRLF untouched', () => {
    const out = setEnvValue(original, 'LANGFUSE_PUBLIC_KEY', 'pk-lf-c2000000-0000-4000-8000-000000000001');
    assert.equal(out, original.replace('"pk-lf-old"', '"pk-lf-c2000000-0000-4000-8000-000000000001"'));
  });

  it('keeps a bare value bare', () => {
    const out = setEnvValue(original, 'LANGFUSE_SECRET_KEY', 'sk-lf-canary-new');
    assert.equal(out, original.replace('sk-lf-canary-old', 'sk-lf-canary-new'));
  });

  it('appends a missing variable with the file\'s own line ending', () => {
    const out = setEnvValue(original, 'LANGFUSE_BASE_URL', 'https://cloud.langfuse.com');
    assert.equal(out, `${original}LANGFUSE_BASE_URL=https://cloud.langfuse.com\r\n`);
    assert.equal(setEnvValue('A=1', 'B', '2'), 'A=1\nB=2\n');
  });

  it('rewrites the last definition, the one dotenv uses', () => {
    const out = setEnvValue('K=1\nK=2\n', 'K', '3');
    assert.equal(out, 'K=1\nK=3\n');
    assert.equal(dotenv.parse(out).K, '3');
  });

  it('refuses a value no quote can hold rather than writing something dotenv reads differently', () => {
    assert.throws(() => formatEnvValue('a"b\'c`d'), /every kind of quote/);
  });

  it('writes any value so that dotenv reads back exactly that value (property)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9 _:/.#="'`-]{0,24}$/)
      .filter(v => v === v.trim() && !(v.includes('"') && v.includes("'") && v.includes('`')));
    fc.assert(fc.property(value, fc.constantFrom('K=x\n', 'K="x"\n', "K='x'\n", 'A=1\n'), (v, start) => {
      const out = setEnvValue(start, 'K', v);
      assert.equal(dotenv.parse(out).K, v);
      if (start.startsWith('A=')) assert.equal(dotenv.parse(out).A, '1');
    }), { numRuns: 300 });
  });
});
