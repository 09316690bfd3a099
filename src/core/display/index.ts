// Untrusted text (file paths, names, notes, server messages) to display text, one function per sink.
// Every edge shows outside text only through these: notifications and dialogs (forNotification,
// forLabel), Markdown (escapeMarkdown, markdownCode, markdownCodeBlock), terminals (forTerminal for a
// value, forTerminalText for a whole message). test/unit/display/sinks.test.ts checks the edges.
export { escapeControls, escapeControlsAsUnicode, hasControls } from './controls';
export { escapeMarkdown, markdownCode, markdownCodeBlock } from './markdown';
export { escapeIcons, forLabel, forNotification, neutralizeLinks, NOTIFICATION_MAX_LENGTH, type NotificationTextOptions } from './notification';
export { displayPath, relativizePaths, summarizeList, type DisplayRoot } from './paths';
export { forTerminal, forTerminalText, jsonForTerminal } from './terminal';
