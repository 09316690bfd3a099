import * as vscode from 'vscode';
import { escapeMarkdown, markdownCode } from '../../core/display';
import { hostLabel } from '../../core/connections/connection';
import { assessKey, formatAge } from '../../core/keys/keyHealth';
import { BRIEF_CAPABILITIES, briefAllows, organizationScopesOf, projectScopesOf, type Role } from '../../core/langfuse/roles';
import type { ApiKeySummary } from '../../core/langfuse/schemas';
import { shortPublicKey } from '../../core/log/redact';
import { Commands } from '../../core/names';
import type { Connection } from '../connections/connectionStore';
import { nodeId, type AccessNode } from './nodes';

export interface KeyPolicy { maxAgeDays: number; noteConvention: string; now: Date }

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const None = vscode.TreeItemCollapsibleState.None;

export function renderNode(node: AccessNode, ctx: { connection?: Connection; policy: KeyPolicy }): vscode.TreeItem {
  const item = build(node, ctx);
  item.id = nodeId(node);
  return item;
}

function build(node: AccessNode, { connection, policy }: { connection?: Connection; policy: KeyPolicy }): vscode.TreeItem {
  switch (node.kind) {
    case 'connection': {
      const item = new vscode.TreeItem(connection?.name ?? node.connectionId, Collapsed);
      item.description = connection ? hostLabel(connection.baseUrl) : undefined;
      item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(connection?.name ?? node.connectionId)}**\n\n${escapeMarkdown(connection?.baseUrl ?? '')}\n\nKey pair kept in VS Code SecretStorage.`);
      item.iconPath = new vscode.ThemeIcon('plug');
      item.contextValue = 'connection';
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.label, None);
      item.description = node.detail;
      item.tooltip = node.detail ? `${node.label}\n\n${node.detail}` : node.label;
      item.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info',
        new vscode.ThemeColor(node.severity === 'error' ? 'errorForeground' : node.severity === 'warning' ? 'list.warningForeground' : 'foreground'));
      item.contextValue = node.action ? `message:${node.action}` : 'message';
      if (node.action === 'retry') item.command = { command: Commands.refresh, title: 'Retry', arguments: [{ kind: 'connection', connectionId: node.connectionId }] };
      if (node.action === 'fixConnection') item.command = { command: Commands.editConnection, title: 'Fix Connection', arguments: [{ kind: 'connection', connectionId: node.connectionId }] };
      return item;
    }
    case 'organization': {
      const item = new vscode.TreeItem('Organization', vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.projectCount} project${node.projectCount === 1 ? '' : 's'}`;
      item.tooltip = 'The organization of this connection\'s organization API key. (Langfuse\'s API does not tell an organization key its organization\'s name.)';
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'organization';
      return item;
    }
    case 'orgMembers': {
      const item = new vscode.TreeItem('Members', Collapsed);
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'orgMembers';
      return item;
    }
    case 'orgMember': {
      const m = node.member;
      const item = new vscode.TreeItem(m.name ?? m.email ?? m.userId, None);
      item.description = `${m.email ?? ''} · ${m.role === 'NONE' ? 'no organization access' : m.role}`;
      item.tooltip = roleTooltip(m.email ?? m.userId, m.role, 'organization');
      item.iconPath = new vscode.ThemeIcon(m.role === 'OWNER' ? 'star-full' : 'account');
      item.contextValue = `orgMember:${m.role.toLowerCase()}`;
      return item;
    }
    case 'orgKeys': {
      const item = new vscode.TreeItem('Organization API keys', Collapsed);
      item.tooltip = 'Organization-scoped keys manage projects, members and keys. Langfuse\'s API can only list them: create or revoke them in Organization Settings → API Keys (organization OWNER).';
      item.iconPath = new vscode.ThemeIcon('key');
      item.contextValue = 'orgKeys';
      return item;
    }
    case 'orgKey':
      return keyItem(node.key, policy, 'orgApiKey', 'organization key (read-only here)');
    case 'project': {
      const item = new vscode.TreeItem(node.project.name, node.readOnly ? vscode.TreeItemCollapsibleState.Expanded : Collapsed);
      item.description = node.readOnly ? 'project key · read-only' : undefined;
      item.tooltip = `${node.project.name} (${node.project.id})`;
      item.iconPath = new vscode.ThemeIcon('project');
      item.contextValue = node.readOnly ? 'project:readonly' : 'project';
      return item;
    }
    case 'projectMembers': {
      const item = new vscode.TreeItem('Members', Collapsed);
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'projectMembers';
      return item;
    }
    case 'projectMember': {
      const m = node.member;
      const item = new vscode.TreeItem(m.name ?? m.email ?? m.userId, None);
      const role = node.effective === 'NONE' ? 'no access (override)' : node.effective;
      const source = node.override !== undefined ? `project role; organization ${node.orgRole}` : 'from organization';
      item.description = `${m.email ?? ''} · ${role} (${source})`;
      item.tooltip = roleTooltip(m.email ?? m.userId, node.effective, node.project.name, node.override !== undefined ? `Project role set on ${node.project.name}; organization role ${node.orgRole}.` : `Inherited from the organization role ${node.orgRole}.`);
      item.iconPath = new vscode.ThemeIcon(node.effective === 'NONE' ? 'circle-slash' : node.effective === 'OWNER' ? 'star-full' : 'account');
      item.contextValue = `projectMember:${node.override !== undefined ? 'override' : 'inherited'}`;
      return item;
    }
    case 'projectKeys': {
      const item = new vscode.TreeItem('API keys', Collapsed);
      item.iconPath = new vscode.ThemeIcon('key');
      item.contextValue = 'projectKeys';
      return item;
    }
    case 'projectKey':
      return keyItem(node.key, policy, 'apiKey', node.project.name);
  }
}

function keyItem(key: ApiKeySummary, policy: KeyPolicy, contextValue: string, owner: string): vscode.TreeItem {
  const health = assessKey(key, policy, policy.now);
  const item = new vscode.TreeItem(shortPublicKey(key.publicKey), None);
  const created = key.createdAt.slice(0, 10);
  item.description = [key.note || 'no note', `created ${created}`, formatAge(health.ageDays), key.displaySecretKey].join(' · ');
  const md = new vscode.MarkdownString();
  // Notes, names and emails come from the server: escaped (core/display), shown as typed.
  md.appendMarkdown(`**${escapeMarkdown(key.publicKey)}** — ${escapeMarkdown(owner)}\n\n`);
  md.appendMarkdown(`Note: ${key.note ? escapeMarkdown(key.note) : '_none_'}  \nCreated: ${escapeMarkdown(key.createdAt)} (${formatAge(health.ageDays)})  \nSecret: ${markdownCode(key.displaySecretKey)} (Langfuse shows the full secret only once, at creation)\n\n`);
  md.appendMarkdown('Langfuse records no key usage (`lastUsedAt` is never written), so age is the only signal here.');
  if (health.warnings.length) md.appendMarkdown(`\n\n$(warning) ${health.warnings.map(escapeMarkdown).join('\n\n$(warning) ')}`);
  md.supportThemeIcons = true;
  item.tooltip = md;
  item.iconPath = health.warnings.length
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('key');
  item.contextValue = `${contextValue}${health.overdue ? ':overdue' : ''}`;
  return item;
}

function roleTooltip(who: string, role: Role, where: string, why?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(who)}** — ${role === 'NONE' ? 'no access' : role} in ${escapeMarkdown(where)}\n\n`);
  if (why) md.appendMarkdown(`${escapeMarkdown(why)}\n\n`);
  md.appendMarkdown('| ' + BRIEF_CAPABILITIES.join(' | ') + ' |\n|' + BRIEF_CAPABILITIES.map(() => ':-:').join('|') + '|\n');
  md.appendMarkdown('| ' + BRIEF_CAPABILITIES.map(c => briefAllows(role, c) ? '✓' : '—').join(' | ') + ' |\n\n');
  const scopes = where === 'organization' ? organizationScopesOf(role) : projectScopesOf(role);
  md.appendMarkdown(scopes.length ? `Langfuse scopes: ${scopes.map(s => `\`${s}\``).join(', ')}` : 'No Langfuse scopes.');
  return md;
}
