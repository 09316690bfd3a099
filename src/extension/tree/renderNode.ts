import * as vscode from 'vscode';
import type { AccessNode } from '../../core/org/accessNodes';
import { nodeId } from '../../core/org/accessNodes';
import { nodeView, type KeyPolicy, type NodeContext } from '../../core/org/nodeView';

export type { KeyPolicy };

const COLLAPSIBLE = { none: 0, collapsed: 1, expanded: 2 } as const;

/** A row of the Access view as VS Code draws it, from core's view of the row. */
export function renderNode(node: AccessNode, ctx: NodeContext): vscode.TreeItem {
  const view = nodeView(node, ctx);
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  item.id = nodeId(node);
  item.description = view.description;
  if (view.tooltip !== undefined) {
    const md = new vscode.MarkdownString(view.tooltip);
    md.supportThemeIcons = true;
    item.tooltip = view.markdownTooltip ? md : view.tooltip;
  }
  item.iconPath = new vscode.ThemeIcon(view.icon, view.iconColor ? new vscode.ThemeColor(view.iconColor) : undefined);
  item.contextValue = view.contextValue;
  item.command = view.command;
  // Read instead of a plain tooltip: the row's words and the state its icon shows (issue: screen readers).
  item.accessibilityInformation = { label: view.accessibility };
  return item;
}
