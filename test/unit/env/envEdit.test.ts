// The one .env model: the parser the diagnostics use is the one the rotation's .env sink edits with.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import fc from 'fast-check';
import { envValuesOf, formatEnvValue, setEnvValues } from '../../../src/core/env/envEdit';
import { parseEnv } from '../../../src/core/env/envParser';
import { EnvFileSink } from '../../../src/core/secrets/env/envFileSink';

describe('env: editing through the one .env model', () => {
  it('gives back every byte of any text when a key it does not hold is looked up and nothing is written', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# comment', '  # indented', 'export A=1', 'B = "x y" # note', "C='q'", 'D=`t`', 'E="multi\nline"', 'F=', 'bad line', 'G="unclosed', 'H=a#b', 'I: colon'),
      fc.string(),
    );
    fc.assert(fc.property(fc.array(line), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, trailing) => {
      const text = lines.join(eol) + (trailing ? eol : '');
      const doc = parseEnv(text);
      // Removing a key the text does not hold changes nothing.
      assert.equal(setEnvValues(text, 'NOT_THERE_ANYWHERE', []), text);
      assert.equal(envValuesOf(doc, 'NOT_THERE_ANYWHERE').length, 0);
    }), { numRuns: 300 });
  });

  it('replaces a value and keeps export, quoting, inline comments and CRLF', () => {
    const text = 'export LANGFUSE_PUBLIC_KEY="pk-lf-old" # prod key\r\nLANGFUSE_SECRET_KEY=\'sk-lf-old\'   # rotated yearly\r\nOTHER=1\r\n';
    const out = setEnvValues(setEnvValues(text, 'LANGFUSE_PUBLIC_KEY', ['pk-lf-new']), 'LANGFUSE_SECRET_KEY', ['sk-lf-new']);
    assert.equal(out, 'export LANGFUSE_PUBLIC_KEY="pk-lf-new" # prod key\r\nLANGFUSE_SECRET_KEY=\'sk-lf-new\'   # rotated yearly\r\nOTHER=1\r\n');
  });

  it('changes every duplicate so no old value survives, and dotenv reads the new one', () => {
    const out = setEnvValues('K=old1\n# K=commented stays\nK=old2\n', 'K', ['new']);
    assert.equal(out, 'K=new\n# K=commented stays\nK=new\n');
    assert.equal(dotenv.parse(out).K, 'new');
  });

  it('appends a missing key with the file\'s line ending, adding one to an unterminated last line', () => {
    assert.equal(setEnvValues('A=1\r\nB=2', 'K', ['v']), 'A=1\r\nB=2\r\nK=v\r\n');
    assert.equal(setEnvValues('export A=1\n', 'K', ['v']), 'export A=1\nexport K=v\n');
    assert.equal(setEnvValues('', 'K', ['v']), 'K=v\n');
  });

  it('removes every line of a key (a value spanning lines included) and nothing else', () => {
    assert.equal(setEnvValues('A=1\nK="l1\nl2"\nB=2\nK=x', 'K', []), 'A=1\nB=2\n');
  });

  it('reads values exactly as dotenv does: quoted, unquoted, commented, escaped quotes, KEY: value, Unicode spaces', () => {
    const text = 'A="x" # c\nB=y # c\nC=\'z\'\nexport D=w\nE="a\\"b"\nF="l1\nl2"\nG: colon value\n\u00a0H\u2003=\u3000spaced\u00a0\n';
    const doc = parseEnv(text);
    const parsed = dotenv.parse(text);
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) assert.equal(envValuesOf(doc, k).at(-1), parsed[k], k);
  });

  it('quotes a value that an unquoted line could not hold, and refuses one no quote can hold', () => {
    assert.equal(setEnvValues('K=old\n', 'K', ['has space #x']), 'K="has space #x"\n');
    assert.throws(() => formatEnvValue('a"b\'c`d'), /every kind of quote/);
  });

  it('writes any value so that dotenv reads back exactly that value (property)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9 _:/.#="'`-]{0,24}$/)
      .filter(v => v === v.trim() && !(v.includes('"') && v.includes("'") && v.includes('`')));
    fc.assert(fc.property(value, fc.constantFrom('K=x\n', 'K="x"\n', "K='x'\n", 'A=1\n', 'K: x\n'), (v, start) => {
      const out = setEnvValues(start, 'K', [v]);
      assert.equal(dotenv.parse(out).K, v);
      if (start.startsWith('A=')) assert.equal(dotenv.parse(out).A, '1');
    }), { numRuns: 300 });
  });
});

/** Every line form the parser accepts, as a template whose value part is written with `v`. */
const BLANKS = [' ', '\t', '\u00a0', '\u2002', '\u2009', '\u3000', '\u202f', '\ufeff'];
const blank = fc.constantFrom(...BLANKS);
const blanks = fc.array(blank, { maxLength: 2 }).map(b => b.join(''));
type Form = (v: string) => string;
const assignment = (key: string): fc.Arbitrary<Form> => fc.record({
  lead: blanks, exported: fc.boolean(), afterExport: blank, sep: fc.constantFrom('=', ' =', '= ', ' = ', '\u00a0=\u00a0', ': ', ':\u2003'),
  quote: fc.constantFrom('', '"', "'", '`'), tail: fc.constantFrom('', ' # note', '\t# from the vault', '\u00a0'),
}).map(f => {
  // dotenv's `KEY: value` takes no blank before the colon; it trims a trailing Unicode blank off an unquoted value.
  return (v: string) => `${f.lead}${f.exported ? `export${f.afterExport}` : ''}${key}${f.sep}${f.quote}${v}${f.quote}${f.tail}`;
});
const otherLine: fc.Arbitrary<Form> = fc.constantFrom('', '# LANGFUSE_SECRET_KEY=commented out stays', 'APP_NAME=chatbot', 'DEBUG="true"', 'NOT AN ASSIGNMENT', '  \t', 'PORT: 3000', 'MULTI="first\nsecond"').map(t => () => t);

describe('env: a rotation of a .env file changes the pair and nothing else (property, every line form)', function () {
  this.timeout(60_000);
  const OLD = { publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-000000000001' };
  const NEW = { publicKey: 'pk-lf-e5000000-0000-4000-8000-00000000000e', secretKey: 'sk-lf-canary-e5000000-0000-4000-8000-00000000000e' };
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-envedit-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves no trace of the old secret and byte-compares equal to the same file written with the new pair', async () => {
    const file = fc.record({
      lines: fc.array(fc.oneof(
        { arbitrary: otherLine, weight: 2 },
        { arbitrary: assignment('LANGFUSE_PUBLIC_KEY').map(f => ({ f, key: 'publicKey' as const })), weight: 1 },
        { arbitrary: assignment('LANGFUSE_SECRET_KEY').map(f => ({ f, key: 'secretKey' as const })), weight: 1 },
      ), { minLength: 1, maxLength: 8 }),
      pk: assignment('LANGFUSE_PUBLIC_KEY'), sk: assignment('LANGFUSE_SECRET_KEY'),
      eol: fc.constantFrom('\n', '\r\n'), trailing: fc.boolean(),
    });
    let n = 0;
    await fc.assert(fc.asyncProperty(file, async ({ lines, pk, sk, eol, trailing }) => {
      // The pair appears at least once (a rotation target holds the old key), maybe more.
      const forms = [...lines, { f: pk, key: 'publicKey' as const }, { f: sk, key: 'secretKey' as const }];
      const render = (pair: typeof OLD) => forms.map(l => typeof l === 'function' ? l('') : l.f(pair[l.key])).join(eol) + (trailing ? eol : '');
      const before = render(OLD);
      const expected = render(NEW);
      assert.equal(dotenv.parse(before).LANGFUSE_SECRET_KEY, OLD.secretKey, 'dotenv reads every generated form (the case is not vacuous)');
      assert.equal(envValuesOf(parseEnv(before), 'LANGFUSE_SECRET_KEY').at(-1), OLD.secretKey, 'and so do the diagnostics');
      const target = path.join(dir, `case-${n++}.env`);
      fs.writeFileSync(target, before);
      const sink = new EnvFileSink(target, { lockDir: path.join(dir, 'locks') });
      await sink.write({ publicKey: NEW.publicKey, secretKey: NEW.secretKey });
      const after = fs.readFileSync(target, 'utf8');
      assert.ok(!after.includes(OLD.secretKey), 'no trace of the old secret');
      assert.equal(after, expected, 'only the values changed, byte for byte');
      const read = dotenv.parse(after);
      assert.equal(read.LANGFUSE_SECRET_KEY, NEW.secretKey, 'dotenv reads the new secret');
      assert.equal(read.LANGFUSE_PUBLIC_KEY, NEW.publicKey);
      // The diagnostics read the file the same way.
      assert.equal(envValuesOf(parseEnv(after), 'LANGFUSE_SECRET_KEY').at(-1), NEW.secretKey);
    }), { numRuns: 300 });
  });
});
