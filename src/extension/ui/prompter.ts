import * as vscode from 'vscode';
import type { StepDriver } from './multiStepInput';

/**
 * The questions commands ask. The real one is VS Code's dialogs and pickers; the integration tests
 * inject a scripted one (the same commands then run end to end against the sandbox).
 */
export interface Prompter {
  /** A modal warning with one action button; true when the user pressed it. */
  confirm(message: string, button: string, detail?: string): Promise<boolean>;
  /** A modal with several buttons; the chosen one, or undefined when dismissed. */
  choose<T extends string>(message: string, buttons: T[], detail?: string): Promise<T | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder?: string }): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions & { title: string }): Promise<string | undefined>;
  /** A modal refusal or failure the user must read. */
  refuse(message: string): Promise<void>;
  notify(message: string): void;
  /** A command failed: non-modal error with "Show Logs". */
  failed(message: string, showLogs: () => void, error?: unknown): void;
  copy(text: string): Promise<void>;
  /** Multi-step flows (wizards): undefined = real QuickInputs. */
  readonly steps?: StepDriver;
}

export const vscodePrompter: Prompter = {
  async confirm(message, button, detail) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
  },
  async choose(message, buttons, detail) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  },
  pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true })),
  input: options => Promise.resolve(vscode.window.showInputBox({ ...options, ignoreFocusOut: true })),
  async refuse(message) { await vscode.window.showErrorMessage(message, { modal: true }); },
  notify(message) { void vscode.window.showInformationMessage(message); },
  failed(message, showLogs) {
    void vscode.window.showErrorMessage(message, 'Show Logs').then(choice => { if (choice === 'Show Logs') showLogs(); });
  },
  copy: text => Promise.resolve(vscode.env.clipboard.writeText(text)),
};
