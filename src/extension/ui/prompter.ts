import * as vscode from 'vscode';
import type { StepDriver } from './multiStepInput';
import { dialog, dialogWithCancel, inputBox, notification, quickPick, statusMessage } from './notifications';

/**
 * The questions commands ask. The real one is VS Code's dialogs and pickers; the integration tests
 * inject a scripted one (the same commands then run end to end against the sandbox).
 */
export interface Prompter {
  /**
   * A modal warning with one action button; true when the user pressed it. `cancel` names the other
   * button when saying no means more than "Cancel" (it then replaces VS Code's Cancel).
   */
  confirm(message: string, button: string, detail?: string, cancel?: string): Promise<boolean>;
  /** A modal with several buttons; the chosen one, or undefined when dismissed. */
  choose<T extends string>(message: string, buttons: T[], detail?: string): Promise<T | undefined>;
  /**
   * A picker of items already at hand (pickers that wait on the network are steps: `steps`'
   * busy pickLoading). `active`: the row pre-selected instead of the first one.
   */
  pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder?: string; active?: T }): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions & { title: string }): Promise<string | undefined>;
  /**
   * A refusal: it needs no decision, so a non-modal error (with "Copy Message", to send a "→ ask:" on);
   * resolves at once, without waiting for the user.
   */
  refuse(message: string): Promise<void>;
  notify(message: string): void;
  /** The short confirmation ending a change, naming what changed: a status bar message, no pop-up. */
  done(message: string): void;
  /** A passing note about `subject` (a key) in the status bar, gone after a while or at `withdraw(subject)`. */
  transient(message: string, subject: string): void;
  withdraw(subject: string): void;
  /** A command failed: non-modal error with "Show Logs". */
  failed(message: string, showLogs: () => void, error?: unknown): void;
  copy(text: string): Promise<void>;
  /** Multi-step flows (wizards): undefined = real QuickInputs. */
  readonly steps?: StepDriver;
}

const TRANSIENT_MS = 20_000;
const DONE_MS = 10_000;
const transients = new Map<string, vscode.Disposable>();

/** The real prompter: every text goes through ./notifications (core/display's sanitising for each sink). */
export const vscodePrompter: Prompter = {
  async confirm(message, button, detail, cancel) {
    return (cancel ? await dialogWithCancel('warning', message, detail, cancel, button) : await dialog('warning', message, detail, button)) === button;
  },
  choose: (message, buttons, detail) => dialog('warning', message, detail, ...buttons),
  pick: (items, options) => quickPick(items, { ...options, ignoreFocusOut: true }),
  input: options => Promise.resolve(inputBox({ ...options, ignoreFocusOut: true })),
  async refuse(message) {
    const copy = vscode.l10n.t('Copy Message');
    void notification('error', message, copy).then(async choice => {
      if (choice !== copy) return;
      await vscode.env.clipboard.writeText(message);
      statusMessage(vscode.l10n.t('Copied the message.'), DONE_MS);
    });
  },
  notify(message) { void notification('info', message); },
  done(message) { statusMessage(message, DONE_MS); },
  transient(message, subject) {
    transients.get(subject)?.dispose();
    transients.set(subject, statusMessage(message, TRANSIENT_MS));
  },
  withdraw(subject) {
    transients.get(subject)?.dispose();
    transients.delete(subject);
  },
  failed(message, showLogs) {
    void notification('error', message, 'Show Logs').then(choice => { if (choice === 'Show Logs') showLogs(); });
  },
  copy: text => Promise.resolve(vscode.env.clipboard.writeText(text)),
};
