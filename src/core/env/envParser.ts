// A positional .env parser. Hand-written on purpose: `dotenv.parse` returns only a key → value map
// (no line, column, quotes, `export` or problems), so diagnostics could not underline a value, and
// test/bench/env.bench.ts measures this parser (positions included) against `dotenv.parse` on the
// same input. Values are read the way dotenv 16 reads them (see the equivalence test), so what we
// check is what an SDK loading the file with dotenv gets.
import type { TextRange } from './position';
import { textRange } from './position';

export type EnvQuote = '"' | "'" | '`';

export interface EnvEntry {
  readonly key: string;
  /** The value as dotenv reads it: quotes removed, `\n`/`\r` expanded inside double quotes, CRLF → LF. */
  readonly value: string;
  readonly quote: EnvQuote | undefined;
  readonly exported: boolean;
  readonly keyRange: TextRange;
  /** The value without its quotes; an empty range right after `=` when the value is empty. */
  readonly valueRange: TextRange;
  /** The value including its quotes (equals valueRange when unquoted). */
  readonly quotedRange: TextRange;
  /** `KEY =value`: whitespace between the name and `=`. */
  readonly spaceBeforeEquals: boolean;
  /** Spaces or tabs ending the line after an unquoted value (dotenv trims them, Docker's --env-file keeps them). */
  readonly trailingWhitespace: number;
  /** An opening quote with no closing quote anywhere after it: the value keeps the quote character. */
  readonly unbalancedQuote: boolean;
  /** Offsets in the text: the value with its quotes, and the whole entry from its line start through its line end (after the line break). */
  readonly offsets: { readonly valueStart: number; readonly valueEnd: number; readonly lineStart: number; readonly lineEnd: number };
}

export type EnvSyntaxCode = 'unbalanced-quote' | 'not-an-assignment';

export interface EnvSyntaxProblem {
  code: EnvSyntaxCode;
  range: TextRange;
  /** The source text of the line, for rules that only care about lines mentioning a variable. */
  lineText: string;
}

export interface EnvDocument {
  entries: EnvEntry[];
  problems: EnvSyntaxProblem[];
  eol: '\n' | '\r\n';
  lineCount: number;
}

const SPACE = 32, TAB = 9, LF = 10, CR = 13, HASH = 35, EQUALS = 61, COLON = 58, BACKSLASH = 92;
const DQUOTE = 34, SQUOTE = 39, BACKTICK = 96;

/** dotenv's `[\w.-]`, as a lookup table: the key loop is the parser's hottest. */
const KEY_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  KEY_CHAR[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 ? 1 : 0;
}

/**
 * What dotenv's `\s` and String.trim() treat as blank on one line: space, tab, vertical tab, form feed,
 * no-break and the other Unicode spaces, and the byte-order mark. (U+2028/U+2029 end a line for
 * dotenv's multiline regex and are not handled as blanks here.)
 */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || (c > 127 ? UNICODE_BLANK.has(c) : c === 11 || c === 12);
}
const UNICODE_BLANK = new Set([0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** Positions as numbers (zero-based line, UTF-16 column); ranges are built on first use. */
class ParsedEntry implements EnvEntry {
  constructor(
    readonly key: string,
    readonly value: string,
    readonly quote: EnvQuote | undefined,
    readonly exported: boolean,
    private readonly keyLine: number,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    /** Start of the value inside any quote. */
    private readonly valueLine: number,
    private readonly valueStart: number,
    /** End of the value before any closing quote. */
    private readonly valueEndLine: number,
    private readonly valueEnd: number,
    readonly spaceBeforeEquals: boolean,
    readonly trailingWhitespace: number,
    readonly unbalancedQuote: boolean,
    readonly offsets: EnvEntry['offsets'],
  ) {}

  get keyRange(): TextRange {
    return textRange(this.keyLine, this.keyStart, this.keyLine, this.keyEnd);
  }

  get valueRange(): TextRange {
    return textRange(this.valueLine, this.valueStart, this.valueEndLine, this.valueEnd);
  }

  get quotedRange(): TextRange {
    return this.quote ? textRange(this.valueLine, this.valueStart - 1, this.valueEndLine, this.valueEnd + 1) : this.valueRange;
  }
}

export function parseEnv(text: string): EnvDocument {
  // One loop without closures, so the cursor state stays in registers (closures over it cost ~2×).
  const n = text.length;
  const entries: EnvEntry[] = [];
  const problems: EnvSyntaxProblem[] = [];
  let line = 0;
  let lineStart = 0;
  // A byte-order mark (Windows editors write one) is whitespace to dotenv's `\s`; columns still count it.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next "\n" and "#" at or after the cursor, found with native indexOf and reused: O(n) overall.
  let nl = -1;
  let hash = -1;

  while (i < n) {
    let c = text.charCodeAt(i);
    while (isBlank(c)) c = text.charCodeAt(++i);
    if (i >= n) break;
    if (c === LF) { i++; line++; lineStart = i; continue; }
    if (nl < i) { nl = text.indexOf('\n', i); if (nl < 0) nl = n; }
    // The end of this line's content, before "\r\n" or "\n".
    const eol = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (c === CR || c === HASH) { i = nl + 1; line++; lineStart = i; continue; }

    const firstCol = i - lineStart;
    const entryLineStart = lineStart;
    let exported = false;
    if (c === 101 /* e */ && text.startsWith('export', i) && isBlank(text.charCodeAt(i + 6))) {
      exported = true;
      i += 6;
      while (isBlank(text.charCodeAt(i))) i++;
    }
    const keyStart = i;
    while (KEY_CHAR[text.charCodeAt(i)] === 1) i++;
    const keyEnd = i;
    while (isBlank(text.charCodeAt(i))) i++;
    const spaceBeforeEquals = i > keyEnd;
    c = text.charCodeAt(i);
    if (keyEnd === keyStart || (c !== EQUALS && !(c === COLON && !spaceBeforeEquals && isBlank(text.charCodeAt(i + 1))))) {
      problems.push({ code: 'not-an-assignment', range: textRange(line, firstCol, line, eol - lineStart), lineText: text.slice(lineStart, eol) });
      i = nl + 1; line++; lineStart = i;
      continue;
    }
    i++;
    while (isBlank(text.charCodeAt(i))) i++;

    const key = text.slice(keyStart, keyEnd);
    const keyLine = line;
    const keyStartCol = keyStart - lineStart;
    const keyEndCol = keyEnd - lineStart;
    c = text.charCodeAt(i);

    let unbalancedQuote = false;
    if (c === DQUOTE || c === SQUOTE || c === BACKTICK) {
      const close = findClosingQuote(text, i + 1, c);
      if (close >= 0) {
        const quote: EnvQuote = c === DQUOTE ? '"' : c === SQUOTE ? "'" : '`';
        const openLine = line, openCol = i - lineStart;
        // Count the lines the value spans so later positions stay exact.
        while (nl < close) {
          line++;
          lineStart = nl + 1;
          nl = text.indexOf('\n', lineStart);
          if (nl < 0) nl = n;
        }
        entries.push(new ParsedEntry(key, readQuoted(text.slice(i + 1, close), quote), quote, exported, keyLine, keyStartCol, keyEndCol,
          openLine, openCol + 1, line, close - lineStart, spaceBeforeEquals, 0, false,
          { valueStart: i, valueEnd: close + 1, lineStart: entryLineStart, lineEnd: Math.min(nl + 1, n) }));
        i = nl + 1; line++; lineStart = i;
        continue;
      }
      problems.push({ code: 'unbalanced-quote', range: textRange(line, i - lineStart, line, eol - lineStart), lineText: text.slice(lineStart, eol) });
      unbalancedQuote = true;
    }

    // Unquoted (or dotenv's reading of an unclosed quote): up to "#" or the line end, trimmed.
    if (hash < i) { hash = text.indexOf('#', i); if (hash < 0) hash = n; }
    let end = hash < eol ? hash : eol;
    const beforeTrim = end;
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
    const raw = text.slice(i, end);
    entries.push(new ParsedEntry(key, unbalancedQuote ? readLikeDotenv(raw) : raw, undefined, exported, keyLine, keyStartCol, keyEndCol,
      line, i - lineStart, line, end - lineStart, spaceBeforeEquals,
      end > i && beforeTrim === eol ? beforeTrim - end : 0, unbalancedQuote,
      { valueStart: i, valueEnd: end, lineStart: entryLineStart, lineEnd: Math.min(nl + 1, n) }));
    i = nl + 1; line++; lineStart = i;
  }

  const lf = text.indexOf('\n');
  // The last step past a final line without "\n" counted one line too many.
  return { entries, problems, eol: lf > 0 && text.charCodeAt(lf - 1) === CR ? '\r\n' : '\n', lineCount: i > n ? line : line + 1 };
}

/**
 * The closing quote dotenv's `"(?:\\"|[^"])*"\s*(?:#.*)?$` settles on: the first unescaped quote, or
 * (backtracking) an escaped one before it, whichever is followed by only blanks or a comment on its
 * line. The value may span lines. -1 when none fits: dotenv then reads the line as an unquoted value.
 */
function findClosingQuote(text: string, from: number, quote: number): number {
  // A quote right after a backslash is escaped (backslashes never pair with each other in that regex).
  const q = String.fromCharCode(quote);
  let escaped: number[] | undefined;
  let first = text.indexOf(q, from);
  while (first > from && text.charCodeAt(first - 1) === BACKSLASH) {
    (escaped ??= []).push(first);
    first = text.indexOf(q, first + 1);
  }
  if (first >= 0 && onlyCommentFollows(text, first + 1)) return first;
  if (escaped) for (let e = escaped.length - 1; e >= 0; e--) if (onlyCommentFollows(text, escaped[e] + 1)) return escaped[e];
  return -1;
}

function onlyCommentFollows(text: string, from: number): boolean {
  let j = from;
  while (isBlank(text.charCodeAt(j))) j++;
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  return c === LF || c === CR || c === HASH;
}

/** dotenv strips matching outer quotes and expands `\\n` when the text starts with `"`, even unbalanced. */
function readLikeDotenv(raw: string): string {
  const q = raw[0];
  const stripped = raw.length >= 2 && raw[raw.length - 1] === q ? raw.slice(1, -1) : raw;
  return q === '"' ? stripped.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : stripped;
}

function readQuoted(raw: string, quote: EnvQuote): string {
  const value = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (quote !== '"' || value.indexOf('\\') < 0) return value;
  return value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}
