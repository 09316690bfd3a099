// The plan and the apply report as read-only Markdown documents under their own URI scheme (not
// untitled editors: nothing to save, nothing lost on close). Each file's plan has one URI, so planning
// again updates the open document in place.
import * as vscode from 'vscode';
import { PLAN_DOCUMENT_SCHEME } from '../../core/names';
import { Disposable } from '../lifecycle';

export class PlanDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(PLAN_DOCUMENT_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? `_${vscode.l10n.t('This plan is gone: plan again (Langfuse Access: Plan Access Changes).')}_\n`;
  }

  /** Shows `markdown` as "Access plan" (or "Access apply") of `file`, rendered; returns the document. */
  async show(kind: 'Plan' | 'Apply', file: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: PLAN_DOCUMENT_SCHEME, path: `/Access ${kind.toLowerCase()}.md`, query: encodeURIComponent(file) });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    // Rendered (tables, headings) beside the access file; the source if the Markdown preview is unavailable.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', shown.uri)
      .then(undefined, () => vscode.window.showTextDocument(shown, { preview: false, viewColumn: vscode.ViewColumn.Beside }));
    return shown;
  }
}
