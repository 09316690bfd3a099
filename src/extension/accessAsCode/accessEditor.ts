// The access file's editor affordances: a CodeLens "Plan · Apply" at the top (and the drift count, or
// why the live state could not be read), hovers with the live value on drifted lines, and the quick
// fixes "Apply this change" and "Take the live value into the file".
import * as vscode from 'vscode';
import { Commands } from '../../core/names';
import { escapeControls } from '../../core/display/controls';
import { aac } from './accessContext';
import type { AccessDrift } from './accessDrift';

export const ACCESS_FILE_SELECTOR: vscode.DocumentSelector = { scheme: 'file', pattern: '**/.langfuse/access.yaml' };

export class AccessCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly drift: AccessDrift) {
    this.onDidChangeCodeLenses = e => drift.onDidChange(() => e());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const state = this.drift.state(doc.uri);
    if (!state) return [];
    const lenses = [
      new vscode.CodeLens(top, { title: `$(list-unordered) ${vscode.l10n.t('Plan')}`, command: Commands.planAccess, arguments: [doc.uri], tooltip: vscode.l10n.t('Compare the file with the live organization and open the plan') }),
      new vscode.CodeLens(top, { title: `$(play) ${vscode.l10n.t('Apply')}`, command: Commands.applyAccess, arguments: [doc.uri], tooltip: vscode.l10n.t('Apply the plan (asks first, names every change)') }),
    ];
    const status = state.error ? `$(warning) ${vscode.l10n.t('Live state not read: {0}', escapeControls(state.error).slice(0, 80))}`
      : state.plan ? `$(sync) ${state.plan.changes.length === 0 ? vscode.l10n.t('No drift') : vscode.l10n.t('{0} drift(s)', state.plan.changes.length)} · ${vscode.l10n.t('live read {0} UTC', state.plan.liveReadAt.slice(11, 16))}`
      : undefined;
    if (status) lenses.push(new vscode.CodeLens(top, { title: status, command: Commands.refreshAccessDrift, arguments: [doc.uri], tooltip: vscode.l10n.t('Read the live organization again') }));
    return lenses;
  }
}

export class AccessHover implements vscode.HoverProvider {
  constructor(private readonly drift: AccessDrift) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.drift.state(doc.uri)?.findings.filter(f => f.line === position.line) ?? [];
    if (found.length === 0) return undefined;
    return new vscode.Hover(found.map(f => new vscode.MarkdownString(f.hover)));
  }
}

export class AccessCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly drift: AccessDrift) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.drift.state(doc.uri);
    if (!state?.plan) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'Langfuse Access' || typeof d.code !== 'string' || !d.code.startsWith('access-drift/')) continue;
      const finding = state.findings.find(f => f.line === d.range.start.line && f.code === d.code);
      const change = finding && state.plan.changes.find(c => c.id === finding.changeId && `access-drift/${c.kind}` === finding.code);
      if (!finding || !change) continue;
      if (finding.canApply) {
        const apply = new vscode.CodeAction(vscode.l10n.t('Apply this change'), vscode.CodeActionKind.QuickFix);
        apply.command = { title: apply.title, command: Commands.applyAccessChange, arguments: [doc.uri, change.id] };
        apply.diagnostics = [d];
        actions.push(apply);
      }
      const edit = aac().takeLiveValue(doc.getText(), change);
      if (edit) {
        const take = new vscode.CodeAction(vscode.l10n.t('Take the live value into the file'), vscode.CodeActionKind.QuickFix);
        take.edit = new vscode.WorkspaceEdit();
        take.edit.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.newText);
        take.diagnostics = [d];
        actions.push(take);
      }
    }
    return actions;
  }
}
