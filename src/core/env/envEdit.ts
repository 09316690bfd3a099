// Edits values in a .env text through the one .env model (envParser.ts): every byte that is not a
// value being changed stays as it was — comments, blank lines, `export`, `KEY: value`, quotes, Unicode
// spaces, CRLF, order. Used by the rotation's .env and pass sinks and by quick fixes.
import type { EnvDocument, EnvEntry, EnvQuote } from './envParser';
import { parseEnv } from './envParser';
import { l10n } from '../l10n/l10n';

/**
 * The value as it must be written so dotenv reads it back unchanged: in its old quotes when they fit,
 * bare when it has no blank, `#` or quote, else in the first quote it does not contain. dotenv has no
 * escape for a quote, and expands `\\n` inside double quotes, hence the choice rather than escaping.
 */
export function formatEnvValue(value: string, quote?: EnvQuote): string {
  // A final backslash would escape the closing quote (dotenv then reads on to a later quote).
  const fits = (q: string): boolean => !value.includes(q) && !value.endsWith('\\') && !(q === '"' && /\\[nr]/.test(value)) && (q === '"' || !/[\r\n]/.test(value));
  if (quote && fits(quote)) return `${quote}${value}${quote}`;
  if (value !== '' && /^[^\s#"'`]+$/.test(value)) return value;
  for (const q of ['"', "'", '`']) if (fits(q)) return `${q}${value}${q}`;
  throw new Error(l10n.t('This value cannot be written to a .env file: it contains every kind of quote.'));
}

/** Every value of `key` in file order, as dotenv reads each (dotenv and python-dotenv use the last). */
export function envValuesOf(doc: EnvDocument, key: string): string[] {
  return doc.entries.filter(e => e.key === key).map(e => e.value);
}

/**
 * Sets `key` to `values`: occurrence i gets values[i] (the last value repeats when there are more
 * occurrences than values), so duplicates all change and no old value survives anywhere; no values
 * removes the key's lines. A missing key is appended in the file's own line ending (with `export`
 * when every assignment uses it). Refuses an edit that would make dotenv read any other value
 * differently (a quote in a new value closing a quote left open elsewhere).
 */
export function setEnvValues(text: string, key: string, values: readonly string[]): string {
  const doc = parseEnv(text);
  const own = doc.entries.filter(e => e.key === key);
  let out: string;
  if (values.length === 0) {
    out = splice(text, own.map(e => ({ start: e.offsets.lineStart, end: e.offsets.lineEnd, text: '' })));
  } else if (own.length > 0) {
    out = splice(text, own.map((e, i) => ({ start: e.offsets.valueStart, end: e.offsets.valueEnd, text: formatEnvValue(values[Math.min(i, values.length - 1)], e.quote) })));
  } else {
    const exported = doc.entries.length > 0 && doc.entries.every(e => e.exported);
    const lines = values.map(v => `${exported ? 'export ' : ''}${key}=${formatEnvValue(v)}${doc.eol}`).join('');
    out = `${text}${text.length > 0 && !/\n$/.test(text) ? doc.eol : ''}${lines}`;
  }
  assertOnlyKeyChanged(doc.entries, parseEnv(out).entries, key, values);
  return out;
}

function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

function assertOnlyKeyChanged(before: readonly EnvEntry[], after: readonly EnvEntry[], key: string, values: readonly string[]): void {
  const others = (entries: readonly EnvEntry[]) => entries.filter(e => e.key !== key).map(e => `${e.key}=${e.value}`);
  const mine = after.filter(e => e.key === key).map(e => e.value);
  const expected = values.length === 0 ? [] : (before.some(e => e.key === key) ? before.filter(e => e.key === key) : values).map((_, i) => values[Math.min(i, values.length - 1)]);
  const same = JSON.stringify(others(before)) === JSON.stringify(others(after)) && JSON.stringify(mine) === JSON.stringify(expected);
  if (!same) {
    const open = before.find(e => e.unbalancedQuote || (e.quote !== undefined && e.value.endsWith('\\')));
    throw new Error(open
      ? l10n.t('Writing {0} here would change other values: {1} on line {2} has an unbalanced quote (or one escaped by a final backslash). Fix the quoting in the file first.', key, open.key, open.keyRange.start.line + 1)
      : l10n.t('Writing {0} here would change other values. Fix the quoting in the file first.', key));
  }
}
