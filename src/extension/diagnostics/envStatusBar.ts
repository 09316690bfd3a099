import * as vscode from 'vscode';
import { escapeIcons, forLabel } from '../../core/display';
import { envStatus } from '../../core/editor/statusText';
import { Commands, StatusBarIds } from '../../core/names';
import { Disposable } from '../lifecycle';
import type { EnvDiagnostics } from './envDiagnostics';

/** Findings of both of the extension's checks (.env rules, deployment hardening). */
const OUR_SOURCES = /^Langfuse Access\b/;

/**
 * "$(shield) staging → staging-chatbot · 2 findings (1 error)" for the active .env file, counted from
 * what the Problems panel shows for it (core/editor/statusText.ts).
 */
export class EnvStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem(StatusBarIds.envStatus, vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly diagnostics: EnvDiagnostics) {
    super();
    this.item.name = 'Langfuse Access: environment';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(diagnostics.onDidChange(() => this.update()));
    this.register(vscode.languages.onDidChangeDiagnostics(e => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some(u => u.toString() === active)) this.update();
    }));
    this.update();
  }

  /** The text shown now (tests read it). */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  /** What a screen reader says for it (tests read it). */
  get spoken(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const summary = uri && this.diagnostics.summary(uri);
    if (!uri || !summary) { this.item.hide(); return; }
    const ours = vscode.languages.getDiagnostics(uri).filter(d => typeof d.source === 'string' && OUR_SOURCES.test(d.source));
    const count = (severity: vscode.DiagnosticSeverity) => ours.filter(d => d.severity === severity).length;
    // Names from the workspace's access file: one line, and `$(…)` shown as typed rather than as an icon.
    const where = summary.environment ? { environment: escapeIcons(forLabel(summary.environment)), project: escapeIcons(forLabel(summary.project ?? '?')) } : {};
    const status = envStatus(where, { errors: count(vscode.DiagnosticSeverity.Error), warnings: count(vscode.DiagnosticSeverity.Warning), infos: count(vscode.DiagnosticSeverity.Information) + count(vscode.DiagnosticSeverity.Hint) });
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.accessibilityInformation = { label: status.spoken, role: 'button' };
    this.item.command = status.target === 'problems' ? 'workbench.actions.view.problems' : Commands.scaffoldAccessFile;
    this.item.backgroundColor = status.severity === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : status.severity === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
