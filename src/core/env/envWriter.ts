// Changes one value in a .env text and leaves every other byte (comments, order, CRLF, quotes) alone.
import type { EnvEntry, EnvQuote } from './envParser';
import { parseEnv } from './envParser';
import type { TextPosition, TextRange } from './position';

/** Offset in `text` of a zero-based line/character position (clamped to the line's end). */
export function offsetAt(text: string, pos: TextPosition): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd > offset && text[lineEnd - 1] === '\r') lineEnd--;
  return Math.min(offset + pos.character, lineEnd);
}

export function replaceRange(text: string, range: TextRange, newText: string): string {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

/**
 * The value as it must be written so dotenv reads it back unchanged: in its old quotes when they fit,
 * bare when it has no blank, `#` or quote, else in the first quote it does not contain. dotenv has no
 * escape for a quote, and expands `\\n` inside double quotes, hence the choice rather than escaping.
 */
export function formatEnvValue(value: string, quote?: EnvQuote): string {
  // A final backslash would escape the closing quote (dotenv then reads on to a later quote).
  const fits = (q: string): boolean => !value.includes(q) && !value.endsWith('\\') && !(q === '"' && /\\[nr]/.test(value));
  if (quote && fits(quote)) return `${quote}${value}${quote}`;
  if (value !== '' && /^[^\s#"'`]+$/.test(value)) return value;
  for (const q of ['"', "'", '`']) if (fits(q)) return `${q}${value}${q}`;
  throw new Error('This value cannot be written to a .env file: it contains every kind of quote.');
}

/**
 * Sets `key` to `value`: the last definition wins for dotenv, so that one is rewritten in place,
 * keeping its quote style; a missing key is appended as a new line in the file's own line ending.
 */
export function setEnvValue(text: string, key: string, value: string): string {
  const doc = parseEnv(text);
  let target: EnvEntry | undefined;
  for (const e of doc.entries) if (e.key === key) target = e;
  const out = target
    ? replaceRange(text, target.quotedRange, formatEnvValue(value, target.quote))
    : `${text}${text.length > 0 && !text.endsWith('\n') ? doc.eol : ''}${key}=${formatEnvValue(value)}${doc.eol}`;
  assertOnlyValueChanged(doc.entries, parseEnv(out).entries, key, value);
  return out;
}

/**
 * A quote in the new value can close a quote left open on another line (dotenv reads quoted values
 * across lines), changing other values. Such a write is refused rather than made.
 */
function assertOnlyValueChanged(before: readonly EnvEntry[], after: readonly EnvEntry[], key: string, value: string): void {
  let last = -1;
  before.forEach((e, i) => { if (e.key === key) last = i; });
  const expected = last >= 0 ? before.length : before.length + 1;
  const same = after.length === expected && after.every((e, i) => {
    if (i === (last >= 0 ? last : before.length)) return e.key === key && e.value === value;
    return e.key === before[i].key && e.value === before[i].value;
  });
  if (!same) {
    const open = before.find(e => e.unbalancedQuote || (e.quote !== undefined && e.value.endsWith('\\')));
    throw new Error(`Writing ${key} here would change other values${open ? `: ${open.key} on line ${open.keyRange.start.line + 1} has an unbalanced quote (or one escaped by a final backslash)` : ''}. Fix the quoting in the file first.`);
  }
}
