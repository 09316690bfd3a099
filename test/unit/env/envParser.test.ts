import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import fc from 'fast-check';
import type { EnvEntry } from '../../../src/core/env/envParser';
import { parseEnv } from '../../../src/core/env/envParser';
import type { TextRange } from '../../../src/core/env/position';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'env');

/** The text a range covers, with lines split the way VS Code does (CRLF and LF both end a line). */
function textAt(text: string, range: TextRange): string {
  const lines = text.split(/\r?\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

function entry(text: string, key: string): EnvEntry {
  const e = parseEnv(text).entries.find(x => x.key === key);
  assert.ok(e, `no entry ${key}`);
  return e;
}

describe('env parser: positions', () => {
  it('underlines exactly the value of a plain, quoted and exported assignment', () => {
    const text = 'A=1\nexport B="two" # note\n  C = \'three\'\n';
    const a = entry(text, 'A');
    assert.deepEqual(a.valueRange, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
    const b = entry(text, 'B');
    assert.equal(b.exported, true);
    assert.equal(b.quote, '"');
    assert.equal(textAt(text, b.valueRange), 'two');
    assert.equal(textAt(text, b.quotedRange), '"two"');
    assert.equal(textAt(text, b.keyRange), 'B');
    const c = entry(text, 'C');
    assert.equal(c.spaceBeforeEquals, true);
    assert.equal(textAt(text, c.valueRange), 'three');
    assert.equal(c.keyRange.start.line, 2);
  });

  it('keeps columns exact in a CRLF file and reports CRLF as its line ending', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'crlf.env'), 'utf8');
    const doc = parseEnv(text);
    assert.equal(doc.eol, '\r\n');
    const pk = entry(text, 'LANGFUSE_PUBLIC_KEY');
    assert.equal(pk.exported, true);
    assert.equal(textAt(text, pk.valueRange), 'pk-lf-c2000000-0000-4000-8000-000000000001');
    const sk = entry(text, 'LANGFUSE_SECRET_KEY');
    assert.equal(sk.value, 'sk-lf-demo-c2000000-0000-4000-8000-000000000001');
    assert.equal(sk.valueRange.start.line, 2);
    const url = entry(text, 'LANGFUSE_BASE_URL');
    assert.equal(url.value, 'https://cloud.langfuse.com', 'no \\r left at the end of the value');
  });

  it('counts the lines of a multi-line value so later entries keep their line numbers', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'multiline.env'), 'utf8');
    const cert = entry(text, 'TLS_CERT');
    assert.equal(cert.valueRange.start.line, 1);
    assert.equal(cert.valueRange.end.line, 3);
    assert.ok(cert.value.startsWith('-----BEGIN CERTIFICATE-----\nMIIB'));
    const pk = entry(text, 'NEXT_PUBLIC_LANGFUSE_PUBLIC_KEY');
    assert.equal(pk.keyRange.start.line, 4);
    assert.equal(pk.quote, "'");
    assert.equal(textAt(text, pk.valueRange), 'pk-lf-d3000000-0000-4000-8000-000000000001');
    const url = entry(text, 'VITE_LANGFUSE_BASE_URL');
    assert.equal(url.quote, '`');
    assert.equal(url.value, 'https://us.cloud.langfuse.com');
  });

  it('reports an unbalanced quote at the quote and reads the value as dotenv does (quote kept)', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'malformed.env'), 'utf8');
    const doc = parseEnv(text);
    const problem = doc.problems.find(p => p.code === 'unbalanced-quote');
    assert.ok(problem);
    assert.deepEqual(problem.range.start, { line: 1, character: 20 });
    const pk = entry(text, 'LANGFUSE_PUBLIC_KEY');
    assert.equal(pk.unbalancedQuote, true);
    assert.equal(pk.value, dotenv.parse(text).LANGFUSE_PUBLIC_KEY);
    assert.ok(pk.value.startsWith('"'));
  });

  it('reports a line that is not an assignment and keeps its text for the rules', () => {
    const doc = parseEnv('LANGFUSE_HOST https://cloud.langfuse.com\nOK=1\n');
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0].code, 'not-an-assignment');
    assert.equal(doc.problems[0].lineText, 'LANGFUSE_HOST https://cloud.langfuse.com');
    assert.deepEqual(doc.entries.map(e => e.key), ['OK']);
  });

  it('counts trailing blanks after an unquoted value without putting them in the value', () => {
    const e = entry('LANGFUSE_PUBLIC_KEY=pk-lf-1  \t\n', 'LANGFUSE_PUBLIC_KEY');
    assert.equal(e.value, 'pk-lf-1');
    assert.equal(e.trailingWhitespace, 3);
  });

  it('gives an empty range right after "=" for an empty value', () => {
    const e = entry('EMPTY=\n', 'EMPTY');
    assert.equal(e.value, '');
    assert.deepEqual(e.valueRange, { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } });
  });
});

describe('env parser: reads values exactly like dotenv.parse', () => {
  const cases: Record<string, string> = {
    'comment after unquoted value': 'A=x # c\nB=y#z\n',
    'escaped quote inside double quotes': 'A="a\\"b"\n',
    'double quotes expand \\n, single quotes do not': 'A="x\\ny"\nB=\'x\\ny\'\n',
    'closing quote followed by text falls back to the raw line': 'A="x" y"\n',
    'backtracking to an escaped quote when no later quote closes': 'A="abc\\"\n',
    'colon form': 'A: b\n',
    'blank lines and indentation': '\n\n   A=1\n\t B=2\n',
    'export prefix and a key named export': 'export A=1\nexport=2\n',
    'multi-line in all three quotes': 'A="1\n2"\nB=\'3\n4\'\nC=`5\n6`\n',
    'CRLF with multi-line': 'A="1\r\n2"\r\nB=3\r\n',
    'unclosed quote at end of file': 'A=1\nB="open\n',
    'dots and dashes in names': 'a.b-c=1\n',
    'a byte-order mark before the first key': '\uFEFFLANGFUSE_PUBLIC_KEY=pk-lf-1\nB=2\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const ours = Object.fromEntries(parseEnv(text).entries.map(e => [e.key, e.value]));
      assert.deepEqual(ours, dotenv.parse(text));
    });
  }

  it('agrees with dotenv on generated files (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
    const bare = fc.stringMatching(/^[A-Za-z0-9_:/.+=-]{1,20}$/);
    const inner = fc.stringMatching(/^[A-Za-z0-9 _:/.#=-]{0,20}$/);
    const value = fc.oneof(
      bare,
      inner.map(v => `"${v}"`),
      inner.map(v => `'${v}'`),
      inner.map(v => `\`${v}\``),
      fc.tuple(inner, inner).map(([a, b]) => `"${a}\n${b}"`),
      bare.map(v => `${v}   `),
      bare.map(v => `${v} # comment`),
    );
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.boolean(), name, fc.constantFrom('=', ' = ', '= '), value).map(([exp, k, eq, v]) => `${exp ? 'export ' : ''}${k}${eq}${v}`) },
      { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '   ', '#A=1') },
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
      const text = lines.join(crlf ? '\r\n' : '\n');
      const ours = Object.fromEntries(parseEnv(text).entries.map(e => [e.key, e.value]));
      assert.deepEqual(ours, dotenv.parse(text));
    }), { numRuns: 400 });
  });
});

describe('env parser: document facts', () => {
  it('counts lines like an editor does', () => {
    assert.equal(parseEnv('').lineCount, 1);
    assert.equal(parseEnv('A=1').lineCount, 1);
    assert.equal(parseEnv('A=1\n').lineCount, 2);
    assert.equal(parseEnv('A="x\ny"\r\nB=2').lineCount, 3);
    assert.equal(parseEnv('# c\n\n  ').lineCount, 3);
  });
});
