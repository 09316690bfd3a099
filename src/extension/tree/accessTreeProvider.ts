import * as vscode from 'vscode';
import { hostLabel } from '../../core/connections/connection';
import type { ConnectionStore, Connection } from '../connections/connectionStore';
import { Disposable } from '../lifecycle';

export type AccessNode = { kind: 'connection'; connection: Connection };

/** The "Access" view: one root per connection. */
export class AccessTreeProvider extends Disposable implements vscode.TreeDataProvider<AccessNode> {
  private readonly changed = this.register(new vscode.EventEmitter<AccessNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly connections: ConnectionStore) {
    super();
    this.register(connections.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(element?: AccessNode): AccessNode[] {
    if (!element) return this.connections.list().map(connection => ({ kind: 'connection', connection }));
    return [];
  }

  getTreeItem(node: AccessNode): vscode.TreeItem {
    const { connection } = node;
    const item = new vscode.TreeItem(connection.name, vscode.TreeItemCollapsibleState.None);
    item.id = `connection:${connection.id}`;
    item.description = hostLabel(connection.baseUrl);
    item.tooltip = new vscode.MarkdownString(`**${connection.name}**\n\n${connection.baseUrl}\n\nKey pair kept in VS Code SecretStorage.`);
    item.iconPath = new vscode.ThemeIcon('plug');
    item.contextValue = 'connection';
    return item;
  }
}
