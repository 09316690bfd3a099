import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditEntry } from '../../core/audit/entry';
import { entryView, filterDescription } from '../../core/audit/presentation';
import { forLabel } from '../../core/display';
import { Commands, ContextKeys } from '../../core/names';
import type { AuditFilter } from '../../core/audit/reader';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';

export type AuditNode = { kind: 'entry'; entry: AuditEntry } | { kind: 'more'; shown: number };

const PAGE = 200;

/**
 * The "Audit log" view: every change this machine's extension and CLI made, newest first, filtered by
 * project, actor or action; an entry opens as JSON. It reads the shared audit.jsonl, so entries
 * written by the CLI show too (the view refreshes when the file changes).
 */
export class AuditLogView extends Disposable implements vscode.TreeDataProvider<AuditNode> {
  private readonly changed = this.register(new vscode.EventEmitter<AuditNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: AuditFilter = { hideCheckpoints: true };
  private limit = PAGE;
  private view: vscode.TreeView<AuditNode> | undefined;

  constructor(private readonly file: string) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), 'audit.jsonl')));
    this.register(watcher.onDidChange(() => this.refresh()));
    this.register(watcher.onDidCreate(() => this.refresh()));
  }

  get filter(): AuditFilter {
    return this.filterValue;
  }

  /** The view that shows this tree: its description says which filter is on. */
  attach(view: vscode.TreeView<AuditNode>): void {
    this.view = view;
  }

  setFilter(filter: AuditFilter): void {
    this.filterValue = { hideCheckpoints: true, ...filter };
    this.limit = PAGE;
    const description = filterDescription(this.filterValue);
    void vscode.commands.executeCommand('setContext', ContextKeys.auditFiltered, description !== undefined);
    if (this.view) this.view.description = description === undefined ? undefined : forLabel(description);
    this.refresh();
  }

  showMore(): void {
    this.limit += PAGE;
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: AuditNode): AuditNode[] {
    if (node) return [];
    const { entries, truncated } = loadChunk('audit').readAuditLog(this.file, this.filterValue, this.limit);
    const rows: AuditNode[] = entries.map(entry => ({ kind: 'entry', entry }));
    if (truncated) rows.push({ kind: 'more', shown: entries.length });
    return rows;
  }

  getTreeItem(node: AuditNode): vscode.TreeItem {
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('Show more ({0} shown)…', node.shown));
      item.command = { command: Commands.auditShowMore, title: vscode.l10n.t('Show More') };
      return item;
    }
    const e = node.entry;
    const view = entryView(e);
    const item = new vscode.TreeItem(view.label);
    item.id = `audit:${e.seq}:${e.hash.slice(0, 12)}`;
    item.description = view.description;
    item.tooltip = new vscode.MarkdownString(view.tooltip);
    item.iconPath = new vscode.ThemeIcon(view.icon);
    item.contextValue = 'auditEntry';
    item.command = { command: Commands.auditOpenEntry, title: vscode.l10n.t('Open Entry'), arguments: [node] };
    return item;
  }
}
