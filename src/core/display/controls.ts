// Characters that must never reach a display as themselves when the text came from outside (a file
// name, a server's answer, a note): they move the cursor, retitle or clear a terminal, start a new
// line that looks like the tool's own, or reorder and hide text (Trojan Source, CVE-2021-42574).
//   C0 controls U+0000–U+001F (newline and tab included), DEL, C1 controls U+0080–U+009F,
//   the Arabic letter mark, zero-width and directional marks U+200B–U+200F, line and paragraph
//   separators, bidi embeddings/overrides U+202A–U+202E, word joiner and bidi isolates U+2060–U+2069,
//   and the byte-order mark.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\x1b`, `\u202e`: what an escaped character looks like (visible, and unambiguous to a reader). */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes every unsafe character of `text`, except those listed in `keep` (e.g. '\n' for the tool's own line breaks). */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(UNSAFE, ch => keep.includes(ch) ? ch : escapeChar(ch));
}

/** Whether `text` holds any character escapeControls would escape. */
export function hasControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** The same characters as JSON `\uXXXX` escapes (except those in `keep`): the text means the same to a JSON parser. */
export function escapeControlsAsUnicode(text: string, keep = ''): string {
  return text.replace(UNSAFE, ch => keep.includes(ch) ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
