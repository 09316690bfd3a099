// Reading the Access view as VS Code draws it: each row's label, description, context value (which
// menus it gets), tooltip, expansion and what a screen reader says, through the extension's own tree provider.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import type { AccessNode } from '../../../src/core/org/accessNodes';

export interface Row { node: AccessNode; label: string; description: string; contextValue?: string; tooltip: string; collapsible?: vscode.TreeItemCollapsibleState; spoken?: string }

export async function treeRows(api: ExtensionApi, node?: AccessNode): Promise<Row[]> {
  const children = await api.services.tree.getChildren(node);
  return children.map(child => {
    const item = api.services.tree.getTreeItem(child);
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
    return { node: child, label: String(item.label), description: String(item.description ?? ''), contextValue: item.contextValue, tooltip, collapsible: item.collapsibleState, spoken: item.accessibilityInformation?.label };
  });
}

/** The row at the end of a path of labels below a connection. */
export async function treeRow(api: ExtensionApi, labels: string[], connectionId = 'local-sandbox'): Promise<Row> {
  let current = (await treeRows(api)).find(r => r.node.connectionId === connectionId && r.node.kind === 'connection');
  assert.ok(current, `connection ${connectionId}`);
  for (const label of labels) {
    const children = await treeRows(api, current.node);
    const next = children.find(r => r.label === label);
    assert.ok(next, `"${label}" under "${current.label}" (have: ${children.map(c => c.label).join(', ')})`);
    current = next;
  }
  return current;
}

/** Whether a view/item/context menu entry of package.json shows for a row's context value (its `viewItem =~ /…/` clause). */
export function menuShows(packageJson: any, command: string, contextValue: string | undefined, group?: string): boolean {
  const entries = (packageJson.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[])
    .filter(m => m.command === command && (!group || m.group?.startsWith(group)));
  assert.ok(entries.length > 0, `a menu entry for ${command}`);
  return entries.some(m => {
    const regex = /viewItem =~ \/(.+)\/$/.exec(m.when)?.[1];
    const equal = /viewItem == (\S+)/.exec(m.when)?.[1];
    return regex ? new RegExp(regex).test(contextValue ?? '') : equal === contextValue;
  });
}
