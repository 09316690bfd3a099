import * as vscode from 'vscode';
import { escapeIcons, forLabel, forNotification, type DisplayRoot } from '../../core/display';

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

const SHOW: Record<Severity, (message: string, options: vscode.MessageOptions, ...items: vscode.MessageItem[]) => Thenable<vscode.MessageItem | undefined>> = {
  info: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
  warning: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  error: (message, options, ...items) => vscode.window.showErrorMessage(message, options, ...items),
};

/**
 * Buttons shown as sanitised text; the answer is the caller's own label. `cancel` names a modal's
 * way out when it means more than "Cancel" ("Go Back to the Secret"): it replaces VS Code's own
 * Cancel button, so no two buttons do the same thing.
 */
async function show<T extends string>(severity: Severity, message: string, modal: { detail?: string; cancel?: string } | undefined, buttons: readonly T[]): Promise<T | undefined> {
  const roots = workspaceRoots();
  const items: vscode.MessageItem[] = buttons.map(b => ({ title: forNotification(b, { roots, modal: true, maxLength: 120 }) }));
  if (modal?.cancel) items.push({ title: forNotification(modal.cancel, { roots, modal: true, maxLength: 120 }), isCloseAffordance: true });
  const text = forNotification(message, { roots, modal: !!modal });
  const options: vscode.MessageOptions = modal ? { modal: true, detail: modal.detail === undefined ? undefined : forNotification(modal.detail, { roots, modal: true }) } : {};
  const choice = await SHOW[severity](text, options, ...items);
  const index = choice === undefined ? -1 : items.indexOf(choice);
  return index >= 0 && index < buttons.length ? buttons[index] : undefined;
}

/** A non-modal notification with optional buttons. */
export function notification<T extends string>(severity: Severity, message: string, ...buttons: T[]): Promise<T | undefined> {
  return show(severity, message, undefined, buttons);
}

/** A modal dialog with buttons; undefined when dismissed (or its `cancel` button pressed). */
export function dialog<T extends string>(severity: Severity, message: string, detail: string | undefined, ...buttons: T[]): Promise<T | undefined> {
  return show(severity, message, { detail }, buttons);
}

/** A modal with one action button and a named way out instead of "Cancel". */
export function dialogWithCancel<T extends string>(severity: Severity, message: string, detail: string | undefined, cancel: string, ...buttons: T[]): Promise<T | undefined> {
  return show(severity, message, { detail, cancel }, buttons);
}

/** A short message in the status bar that goes away by itself, or when disposed (a note about a key that was revoked). */
export function statusMessage(text: string, timeoutMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`$(check) ${escapeIcons(forLabel(text))}`, timeoutMs);
}

/** A progress notification's title or message (VS Code draws link labels there as text, but controls still pass). */
export function progressText(text: string): string {
  return forNotification(text, { roots: workspaceRoots() });
}

/**
 * Quick-pick items shown with sanitised labels; the pick returns the caller's own item. `active` is
 * the row pre-selected (showQuickPick always selects the first row, e.g. OWNER in a role list).
 */
export async function quickPick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions & { title: string; active?: T }): Promise<T | undefined> {
  const shown = items.map(i => ({ ...i, label: forLabel(i.label), description: i.description === undefined ? undefined : forLabel(i.description), detail: i.detail === undefined ? undefined : forLabel(i.detail) }));
  const title = forLabel(options.title);
  const placeHolder = options.placeHolder === undefined ? undefined : forLabel(options.placeHolder);
  const active = options.active === undefined ? -1 : items.indexOf(options.active);
  if (active < 0) {
    const picked = await vscode.window.showQuickPick(shown, { ...options, title, placeHolder });
    return picked === undefined ? undefined : items[shown.indexOf(picked)];
  }
  const qp = vscode.window.createQuickPick<typeof shown[number]>();
  Object.assign(qp, { title, placeholder: placeHolder, ignoreFocusOut: !!options.ignoreFocusOut, matchOnDescription: !!options.matchOnDescription, matchOnDetail: !!options.matchOnDetail });
  qp.items = shown;
  qp.activeItems = [shown[active]];
  const picked = await new Promise<typeof shown[number] | undefined>(resolve => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  return picked === undefined ? undefined : items[shown.indexOf(picked)];
}

/** An input box whose title and prompt may name untrusted things (a project, a file). */
export function inputBox(options: vscode.InputBoxOptions & { title: string }): Thenable<string | undefined> {
  return vscode.window.showInputBox({ ...options, title: forLabel(options.title), prompt: options.prompt === undefined ? undefined : forLabel(options.prompt) });
}
