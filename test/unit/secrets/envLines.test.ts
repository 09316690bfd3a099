import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import * as dotenv from 'dotenv';
import { parseEnv, serializeEnv, setValues, valuesOf } from '../../../src/core/secrets/env/envLines';

describe('secrets: .env line editor', () => {
  it('gives back every byte of any text it does not edit (round trip)', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# comment', '  # indented', 'export A=1', 'B = "x y" # note', "C='q'", 'D=`t`', 'E="multi\nline"', 'F=', 'bad line', 'G="unclosed', 'H=a#b'),
      fc.string(),
    );
    fc.assert(fc.property(fc.array(line), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, trailing) => {
      const text = lines.join(eol) + (trailing ? eol : '');
      assert.equal(serializeEnv(parseEnv(text)), text);
    }), { numRuns: 500 });
  });

  it('replaces a value and keeps export, quoting, inline comments and CRLF', () => {
    const text = 'export LANGFUSE_PUBLIC_KEY="pk-lf-old" # prod key\r\nLANGFUSE_SECRET_KEY=\'sk-lf-old\'   # rotated yearly\r\nOTHER=1\r\n';
    let doc = setValues(parseEnv(text), 'LANGFUSE_PUBLIC_KEY', ['pk-lf-new']);
    doc = setValues(doc, 'LANGFUSE_SECRET_KEY', ['sk-lf-new']);
    assert.equal(serializeEnv(doc), 'export LANGFUSE_PUBLIC_KEY="pk-lf-new" # prod key\r\nLANGFUSE_SECRET_KEY=\'sk-lf-new\'   # rotated yearly\r\nOTHER=1\r\n');
  });

  it('changes every duplicate so no old value survives, and parsers see the new one', () => {
    const text = 'K=old1\n# K=commented stays\nK=old2\n';
    const out = serializeEnv(setValues(parseEnv(text), 'K', ['new']));
    assert.equal(out, 'K=new\n# K=commented stays\nK=new\n');
    assert.equal(dotenv.parse(out).K, 'new');
  });

  it('appends a missing key with the file\'s line ending, adding one to an unterminated last line', () => {
    assert.equal(serializeEnv(setValues(parseEnv('A=1\r\nB=2'), 'K', ['v'])), 'A=1\r\nB=2\r\nK=v\r\n');
    assert.equal(serializeEnv(setValues(parseEnv('export A=1\n'), 'K', ['v'])), 'export A=1\nexport K=v\n');
    assert.equal(serializeEnv(setValues(parseEnv(''), 'K', ['v'])), 'K=v\n');
  });

  it('reads values the way dotenv does for quoted, unquoted and commented lines', () => {
    const text = 'A="x" # c\nB=y # c\nC=\'z\'\nexport D=w\nE="a\\"b"\nF="l1\nl2"\n';
    const doc = parseEnv(text);
    const parsed = dotenv.parse(text);
    for (const k of ['A', 'B', 'C', 'D', 'F']) assert.equal(valuesOf(doc, k).at(-1), parsed[k], k);
    assert.equal(valuesOf(doc, 'E')[0], 'a"b');
  });

  it('quotes a value that an unquoted line could not hold', () => {
    assert.equal(serializeEnv(setValues(parseEnv('K=old\n'), 'K', ['has space #x'])), 'K="has space #x"\n');
  });
});
