import * as vscode from 'vscode';
import type { Finding, Fix } from '../../core/rules/finding';
import { Commands } from '../../core/names';
import type { EnvDiagnostics } from './envDiagnostics';
import { toRange } from './envDiagnostics';
import { WRITING_FIXES } from './envFixes';

/**
 * Quick fixes for `.env` findings. Fixes that touch a secret carry only ranges (the core never holds
 * the secret); edits that need the text read it from the document here, and project keys come from
 * SecretStorage through the applyEnvFix command.
 */
export class EnvCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: EnvDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter(d => d.source === 'Langfuse Access');
    if (ours.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.diagnostics.findingsFor(doc.uri)) {
      const diag = ours.find(d => d.code === finding.code && d.range.isEqual(toRange(finding.range)));
      if (!diag) continue;
      // In Restricted Mode, fixes that write files or secrets are not offered (text edits of this document are).
      const offered = vscode.workspace.isTrusted ? finding.fixes : finding.fixes.filter(f => !WRITING_FIXES.has(f.kind));
      offered.forEach((fix, i) => {
        const action = this.toAction(doc, finding, fix);
        if (!action) return;
        action.diagnostics = [diag];
        action.isPreferred = i === 0 && fix.kind !== 'ignoreFinding';
        actions.push(action);
      });
    }
    return actions;
  }

  private toAction(doc: vscode.TextDocument, finding: Finding, fix: Fix): vscode.CodeAction | undefined {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    switch (fix.kind) {
      case 'replaceText': {
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, toRange(fix.range), fix.newText);
        return action;
      }
      case 'trimValue': {
        const r = toRange(fix.range);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, r, doc.getText(r).trim());
        return action;
      }
      case 'swapValues': {
        const a = toRange(fix.first), b = toRange(fix.second);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, a, doc.getText(b));
        action.edit.replace(doc.uri, b, doc.getText(a));
        return action;
      }
      default:
        action.command = { command: Commands.applyEnvFix, title: fix.title, arguments: [doc.uri, finding, fix] };
        return action;
    }
  }
}
