import * as vscode from 'vscode';
import { forLabel } from '../../core/display';
import { FlowAction, flowActionOf, runFlow } from '../../core/flow/steps';
import type { LoadingPickOptions, PickOptions, Step, StepDriver, StepItem, TextOptions } from '../../core/flow/driver';
import { progressText } from './notifications';


// The step types live in core (core/flow/driver.ts), so flows such as the SSO assistant's are core code.
export type { PickOptions, Step, StepDriver, TextOptions } from '../../core/flow/driver';

/**
 * A multi-step QuickInput flow with Back: each step shows one pick or input box and returns the next
 * step; Back replays the previous step with the state collected so far; Escape cancels the whole flow.
 */
export class MultiStepInput implements StepDriver {
  private current?: vscode.QuickInput;
  private readonly history: Step<unknown>[] = [];

  /** Runs a flow; `driver` replaces the real QuickInputs (the integration tests script the answers). */
  static async run<S>(first: Step<S>, state: S, driver?: StepDriver): Promise<'done' | 'cancelled'> {
    const input = new MultiStepInput(driver);
    return input.drive(first as Step<unknown>, state);
  }

  private constructor(private readonly driver?: StepDriver) {}

  private async drive(first: Step<unknown>, state: unknown): Promise<'done' | 'cancelled'> {
    try {
      return await runFlow(first, state, this.driver ?? this, this.history, () => { this.current?.dispose(); this.current = undefined; });
    } finally {
      this.current?.dispose();
    }
  }

  async pick<T extends StepItem>(options: PickOptions<T>): Promise<T> {
    const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    const shown = new DisplayItems(options.items);
    return this.show(quickPick, options, (resolve, disposables) => {
      quickPick.items = shown.items;
      quickPick.matchOnDescription = options.matchOnDescription ?? true;
      if (options.activeItem) quickPick.activeItems = shown.of([options.activeItem]);
      disposables.push(quickPick.onDidAccept(() => {
        const [selected] = shown.original(quickPick.selectedItems);
        if (selected) resolve(selected);
      }));
    });
  }

  /**
   * A pick shown busy at once (title, n/N and Back already there) and filled when `load` answers.
   * Leaving the step first — Back, Escape — aborts the load, so its requests stop.
   */
  async pickLoading<T extends StepItem>(options: LoadingPickOptions<T>): Promise<T> {
    const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    const controller = new AbortController();
    let shown: DisplayItems<T> | undefined;
    try {
      return await this.show<T, vscode.QuickPick<vscode.QuickPickItem>>(quickPick, options, (resolve, disposables, reject) => {
        quickPick.busy = true;
        quickPick.matchOnDescription = options.matchOnDescription ?? true;
        disposables.push(quickPick.onDidAccept(() => {
          const [selected] = shown?.original(quickPick.selectedItems) ?? [];
          if (selected) resolve(selected);
        }));
        options.load(controller.signal).then(loaded => {
          if (controller.signal.aborted) return;
          shown = new DisplayItems(loaded.items);
          quickPick.items = shown.items;
          if (loaded.active) quickPick.activeItems = shown.of([loaded.active]);
          quickPick.busy = false;
        }, reject);
      });
    } catch (err) {
      // The load failed or found nothing to ask: this picker is gone, whatever the step asks next.
      if (!flowActionOf(err)) { quickPick.dispose(); if (this.current === quickPick) this.current = undefined; }
      throw err;
    } finally {
      controller.abort();
    }
  }

  /** A pick with checkboxes; `extra` items (e.g. "Add a target…") return on their own when accepted. */
  async pickMany<T extends StepItem>(options: PickOptions<T> & { selected?: readonly T[]; minimum?: number }): Promise<T[]> {
    const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    const shown = new DisplayItems(options.items);
    return this.show(quickPick, options, (resolve, disposables) => {
      quickPick.canSelectMany = true;
      quickPick.items = shown.items;
      quickPick.selectedItems = shown.of(options.selected ?? []);
      disposables.push(quickPick.onDidAccept(() => {
        const chosen = shown.original(quickPick.selectedItems);
        if (chosen.length < (options.minimum ?? 1)) {
          quickPick.placeholder = forLabel(`Select at least ${options.minimum ?? 1}. ${options.placeholder ?? ''}`);
          return;
        }
        resolve(chosen);
      }));
    });
  }

  busy<T>(title: string, work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressText(title) }, work));
  }

  async text(options: TextOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    return this.show(box, options, (resolve, disposables) => {
      box.value = options.value ?? '';
      box.prompt = forLabel(options.prompt);
      box.password = options.password ?? false;
      let validating: Promise<string | undefined> = Promise.resolve(undefined);
      const validate = async (value: string) => {
        if (!options.validate) return undefined;
        box.busy = true;
        try { return await options.validate(value); } finally { box.busy = false; }
      };
      disposables.push(
        box.onDidChangeValue(async value => {
          const pending = validate(value);
          validating = pending;
          const message = await pending;
          if (validating === pending) box.validationMessage = message;
        }),
        box.onDidAccept(async () => {
          const value = box.value;
          box.enabled = false;
          const message = await validate(value);
          box.enabled = true;
          box.validationMessage = message;
          if (!message) resolve(value);
        }),
      );
    });
  }

  private show<R, Q extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(
    input: Q,
    options: Omit<TextOptions, 'prompt'>,
    wire: (resolve: (value: R) => void, disposables: vscode.Disposable[], reject: (reason: unknown) => void) => void,
  ): Promise<R> {
    const disposables: vscode.Disposable[] = [];
    return new Promise<R>((resolve, reject) => {
      input.title = forLabel(options.title);
      // A lone question is no step of anything: "(1/1)" would only add noise to its title.
      input.step = options.totalSteps > 1 ? options.step : undefined;
      input.totalSteps = options.totalSteps > 1 ? options.totalSteps : undefined;
      input.placeholder = options.placeholder === undefined ? undefined : forLabel(options.placeholder);
      input.ignoreFocusOut = options.ignoreFocusOut ?? true;
      input.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
      disposables.push(
        input.onDidTriggerButton(button => { if (button === vscode.QuickInputButtons.Back) reject(FlowAction.back); }),
        input.onDidHide(() => reject(FlowAction.cancel)),
      );
      wire(resolve, disposables, reject);
      this.current = input;
      input.show();
    }).finally(() => disposables.forEach(d => d.dispose()));
  }
}

/** Items as shown (labels from servers and workspaces sanitised by core/display), mapped back to the caller's own. */
class DisplayItems<T extends StepItem> {
  readonly items: vscode.QuickPickItem[];
  constructor(private readonly originals: readonly T[]) {
    this.items = originals.map(i => ({
      ...i, label: forLabel(i.label), description: i.description === undefined ? undefined : forLabel(i.description), detail: i.detail === undefined ? undefined : forLabel(i.detail),
      ...(i.separator ? { kind: vscode.QuickPickItemKind.Separator } : {}),
    }));
  }
  of(originals: readonly T[]): vscode.QuickPickItem[] { return originals.map(o => this.items[this.originals.indexOf(o)]).filter(Boolean); }
  original(shown: readonly vscode.QuickPickItem[]): T[] { return shown.map(s => this.originals[this.items.indexOf(s)]).filter(Boolean); }
}
