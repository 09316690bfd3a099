import * as vscode from 'vscode';
import type { StepDriver } from './multiStepInput';
import { loadingQuickPick } from './loadingPick';
import { dialog, inputBox, notification, quickPick } from './notifications';

/**
 * The questions commands ask. The real one is VS Code's dialogs and pickers; the integration tests
 * inject a scripted one (the same commands then run end to end against the sandbox).
 */
export interface Prompter {
  /** A modal warning with one action button; true when the user pressed it. */
  confirm(message: string, button: string, detail?: string): Promise<boolean>;
  /** A modal with several buttons; the chosen one, or undefined when dismissed. */
  choose<T extends string>(message: string, buttons: T[], detail?: string): Promise<T | undefined>;
  /**
   * A picker; given a loader, it shows busy at once and fills when the loader answers (closing it
   * aborts the loader's signal; an empty answer closes it without a question).
   */
  pick<T extends vscode.QuickPickItem>(items: T[] | ((signal: AbortSignal) => Promise<T[]>), options: { title: string; placeHolder?: string }): Promise<T | undefined>;
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

/** The real prompter: every text goes through ./notifications (core/display's sanitising for each sink). */
export const vscodePrompter: Prompter = {
  async confirm(message, button, detail) {
    return (await dialog('warning', message, detail, button)) === button;
  },
  choose: (message, buttons, detail) => dialog('warning', message, detail, ...buttons),
  pick: (items, options) => typeof items === 'function' ? loadingQuickPick(items, options) : quickPick(items, { ...options, ignoreFocusOut: true }),
  input: options => Promise.resolve(inputBox({ ...options, ignoreFocusOut: true })),
  async refuse(message) { await dialog('error', message, undefined); },
  notify(message) { void notification('info', message); },
  failed(message, showLogs) {
    void notification('error', message, 'Show Logs').then(choice => { if (choice === 'Show Logs') showLogs(); });
  },
  copy: text => Promise.resolve(vscode.env.clipboard.writeText(text)),
};
