import * as vscode from 'vscode';
import { escapeIcons, forLabel } from '../../core/display';
import { Commands, StatusBarIds } from '../../core/names';
import { Disposable } from '../lifecycle';
import type { EnvDiagnostics } from './envDiagnostics';

/** "$(shield) staging → staging-chatbot · 2 findings" for the active .env file. */
export class EnvStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem(StatusBarIds.envStatus, vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly diagnostics: EnvDiagnostics) {
    super();
    this.item.name = 'Langfuse Access: environment';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(diagnostics.onDidChange(() => this.update()));
    this.update();
  }

  /** The text shown now (tests read it). */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const summary = uri && this.diagnostics.summary(uri);
    if (!summary) { this.item.hide(); return; }
    // Names from the workspace's access file: one line, and `$(…)` shown as typed rather than as an icon.
    const where = summary.environment ? escapeIcons(forLabel(`${summary.environment} → ${summary.project}`)) : 'no environment';
    const count = summary.count === 0 ? 'no findings' : `${summary.count} finding${summary.count === 1 ? '' : 's'}`;
    this.item.text = `$(${summary.count ? 'shield' : 'pass'}) ${where} · ${count}`;
    this.item.tooltip = summary.environment
      ? `Langfuse Access: this file belongs to the ${summary.environment} environment, which uses the project ${summary.project} (.langfuse/access.yaml). ${count}.`
      : 'Langfuse Access: no environment of .langfuse/access.yaml lists this file. Scaffold an access file to say which project each environment uses.';
    this.item.command = summary.environment ? 'workbench.actions.view.problems' : Commands.scaffoldAccessFile;
    this.item.backgroundColor = summary.count ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
