import * as vscode from 'vscode';
import { forLabel } from '../../core/display';

/**
 * A quick pick shown busy at once and filled when `load` answers (from the network). Closing it
 * before then aborts the load's signal, so its requests stop; an empty answer closes it (the loader
 * says why). Labels are sanitised like every other picker's (ui/notifications.ts quickPick).
 */
export function loadingQuickPick<T extends vscode.QuickPickItem>(load: (signal: AbortSignal) => Promise<T[]>, options: { title: string; placeHolder?: string }): Promise<T | undefined> {
  const controller = new AbortController();
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem>();
  picker.title = forLabel(options.title);
  picker.placeholder = options.placeHolder === undefined ? undefined : forLabel(options.placeHolder);
  picker.ignoreFocusOut = true;
  picker.busy = true;
  picker.show();
  return new Promise<T | undefined>((resolve, reject) => {
    let items: T[] = [];
    let shown: vscode.QuickPickItem[] = [];
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      controller.abort();
      picker.dispose();
      settle();
    };
    picker.onDidHide(() => finish(() => resolve(undefined)));
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems[0];
      if (chosen) finish(() => resolve(items[shown.indexOf(chosen)]));
    });
    load(controller.signal).then(list => {
      if (settled) return;
      if (list.length === 0) { finish(() => resolve(undefined)); return; }
      items = list;
      shown = list.map(i => ({ ...i, label: forLabel(i.label), description: i.description === undefined ? undefined : forLabel(i.description), detail: i.detail === undefined ? undefined : forLabel(i.detail) }));
      picker.items = shown;
      picker.busy = false;
    }, err => {
      const cancelled = controller.signal.aborted;
      finish(() => cancelled ? resolve(undefined) : reject(err));
    });
  });
}
