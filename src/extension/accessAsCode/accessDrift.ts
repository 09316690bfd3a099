// Drift diagnostics on `.langfuse/access.yaml`: the live organization is read when the file opens and
// on refresh (one read per refresh), and the file is re-planned against that live state offline while
// the user types. Each difference is a diagnostic on the line that declares it; the hover shows the
// live value; the quick fixes live in accessEditor.ts. Nothing is read in Restricted Mode.
import * as vscode from 'vscode';
import type { AccessPlan, DriftFinding, LiveOrganization } from '../../core/accessAsCode/index';
import type { Session } from '../../core/session/index';
import { escapeControls } from '../../core/display/controls';
import { Disposable } from '../lifecycle';
import type { Services } from '../services';
import { aac, accessWorkspace, isAccessFile, sessionFor } from './accessContext';

interface FileState { live?: LiveOrganization; session?: Session; plan?: AccessPlan; findings: DriftFinding[]; error?: string }

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

export class AccessDrift extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('langfuse-access-drift'));
  private readonly files = new Map<string, FileState>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires when a file's findings change (the CodeLens follows). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    let timer: NodeJS.Timeout | undefined;
    const replan = (doc: vscode.TextDocument) => { clearTimeout(timer); timer = setTimeout(() => this.replan(doc), 300); };
    this.register({ dispose: () => clearTimeout(timer) });
    this.register(vscode.workspace.onDidOpenTextDocument(doc => { if (isAccessFile(doc.uri)) void this.refresh(doc); }));
    // A file open since before it declared access, before its connection existed or before an export
    // rewrote it was never read against the live state: its first change reads it (debounced).
    let reading: NodeJS.Timeout | undefined;
    const refreshSoon = (doc: vscode.TextDocument) => { clearTimeout(reading); reading = setTimeout(() => void this.refresh(doc), 300); };
    this.register({ dispose: () => clearTimeout(reading) });
    this.register(vscode.workspace.onDidChangeTextDocument(e => {
      if (!isAccessFile(e.document.uri)) return;
      if (this.files.has(e.document.uri.fsPath)) replan(e.document);
      else refreshSoon(e.document);
    }));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => { if (isAccessFile(doc.uri)) this.forget(doc.uri); }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshOpen()));
    this.refreshOpen();
  }

  refreshOpen(): void {
    for (const doc of vscode.workspace.textDocuments) if (isAccessFile(doc.uri)) void this.refresh(doc);
  }

  state(uri: vscode.Uri): FileState | undefined {
    return this.files.get(uri.fsPath);
  }

  /** Reads the live organization for this file, then plans. */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    if (!vscode.workspace.isTrusted) return this.forget(doc.uri);
    try {
      const ws = accessWorkspace(doc.uri.fsPath, false);
      if (!aac().declaresAccess(ws.file.config)) return this.forget(doc.uri);
      const session = await sessionFor(this.services, ws, false);
      if (!session) throw new Error(`the file's connection "${ws.file.config.connection ?? ''}" is not one of your connections`);
      const live = await aac().readLiveFor(session, ws);
      // The last findings stay until the new plan replaces them (a quick fix may be asked for meanwhile).
      const before = this.files.get(doc.uri.fsPath);
      this.files.set(doc.uri.fsPath, { findings: [], ...before, live, session, error: undefined });
      this.replan(doc);
    } catch (err) {
      if (err instanceof aac().AccessFileError) return this.forget(doc.uri);
      // An invalid file is the file diagnostics' business; a failed read is said in the CodeLens.
      this.files.set(doc.uri.fsPath, { findings: [], error: err instanceof Error ? err.message : String(err) });
      this.collection.delete(doc.uri);
      this.changed.fire(doc.uri);
      this.services.log.info(`Access drift of ${vscode.workspace.asRelativePath(doc.uri)} not planned:`, err);
    }
  }

  /** Offline: the current text against the live state read last. */
  private replan(doc: vscode.TextDocument): void {
    const state = this.files.get(doc.uri.fsPath);
    if (!state?.live || !state.session || doc.isClosed) return;
    try {
      const ws = accessWorkspace(doc.uri.fsPath);
      state.plan = aac().planFromLive(state.session, ws, state.live);
      state.findings = aac().driftFindings(state.plan);
      state.error = undefined;
    } catch {
      // Mid-typing the file is often invalid: keep the last findings until it parses again.
      return;
    }
    this.collection.set(doc.uri, state.findings.map(f => {
      const line = Math.min(f.line, doc.lineCount - 1);
      const range = new vscode.Range(line, f.column, line, doc.lineAt(line).range.end.character);
      const d = new vscode.Diagnostic(range, escapeControls(f.message), SEVERITY[f.severity]);
      d.source = 'Langfuse Access';
      d.code = f.code;
      return d;
    }));
    this.changed.fire(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.files.delete(uri.fsPath);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }
}
