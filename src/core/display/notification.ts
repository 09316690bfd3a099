// Text for VS Code's message sinks: notifications (showInformation/Warning/ErrorMessage without
// `modal`), progress notifications, modal dialogs, quick-pick and input-box labels.
//
// A non-modal notification renders `[label](https://…)`, `[label](command:…)` and `[label](file:…)` in
// its message as links, and a `command:` link RUNS the command when clicked (VS Code 1.100
// src/vs/workbench/common/notifications.ts, LINK_REGEX, parsed by parseLinkedText in
// src/vs/base/common/linkedText.ts). Untrusted text — a workspace file name, a project name or error
// text from a server — must never form such a link. The regex needs `]` directly followed by `(`, so
// that pair is split. Notifications also draw `$(icon)` as codicons (escaped as `\$(`), turn line
// breaks into spaces and cut the message at 1,000 characters.
import { escapeControls } from './controls';
import { relativizePaths, type DisplayRoot } from './paths';

export interface NotificationTextOptions {
  /** Workspace folders: absolute paths under them are shown relative (`deploy/.env`). */
  roots?: readonly DisplayRoot[];
  /**
   * A modal dialog (VS Code draws its text with innerText: no links, no icons): the tool's own line
   * breaks stay. Default: a notification, where line breaks become spaces as VS Code would show them.
   */
  modal?: boolean;
  /** Longer text is cut with "…"; put long lists in a document instead. Default 600. */
  maxLength?: number;
}

/** The default cap: well under VS Code's own 1,000, so the end of a message (what to do) stays visible. */
export const NOTIFICATION_MAX_LENGTH = 600;

/** Splits `[label](target` so no link syntax survives: `[label] (target`. */
export function neutralizeLinks(text: string): string {
  return text.replace(/\]\(/g, '] (');
}

/** `$(icon)` → `\$(icon)`: shown as typed, not as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/(^|[^\\])\$\(/g, '$1\\$(');
}

/** Any text (trusted template and untrusted values alike) made safe to show in a notification or dialog. */
export function forNotification(text: string, options: NotificationTextOptions = {}): string {
  let out = options.roots ? relativizePaths(text, options.roots) : text;
  out = options.modal ? escapeControls(out.replace(/\r\n/g, '\n'), '\n') : escapeControls(out.replace(/\r\n|[\r\n]/g, ' '));
  out = neutralizeLinks(out);
  if (!options.modal) out = escapeIcons(out);
  const max = options.maxLength ?? NOTIFICATION_MAX_LENGTH;
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/**
 * A quick-pick label, description or detail, an input box's title or prompt: one line, controls
 * escaped. `$(icon)` is kept: the tool's own labels use icons, and VS Code draws no links there.
 */
export function forLabel(text: string): string {
  return escapeControls(text);
}
