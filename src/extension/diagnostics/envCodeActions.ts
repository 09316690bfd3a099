import * as vscode from 'vscode';
import type { Finding, Fix } from '../../core/rules/finding';
import { Commands } from '../../core/names';
import type { EnvDiagnostics } from './envDiagnostics';
import { toRange } from './envDiagnostics';
import { WRITING_FIXES } from './envFixes';
import { loadChunk } from '../lazy';

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
    const diagnosticOf = (finding: Finding) => ours.find(d => d.code === finding.code && d.range.isEqual(toRange(finding.range)));
    const here = this.diagnostics.findingsFor(doc.uri).filter(f => diagnosticOf(f));
    // In Restricted Mode, fixes that write files or secrets are not offered (text edits of this document are).
    const trusted = vscode.workspace.isTrusted;
    const actions: vscode.CodeAction[] = [];
    // One action per fix, the non-destructive one first and alone preferred (core/rules/fixOrder.ts).
    for (const offered of loadChunk('workspace').offeredFixes(here, fix => trusted || !WRITING_FIXES.has(fix.kind))) {
      const action = this.toAction(doc, offered.findings[0], offered.fix);
      if (!action) continue;
      action.diagnostics = offered.findings.map(diagnosticOf).filter((d): d is vscode.Diagnostic => !!d);
      action.isPreferred = offered.preferred;
      actions.push(action);
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
