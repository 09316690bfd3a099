import * as vscode from 'vscode';
import type { LoadedAccessFile } from '../../core/access/accessFile';
import type { EditorLinter, FileFindings } from '../../core/editor/editorLinter';
import type { Finding } from '../../core/rules/finding';
import type { Logger } from '../../core/log/logger';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import type { ConnectionStore } from '../connections/connectionStore';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import type { KeyIndexService } from './keyIndexService';
import type { OnlineVerifier } from './onlineVerifier';
import { progressCounter, throwIfCancelled, type Work } from '../../core/flow/work';
import { tokenOf } from '../ui/progress';

const SOURCE = 'Langfuse Access';
const ENV_GLOB = '**/{.env,.env.*,*.env}';
const ACCESS_FILE = /[\\/]\.langfuse[\\/]access\.yaml$/;

/**
 * `.env` diagnostics: every env file of the workspace is checked once from disk, open documents on
 * each change (debounced) from their unsaved text, access files at their exact lines. All offline:
 * the key index is built beforehand from the user's own connections.
 */
export class EnvDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('langfuse-access'));
  private linter: EditorLinter | undefined;
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** After any file's findings changed (status bar, tests). */
  readonly onDidChange = this.changed.event;
  private scanned: Promise<void> | undefined;

  constructor(private readonly connections: ConnectionStore, private readonly keyIndex: KeyIndexService, private readonly log: Logger, private readonly online: OnlineVerifier) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument(doc => this.schedule(doc, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument(e => this.schedule(e.document, 150)));
    this.register(vscode.workspace.onDidSaveTextDocument(doc => { if (/\.gitignore$/.test(doc.fileName)) this.recheckAll(true); }));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/{.env,.env.*,*.env,.gitignore,.langfuse/access.yaml}'));
    this.register(watcher.onDidChange(uri => this.onDiskChange(uri)));
    this.register(watcher.onDidCreate(uri => this.onDiskChange(uri)));
    this.register(watcher.onDidDelete(uri => {
      if (ACCESS_FILE.test(uri.fsPath) || uri.fsPath.endsWith('.gitignore')) { this.recheckAll(true); return; }
      this.apply(this.ensureLinter().forget(uri.fsPath));
      this.collection.delete(uri);
      this.findings.delete(uri.fsPath);
    }));
    this.register(keyIndex.onDidChange(() => this.recheckAll(false)));
    this.register(online.onDidChange(() => this.recheckAll(false)));
    this.register(vscode.workspace.onDidSaveTextDocument(doc => this.verifyOnSave(doc)));
    this.register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(Settings.rotationMaxAgeDays) || e.affectsConfiguration(Settings.connections)) this.recheckAll(false);
    }));
  }

  /** Checks every env file of the workspace once (cold scan), then the open documents. */
  scanWorkspace(): Promise<void> {
    this.scanned ??= this.rescanWorkspace().catch(err => { this.log.error('Scanning the workspace failed:', err); });
    return this.scanned;
  }

  /**
   * Checks every env file of the workspace now (up to 5,000), reporting one step per file. The
   * findings are applied together at the end, so a cancelled scan leaves the previous ones as they were.
   */
  async rescanWorkspace(work: Work = {}): Promise<void> {
    const { signal, onProgress } = work;
    const token = signal && tokenOf(signal);
    try {
      const files = await vscode.workspace.findFiles(ENV_GLOB, '**/node_modules/**', 5000, token?.token);
      const linter = this.ensureLinter();
      const results: FileFindings[] = [];
      const step = progressCounter(files.length, onProgress, (done, total) => vscode.l10n.t('file {0} of {1}', done, total));
      for (const uri of files) {
        throwIfCancelled(signal);
        if (uri.scheme === 'file' && linter.applies(uri.fsPath)) {
          const open = vscode.workspace.textDocuments.find(d => d.uri.fsPath === uri.fsPath);
          const text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
          results.push(...linter.check(uri.fsPath, text));
        }
        step();
      }
      throwIfCancelled(signal);
      this.apply(results);
      for (const doc of vscode.workspace.textDocuments) this.checkDocument(doc);
    } finally {
      token?.dispose();
    }
  }

  /** Whether any env file has been checked (the key index is only worth building then). */
  hasFiles(): boolean {
    return (this.linter?.files().length ?? 0) > 0;
  }

  findingsFor(uri: vscode.Uri): Finding[] {
    return this.findings.get(uri.fsPath) ?? [];
  }

  summary(uri: vscode.Uri) {
    return this.linter?.summary(uri.fsPath);
  }

  /** Checks a document now (used after quick fixes and by tests). */
  checkDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file') return;
    const linter = this.ensureLinter();
    if (ACCESS_FILE.test(doc.uri.fsPath)) {
      const { findings } = linter.checkAccessFile(doc.uri.fsPath, doc.getText());
      this.apply([{ file: doc.uri.fsPath, findings }]);
      return;
    }
    if (!linter.applies(doc.uri.fsPath)) return;
    this.apply(linter.check(doc.uri.fsPath, doc.getText()));
  }

  /** The access-file connection of a file (the id only; where it points comes from user settings). */
  connectionFor(file: string): string | undefined {
    return this.ensureLinter().connectionOf(file);
  }

  /** The access file covering a file, valid or not (the online check says which problem stops it). */
  accessFileFor(file: string): LoadedAccessFile | undefined {
    return this.ensureLinter().accessFileOf(file);
  }

  /** With langfuseAccess.verifyKeysOnline on, a saved env file's pairs are checked online (trusted workspaces only). */
  private verifyOnSave(doc: vscode.TextDocument): void {
    if (!vscode.workspace.getConfiguration().get<boolean>(Settings.verifyKeysOnline)) return;
    if (doc.uri.scheme !== 'file' || !this.ensureLinter().applies(doc.uri.fsPath)) return;
    const access = this.accessFileFor(doc.uri.fsPath);
    if (this.online.refusal(access)) return;
    void this.online.verify([doc.uri.fsPath], access).catch(err => this.log.warn('Online key check failed:', (err as Error).message));
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.checkDocument(doc); }, delayMs));
  }

  private onDiskChange(uri: vscode.Uri): void {
    if (ACCESS_FILE.test(uri.fsPath) || uri.fsPath.endsWith('.gitignore')) { this.recheckAll(true); return; }
    if (vscode.workspace.textDocuments.some(d => d.uri.fsPath === uri.fsPath && d.isDirty)) return;
    void vscode.workspace.fs.readFile(uri).then(data => {
      const linter = this.ensureLinter();
      if (linter.applies(uri.fsPath)) this.apply(linter.check(uri.fsPath, Buffer.from(data).toString('utf8')));
    }, () => undefined);
  }

  private recheckAll(invalidate: boolean): void {
    if (!this.linter) return;
    if (invalidate) this.linter.invalidate();
    for (const file of this.linter.files()) {
      const open = vscode.workspace.textDocuments.find(d => d.uri.fsPath === file);
      if (open) { this.checkDocument(open); continue; }
      void vscode.workspace.fs.readFile(vscode.Uri.file(file)).then(
        data => this.apply(this.linter!.check(file, Buffer.from(data).toString('utf8'))),
        () => this.apply(this.linter!.forget(file)));
    }
    for (const doc of vscode.workspace.textDocuments) if (ACCESS_FILE.test(doc.uri.fsPath)) this.checkDocument(doc);
  }

  private apply(results: FileFindings[]): void {
    for (const r of results) {
      this.findings.set(r.file, r.findings);
      this.collection.set(vscode.Uri.file(r.file), r.findings.map(toDiagnostic));
    }
    if (results.length) this.changed.fire();
  }

  private ensureLinter(): EditorLinter {
    this.linter ??= new (loadChunk('workspace').EditorLinter)({
      keyIndex: () => this.keyIndex.index(),
      online: () => this.online.answers.size ? this.online.answers : undefined,
      connectionBaseUrl: id => this.connections.get(id)?.baseUrl,
      rotationMaxAgeDays: () => vscode.workspace.getConfiguration().get<number>(Settings.rotationMaxAgeDays) ?? DEFAULT_ROTATION_MAX_AGE_DAYS,
    });
    return this.linter;
  }
}

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
  d.source = SOURCE;
  d.code = f.code;
  return d;
}

