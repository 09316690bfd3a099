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
  const fits = (q: string): boolean => !value.includes(q) && !(q === '"' && /\\[nr]/.test(value));
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
  if (target) return replaceRange(text, target.quotedRange, formatEnvValue(value, target.quote));
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return `${text}${needsBreak ? doc.eol : ''}${key}=${formatEnvValue(value)}${doc.eol}`;
}
