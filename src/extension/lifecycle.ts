import type * as vscode from 'vscode';

/** Base class for long-lived parts: whatever they register is disposed with them (even if registered late). */
export abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.disposables.push(value);
    return value;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.disposables.splice(0));
  }
}

export function disposeAll(items: Iterable<vscode.Disposable>): void {
  for (const item of items) {
    try { item.dispose(); } catch { /* keep disposing the rest */ }
  }
}
