import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEPLOYMENT_CANDIDATE, DEPLOYMENT_FILE_GLOB, SSO_FINDING } from '../../core/deployment/candidates';
import type { DeploymentFinding, DeploymentFix } from '../../core/deployment/types';
import type { Logger } from '../../core/log/logger';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { Commands } from '../../core/names';
import { workspaceRoots } from '../ui/notifications';

/** Reads unsaved editor text first, then the disk: checks see what the user sees. */
export function editorReader(file: string): string | undefined {
  const open = vscode.workspace.textDocuments.find(d => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (open) return open.getText();
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}

/**
 * Hardening diagnostics on self-hosted Langfuse configuration: docker-compose files, the server's
 * .env files (through their compose project) and Helm values of the langfuse chart. Findings carry
 * Langfuse's real rule and what to do; fixes generate secrets only when applied.
 */
export class DeploymentDiagnostics extends Disposable implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('langfuse-access-deployment'));
  private readonly findings = new Map<string, DeploymentFinding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly log: Logger) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument(doc => this.schedule(doc, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument(e => this.schedule(e.document, 250)));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => { if (!this.findings.has(doc.uri.fsPath)) this.collection.delete(doc.uri); }));
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  findingsFor(uri: vscode.Uri): DeploymentFinding[] {
    return this.findings.get(uri.fsPath) ?? [];
  }

  check(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !DEPLOYMENT_CANDIDATE.test(doc.uri.fsPath)) return;
    try {
      for (const [file, mine] of loadChunk('workspace').checkDeploymentOf(doc.uri.fsPath, doc.getText(), editorReader)) {
        this.findings.set(file, mine);
        this.collection.set(vscode.Uri.file(file), mine.map(toDiagnostic));
      }
    } catch (err) {
      this.log.warn(`Deployment check of ${doc.uri.fsPath} failed:`, err);
    }
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Every deployment fix writes configuration (some create files or generate secrets): none in Restricted Mode.
    if (!vscode.workspace.isTrusted) return [];
    const ours = context.diagnostics.filter(d => d.source === 'Langfuse Access (deployment)');
    const actions: vscode.CodeAction[] = [];
    for (const f of this.findingsFor(doc.uri)) {
      const diag = ours.find(d => d.code === f.code && d.range.isEqual(toRange(f.range)));
      if (!diag) continue;
      f.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: Commands.applyDeploymentFix, title: fix.title, arguments: [fix] };
        action.diagnostics = [diag];
        action.isPreferred = i === 0;
        actions.push(action);
      });
      if (SSO_FINDING.test(f.code) && !actions.some(a => a.command?.command === Commands.setUpSso)) {
        const assistant = new vscode.CodeAction(vscode.l10n.t('Set Up SSO for Self-Hosted Langfuse…'), vscode.CodeActionKind.QuickFix);
        assistant.command = { command: Commands.setUpSso, title: assistant.title, arguments: [doc.uri] };
        assistant.diagnostics = [diag];
        actions.push(assistant);
      }
    }
    return actions;
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.uri.scheme !== 'file' || !DEPLOYMENT_CANDIDATE.test(doc.uri.fsPath)) return;
    const key = doc.uri.fsPath;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.check(doc); }, delay));
  }
}

/**
 * Applies a fix: the generated secret exists only in this edit (never in a finding or a log line).
 * Refused in Restricted Mode, and when a file it would change is a symbolic link or lies outside the
 * workspace (a compose file's `env_file:` is the workspace's choice, and the arguments may be forged).
 */
export async function applyDeploymentFix(services: Services, fix: DeploymentFix): Promise<boolean> {
  const ws = loadChunk('workspace');
  if (!vscode.workspace.isTrusted) {
    await services.ui.refuse(vscode.l10n.t('"{0}" changes files, so it is not available in Restricted Mode. Trust this workspace first if you know where it comes from.', fix.title));
    return false;
  }
  const roots = workspaceRoots().map(r => r.path);
  try {
    ws.assertEditsInScope(ws.filesTouchedBy(fix).map(file => ({ file })), { roots, label: vscode.l10n.t('the workspace') });
  } catch (err) {
    if (!(err instanceof ws.UnsafeWriteError)) throw err;
    await services.ui.refuse(vscode.l10n.t('Not changed: {0}', err.message));
    return false;
  }
  const edits = ws.resolveFixEdits(fix, editorReader);
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    const uri = vscode.Uri.file(e.file);
    if (e.createFile) edit.createFile(uri, { ignoreIfExists: true, contents: Buffer.from(e.newText) });
    else edit.replace(uri, toRange(e.range), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

/** The compliance table for the workspace's deployment files, as a Markdown preview. */
export async function complianceReportCommand(services: Services): Promise<string | undefined> {
  const ws = loadChunk('workspace');
  const uris = await vscode.workspace.findFiles(DEPLOYMENT_FILE_GLOB, '**/node_modules/**', 200);
  const files = ws.deploymentFilesIn(uris.filter(u => u.scheme === 'file').map(u => u.fsPath), editorReader);
  if (files.length === 0) {
    services.ui.notify(vscode.l10n.t('No self-hosted Langfuse configuration found (docker-compose files with langfuse/langfuse, or Helm values of the langfuse chart).'));
    return undefined;
  }
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(files[0]);
  const markdown = ws.renderMarkdown(ws.buildComplianceReport(ws.checkDeploymentFiles(files, editorReader)), base);
  await services.reports.open({ kind: 'compliance', id: 'workspace', title: vscode.l10n.t('Deployment compliance report'), language: 'markdown', render: () => markdown });
  return markdown;
}

function toRange(r: DeploymentFinding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toDiagnostic(f: DeploymentFinding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
  d.source = 'Langfuse Access (deployment)';
  d.code = f.code;
  return d;
}
