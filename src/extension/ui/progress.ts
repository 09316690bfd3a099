import * as vscode from 'vscode';
import type { Work, WorkProgress } from '../../core/flow/work';
import { progressText } from './notifications';

/** Where a task's progress shows: a view it concerns (a bar over the view), or a notification with Cancel. */
export type ProgressPlace = 'notification' | { view: string };

export interface RunningTask {
  readonly title: string;
  readonly cancellable: boolean;
  /** What the progress notification's Cancel button does. */
  cancel(): void;
}

/**
 * The tasks shown under a progress indicator right now. VS Code does not let an extension read its
 * own progress notifications, so the integration tests watch them here (and cancel like the button).
 */
export class ProgressTasks implements vscode.Disposable {
  private readonly tasks = new Set<RunningTask>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  running(): RunningTask[] {
    return [...this.tasks];
  }

  /**
   * Runs `task` under a progress indicator. VS Code's cancellation becomes the task's AbortSignal;
   * a cancelled task ends quietly (a short status-bar note, no pop-up) and gives undefined.
   */
  run<T>(options: { title: string; place: ProgressPlace; cancellable: boolean }, task: (work: Required<Work>) => Promise<T>): Promise<T | undefined> {
    const location = options.place === 'notification' ? vscode.ProgressLocation.Notification : { viewId: options.place.view };
    return Promise.resolve(vscode.window.withProgress({ location, title: progressText(options.title), cancellable: options.cancellable }, async (progress, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      const entry: RunningTask = { title: options.title, cancellable: options.cancellable, cancel: () => controller.abort() };
      this.tasks.add(entry);
      this.changed.fire();
      let shown = 0;
      const onProgress = (p: WorkProgress) => {
        const percent = p.total ? Math.min(100, ((p.done ?? 0) / p.total) * 100) : undefined;
        const increment = percent !== undefined && percent > shown ? percent - shown : undefined;
        if (increment !== undefined) shown = percent!;
        progress.report({ message: progressText(p.message ?? (percent !== undefined ? `${Math.floor(percent)} %` : '')), increment });
      };
      try {
        return await task({ signal: controller.signal, onProgress });
      } catch (err) {
        if (!controller.signal.aborted) throw err;
        vscode.window.setStatusBarMessage(progressText(vscode.l10n.t('{0}: cancelled', options.title)), 5000);
        return undefined;
      } finally {
        cancelled.dispose();
        this.tasks.delete(entry);
        this.changed.fire();
      }
    }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A CancellationToken for VS Code APIs that take one (findFiles), following an AbortSignal. */
export function tokenOf(signal: AbortSignal): vscode.CancellationTokenSource {
  const source = new vscode.CancellationTokenSource();
  if (signal.aborted) source.cancel();
  else signal.addEventListener('abort', () => source.cancel(), { once: true });
  return source;
}
