// Text for a terminal (the CLI's stdout and stderr, and anything a user may `cat`).

import { escapeControls, escapeControlsAsUnicode } from './controls';

/**
 * One untrusted value inside a line of output: every control character escaped, newline and tab
 * too, so a name can neither drive the terminal (ESC ] … BEL, ESC [ 2 J) nor start a line of its own
 * that reads like the tool's (a forged audit entry, a CI runner's `::command::`).
 */
export function forTerminal(value: string): string {
  return escapeControls(value);
}

/**
 * A whole message the tool wrote: its own line breaks and tabs stay, every other control character is
 * escaped. The CLI's output streams pass everything through this, a guard for a value a formatter did
 * not escape (field-level escaping with forTerminal is still what stops forged lines).
 */
export function forTerminalText(text: string): string {
  return escapeControls(text, '\n\t');
}

/**
 * JSON (or JSON Lines) from JSON.stringify, for stdout: C1 controls, bidi and zero-width characters, which
 * JSON.stringify leaves raw, become `\uXXXX` escapes. They can only occur inside strings there, so every
 * parser reads the same data, and a terminal or code-scanning viewer shows the escape instead of obeying it.
 */
export function jsonForTerminal(json: string): string {
  return escapeControlsAsUnicode(json, '\n\t');
}
