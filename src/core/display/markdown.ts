// Text for Markdown the tool renders (previews, hovers, tooltips): untrusted values are escaped so they
// show as typed and never become a link, an image, HTML or a table cell border.
import { escapeControls } from './controls';

/**
 * The characters that make inline Markdown (emphasis, code, links and images, HTML and entities, strike,
 * table cells), as VS Code's own escapeMarkdownSyntaxTokens plus `<`, `>`, `&` and `|`. Values go inline
 * (after the tool's text or in a cell), so line-start markers (`-`, `+`, `#`) are left as they are.
 */
const INLINE_MARKUP = /[\\`*_[\]()!~<>&|]/g;

/**
 * An untrusted value inside Markdown text (a name, a note, a message): one line, controls escaped,
 * inline markup backslash-escaped, and URL autolinks broken (`https\://`, `www\.`): it shows as typed
 * and never becomes a link, an image, HTML or a table cell border.
 */
export function escapeMarkdown(value: string): string {
  return escapeControls(value.replace(/\r\n|[\r\n]/g, ' '))
    .replace(INLINE_MARKUP, ch => `\\${ch}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, m => `${m.slice(0, 3)}\\.`);
}

/** An untrusted value as inline code: a backtick fence longer than any run of backticks inside. */
export function markdownCode(value: string): string {
  const text = escapeControls(value.replace(/\r\n|[\r\n]/g, ' '));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text (which may contain untrusted values) as a fenced code block that nothing inside can close. */
export function markdownCodeBlock(text: string, info = 'text'): string {
  const body = escapeControls(text.replace(/\r\n/g, '\n'), '\n\t');
  const longest = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}\n`;
}
