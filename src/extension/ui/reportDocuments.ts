import * as vscode from 'vscode';
import { DocumentSchemes } from '../../core/names';
import { reportPath, unavailableReport, type ReportSpec } from '../../core/reports/reportDocument';
import { Disposable } from '../lifecycle';

export type { ReportSpec };

/** A report to show: where it lives and how to produce its text (called on every open, so it is current). */
export interface Report extends ReportSpec {
  render(): string | Promise<string>;
}

/**
 * Read-only reports as virtual documents (scheme `langfuse-access-report`): nothing is written to the
 * workspace, closing one never asks to save, and opening the same report again shows its current
 * content in the same tab. Markdown opens in the Markdown preview, other text in a read-only editor.
 * Every feature that shows a report uses this (Explain Access, Check Isolation, audit entries,
 * rotation and compliance reports, access-as-code plans): `services.reports.open({...})`.
 */
export class ReportDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly reports = new Map<string, { spec: ReportSpec; render: Report['render']; text: string }>();

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(DocumentSchemes.report, this));
  }

  /** Renders the report now and shows it; returns its document (whose text is the rendered report). */
  async open(report: Report, how: 'preview' | 'editor' = report.language === 'markdown' ? 'preview' : 'editor'): Promise<vscode.TextDocument> {
    const { render, ...spec } = report;
    const uri = this.uriOf(spec);
    const text = await render();
    this.reports.set(uri.toString(), { spec, render, text });
    await this.refreshOpen(uri, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (how === 'preview') {
      const shown = await vscode.commands.executeCommand('markdown.showPreview', uri).then(() => true, () => false);
      if (shown) return doc;
    }
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  /** A report that is open already shows the new text (documents of a content provider are cached until told). */
  private async refreshOpen(uri: vscode.Uri, text: string): Promise<void> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!open || open.getText() === text) return;
    const updated = new Promise<void>(resolve => {
      const timer = setTimeout(() => { listener.dispose(); resolve(); }, 5000);
      const listener = vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document.uri.toString() === uri.toString() && e.document.getText() === text) { clearTimeout(timer); listener.dispose(); resolve(); }
      });
    });
    this.changed.fire(uri);
    await updated;
  }

  uriOf(spec: ReportSpec): vscode.Uri {
    return vscode.Uri.from({ scheme: DocumentSchemes.report, path: reportPath(spec) });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const report = this.reports.get(uri.toString());
    return report ? report.text : unavailableReport({ title: decodeURIComponent(uri.path.split('/').pop() ?? 'Report') });
  }
}
