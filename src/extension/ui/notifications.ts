import * as vscode from 'vscode';
import { forLabel, forNotification, type DisplayRoot } from '../../core/display';

/**
 * The only place the extension calls VS Code's message API. Every message — the tool's template and
 * the untrusted values in it (file names, project names, member emails, server errors) — passes
 * through core/display's forNotification here: no `[..](command:..)` link, no control character,
 * workspace paths shown relative. test/unit/display/sinks.test.ts fails if another file calls
 * show*Message or reports progress text without it.
 */
export function workspaceRoots(): DisplayRoot[] {
  return (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => ({ path: f.uri.fsPath, name: f.name }));
}

type Severity = 'info' | 'warning' | 'error';

const SHOW: Record<Severity, (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>> = {
  info: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
  warning: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  error: (message, options, ...items) => vscode.window.showErrorMessage(message, options, ...items),
};

/** Buttons shown as sanitised text; the answer is the caller's own label. */
async function show<T extends string>(severity: Severity, message: string, modal: { detail?: string } | undefined, buttons: readonly T[]): Promise<T | undefined> {
  const roots = workspaceRoots();
  const shown = buttons.map(b => forNotification(b, { roots, modal: true, maxLength: 120 }));
  const text = forNotification(message, { roots, modal: !!modal });
  const options: vscode.MessageOptions = modal ? { modal: true, detail: modal.detail === undefined ? undefined : forNotification(modal.detail, { roots, modal: true }) } : {};
  const choice = await SHOW[severity](text, options, ...shown);
  return choice === undefined ? undefined : buttons[shown.indexOf(choice)];
}

/** A non-modal notification with optional buttons. */
export function notification<T extends string>(severity: Severity, message: string, ...buttons: T[]): Promise<T | undefined> {
  return show(severity, message, undefined, buttons);
}

/** A modal dialog with buttons; undefined when dismissed. */
export function dialog<T extends string>(severity: Severity, message: string, detail: string | undefined, ...buttons: T[]): Promise<T | undefined> {
  return show(severity, message, { detail }, buttons);
}

/** A progress notification's title or message (VS Code draws link labels there as text, but controls still pass). */
export function progressText(text: string): string {
  return forNotification(text, { roots: workspaceRoots() });
}

/** Quick-pick items shown with sanitised labels; the pick returns the caller's own item. */
export async function quickPick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions & { title: string }): Promise<T | undefined> {
  const shown = items.map(i => ({ ...i, label: forLabel(i.label), description: i.description === undefined ? undefined : forLabel(i.description), detail: i.detail === undefined ? undefined : forLabel(i.detail) }));
  const picked = await vscode.window.showQuickPick(shown, { ...options, title: forLabel(options.title), placeHolder: options.placeHolder === undefined ? undefined : forLabel(options.placeHolder) });
  return picked === undefined ? undefined : items[shown.indexOf(picked)];
}

/** An input box whose title and prompt may name untrusted things (a project, a file). */
export function inputBox(options: vscode.InputBoxOptions & { title: string }): Thenable<string | undefined> {
  return vscode.window.showInputBox({ ...options, title: forLabel(options.title), prompt: options.prompt === undefined ? undefined : forLabel(options.prompt) });
}
