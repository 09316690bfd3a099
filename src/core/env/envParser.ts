// A positional .env parser. Hand-written on purpose: `dotenv.parse` returns only a key → value map
// (no line, column, quotes, `export` or problems), so diagnostics could not underline a value, and
// test/bench/env.bench.ts measures this parser (positions included) against `dotenv.parse` on the
// same input. Values are read the way dotenv 16 reads them (see the equivalence test), so what we
// check is what an SDK loading the file with dotenv gets.
import type { TextRange } from './position';
import { textRange } from './position';

export type EnvQuote = '"' | "'" | '`';

export interface EnvEntry {
  key: string;
  /** The value as dotenv reads it: quotes removed, `\n`/`\r` expanded inside double quotes, CRLF → LF. */
  value: string;
  quote: EnvQuote | undefined;
  exported: boolean;
  keyRange: TextRange;
  /** The value without its quotes; an empty range right after `=` when the value is empty. */
  valueRange: TextRange;
  /** The value including its quotes (equals valueRange when unquoted). */
  quotedRange: TextRange;
  /** `KEY =value`: whitespace between the name and `=`. */
  spaceBeforeEquals: boolean;
  /** Spaces or tabs ending the line after an unquoted value (dotenv trims them, Docker's --env-file keeps them). */
  trailingWhitespace: number;
  /** An opening quote with no closing quote anywhere after it: the value keeps the quote character. */
  unbalancedQuote: boolean;
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

function isKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function parseEnv(text: string): EnvDocument {
  const n = text.length;
  const entries: EnvEntry[] = [];
  const problems: EnvSyntaxProblem[] = [];
  let line = 0;
  let lineStart = 0;
  let i = 0;

  const endOfLine = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === LF || (c === CR && text.charCodeAt(j + 1) === LF)) break;
      j++;
    }
    return j;
  };
  // Moves past the line ending at `j` (which must point at \n, \r\n or the end).
  const nextLine = (j: number): void => {
    if (j >= n) { i = n; return; }
    i = text.charCodeAt(j) === CR ? j + 2 : j + 1;
    line++;
    lineStart = i;
  };
  const problem = (code: EnvSyntaxCode, startCol: number, eol: number): void => {
    problems.push({ code, range: textRange(line, startCol, line, eol - lineStart), lineText: text.slice(lineStart, eol) });
  };

  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    let c = text.charCodeAt(i);
    if (i >= n) break;
    if (c === LF || c === CR || c === HASH) { nextLine(endOfLine(i)); continue; }

    const firstCol = i - lineStart;
    let exported = false;
    if (text.startsWith('export', i) && isBlank(text.charCodeAt(i + 6))) {
      exported = true;
      i += 6;
      while (isBlank(text.charCodeAt(i))) i++;
    }
    const keyStart = i;
    while (i < n && isKeyChar(text.charCodeAt(i))) i++;
    const keyEnd = i;
    while (isBlank(text.charCodeAt(i))) i++;
    const spaceBeforeEquals = i > keyEnd;
    c = text.charCodeAt(i);
    const colonForm = c === COLON && !spaceBeforeEquals && isBlank(text.charCodeAt(i + 1));
    if (keyEnd === keyStart || (c !== EQUALS && !colonForm)) {
      const eol = endOfLine(i);
      problem('not-an-assignment', firstCol, eol);
      nextLine(eol);
      continue;
    }
    i++;
    while (isBlank(text.charCodeAt(i))) i++;

    const key = text.slice(keyStart, keyEnd);
    const keyRange = textRange(line, keyStart - lineStart, line, keyEnd - lineStart);
    c = text.charCodeAt(i);

    if (c === DQUOTE || c === SQUOTE || c === BACKTICK) {
      const close = findClosingQuote(text, i + 1, c);
      if (close >= 0) {
        const openLine = line, openCol = i - lineStart;
        const raw = text.slice(i + 1, close);
        // Count the lines the value spans so later positions stay exact.
        for (let k = i + 1; k < close; k++) {
          if (text.charCodeAt(k) === LF) { line++; lineStart = k + 1; }
        }
        const closeCol = close - lineStart;
        const quote = String.fromCharCode(c) as EnvQuote;
        entries.push({
          key,
          value: readQuoted(raw, quote),
          quote,
          exported,
          keyRange,
          valueRange: textRange(openLine, openCol + 1, line, closeCol),
          quotedRange: textRange(openLine, openCol, line, closeCol + 1),
          spaceBeforeEquals,
          trailingWhitespace: 0,
          unbalancedQuote: false,
        });
        nextLine(endOfLine(close + 1));
        continue;
      }
      const eol = endOfLine(i);
      problem('unbalanced-quote', i - lineStart, eol);
      pushUnquoted(i, eol, true);
      nextLine(eol);
      continue;
    }
    const eol = endOfLine(i);
    pushUnquoted(i, eol, false);
    nextLine(eol);

    function pushUnquoted(from: number, eolAt: number, unbalancedQuote: boolean): void {
      let end = from;
      while (end < eolAt && text.charCodeAt(end) !== HASH) end++;
      const beforeTrim = end;
      while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
      const range = textRange(line, from - lineStart, line, end - lineStart);
      entries.push({
        key,
        value: unbalancedQuote ? readLikeDotenv(text.slice(from, end)) : text.slice(from, end),
        quote: undefined,
        exported,
        keyRange,
        valueRange: range,
        quotedRange: range,
        spaceBeforeEquals,
        trailingWhitespace: end > from && beforeTrim === eolAt ? beforeTrim - end : 0,
        unbalancedQuote,
      });
    }
  }

  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return { entries, problems, eol: crlf >= 0 && crlf < lf ? '\r\n' : '\n', lineCount: line + 1 };
}

/**
 * The closing quote dotenv's `"(?:\\"|[^"])*"\s*(?:#.*)?$` settles on: the first unescaped quote, or
 * (backtracking) an escaped one before it, whichever is followed by only blanks or a comment on its
 * line. The value may span lines. -1 when none fits: dotenv then reads the line as an unquoted value.
 */
function findClosingQuote(text: string, from: number, quote: number): number {
  const escaped: number[] = [];
  let first = -1;
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === BACKSLASH && text.charCodeAt(k + 1) === quote) { escaped.push(k + 1); k++; continue; }
    if (c === quote) { first = k; break; }
  }
  if (first >= 0 && onlyCommentFollows(text, first + 1)) return first;
  for (let e = escaped.length - 1; e >= 0; e--) if (onlyCommentFollows(text, escaped[e] + 1)) return escaped[e];
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
