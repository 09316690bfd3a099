// A minimal, lossless .env line editor: parse → edit values → serialise gives back every byte
// that was not edited (comments, inline comments, blank lines, quoting, `export`, CRLF, order).
// Hand-written because dotenv only parses (it cannot write back) and the positional parser of
// src/core/env/ did not exist when this was written; the round-trip property is tested.

export type Quote = '"' | "'" | '`' | '';

export interface Assignment {
  kind: 'assignment';
  key: string;
  /** Indentation, optional `export `, key and `=` with its spaces: kept verbatim. */
  head: string;
  quote: Quote;
  /** The value as written between the quotes (escapes not decoded). */
  raw: string;
  /** Whatever follows the value on its last line: spaces and an inline `# comment`. */
  tail: string;
  eol: string;
  exported: boolean;
}

export interface OtherLine {
  kind: 'other';
  text: string;
  eol: string;
}

export type Segment = Assignment | OtherLine;

export interface EnvDocument {
  segments: Segment[];
  /** The line ending the file mostly uses, for appended lines. */
  eol: string;
}

const HEAD = /^(\s*(export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=[ \t]*)/;

interface PhysicalLine { text: string; eol: string }

function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const re = /\r\n|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** Index of the closing quote in `s` from `from`, honouring backslash escapes in `"` values. */
function closingQuote(s: string, from: number, quote: Quote): number {
  for (let i = from; i < s.length; i++) {
    if (quote === '"' && s[i] === '\\') { i++; continue; }
    if (s[i] === quote) return i;
  }
  return -1;
}

export function parseEnv(text: string): EnvDocument {
  const lines = splitLines(text);
  const crlf = lines.filter(l => l.eol === '\r\n').length;
  const lf = lines.filter(l => l.eol === '\n').length;
  const segments: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = HEAD.exec(line.text);
    if (!m) { segments.push({ kind: 'other', text: line.text, eol: line.eol }); continue; }
    const head = m[0];
    const rest = line.text.slice(head.length);
    const base = { kind: 'assignment' as const, key: m[3], head, exported: m[2] !== undefined };
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      // A quoted value may span lines; gather until the closing quote (or give up: unquoted).
      let body = rest.slice(1);
      let j = i;
      let close = closingQuote(body, 0, q);
      while (close < 0 && j + 1 < lines.length) {
        body += lines[j].eol + lines[j + 1].text;
        j++;
        close = closingQuote(body, 0, q);
      }
      if (close >= 0) {
        segments.push({ ...base, quote: q, raw: body.slice(0, close), tail: body.slice(close + 1), eol: lines[j].eol });
        i = j;
        continue;
      }
    }
    const comment = /(^|\s+)#.*$/.exec(rest);
    const valueEnd = comment ? comment.index : rest.length;
    const raw = rest.slice(0, valueEnd).replace(/\s+$/, '');
    segments.push({ ...base, quote: '', raw, tail: rest.slice(raw.length), eol: line.eol });
  }
  return { segments, eol: crlf > lf ? '\r\n' : '\n' };
}

export function serializeEnv(doc: EnvDocument): string {
  return doc.segments.map(s => (s.kind === 'other' ? s.text : `${s.head}${s.quote}${s.raw}${s.quote}${s.tail}`) + s.eol).join('');
}

/** The value as a parser would see it (double-quoted escapes \n \r \" \\ decoded). */
export function decodeValue(a: Assignment): string {
  if (a.quote === '"') return a.raw.replace(/\\([nr"\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
  return a.raw;
}

/** Every value of `key`, in file order (dotenv and python-dotenv use the last one). */
export function valuesOf(doc: EnvDocument, key: string): string[] {
  return doc.segments.filter((s): s is Assignment => s.kind === 'assignment' && s.key === key).map(decodeValue);
}

const SAFE_UNQUOTED = /^[A-Za-z0-9_\-.:/+=@]*$/;

function encodeValue(value: string, quote: Quote): { quote: Quote; raw: string } {
  if (quote === '' && SAFE_UNQUOTED.test(value)) return { quote: '', raw: value };
  if ((quote === "'" || quote === '`') && !value.includes(quote) && !/[\r\n]/.test(value)) return { quote, raw: value };
  return { quote: '"', raw: value.replace(/[\\"]/g, c => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r') };
}

/**
 * Sets `key` to `values`: occurrence i gets values[i] (the last value repeats when there are more
 * occurrences than values), so duplicates all change and no old value survives anywhere. A key
 * that is missing is appended (with `export` when every existing assignment uses it).
 * Returns a new document; the input is not changed.
 */
export function setValues(doc: EnvDocument, key: string, values: string[]): EnvDocument {
  if (values.length === 0) return removeKey(doc, key);
  let n = 0;
  const segments = doc.segments.map((s): Segment => {
    if (s.kind !== 'assignment' || s.key !== key) return s;
    const value = values[Math.min(n++, values.length - 1)];
    return { ...s, ...encodeValue(value, s.quote) };
  });
  if (n === 0) {
    const assignments = segments.filter(s => s.kind === 'assignment');
    const exported = assignments.length > 0 && assignments.every(s => (s as Assignment).exported);
    const last = segments[segments.length - 1];
    if (last && last.eol === '') segments[segments.length - 1] = { ...last, eol: doc.eol };
    for (const value of values) {
      const head = `${exported ? 'export ' : ''}${key}=`;
      segments.push({ kind: 'assignment', key, head, exported, ...encodeValue(value, ''), tail: '', eol: doc.eol });
    }
  }
  return { ...doc, segments };
}

export function removeKey(doc: EnvDocument, key: string): EnvDocument {
  return { ...doc, segments: doc.segments.filter(s => !(s.kind === 'assignment' && s.key === key)) };
}
