// How each row of the Access view looks, as plain data: label, description, Markdown tooltip, icon,
// context value (menus), expansion and click action. The extension maps it to a vscode.TreeItem.
import { hostLabel } from '../connections/connection';
import { briefCapabilityLabel } from '../display/capabilityLabel';
import { escapeMarkdown as md, markdownCode } from '../display/markdown';
import { forLabel } from '../display/notification';
import { formatAge, maskSecretKey, shortPublicKey } from '../keys/keyDisplay';
import { assessKey } from '../keys/keyHealth';
import { BRIEF_CAPABILITIES, briefAllows, organizationScopesOf, projectScopesOf, type Role } from '../langfuse/roles';
import type { ApiKeySummary } from '../langfuse/schemas';
import { Commands } from '../names';
import type { Permissions } from '../session/permissions';
import type { AccessNode } from './accessNodes';
import { l10n } from '../l10n/l10n';
import { allowedActions, withActions } from './nodeActions';

export interface KeyPolicy { maxAgeDays: number; noteConvention: string; now: Date }

export interface NodeView {
  label: string;
  description?: string;
  /** Plain text, or Markdown (with `$(icon)` references) when `markdownTooltip`. */
  tooltip?: string;
  markdownTooltip?: boolean;
  icon: string;
  /** A theme color id for the icon. */
  iconColor?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; title: string; arguments: unknown[] };
  /** What a screen reader says for the row: the label, what the description says, and any state an icon shows, in words. */
  accessibility: string;
}

const group = (label: string, icon: string, contextValue: string, tooltip?: string, spoken = label): NodeView => ({ label, icon, contextValue, tooltip, collapsible: 'collapsed', accessibility: spoken });
const SEVERITY_WORDS = { error: () => l10n.t('Error'), warning: () => l10n.t('Warning'), info: () => l10n.t('Information') } as const;

export interface NodeContext {
  connection?: { name: string; baseUrl: string };
  policy: KeyPolicy;
  /** What the acting identity may do on this connection (undefined: not known, no action offered). */
  permissions?: Permissions;
  /** The organization's name when some key could learn it (Langfuse does not tell an organization key). */
  organizationName?: string;
  /** Open the connection row at start (the only connection, or the sandbox of `npm start`). */
  expandConnection?: boolean;
  /** A key's label unique among the keys shown with it (core/keys/keyDisplay.ts). */
  keyLabel?: string;
}

export function nodeView(node: AccessNode, ctx: NodeContext): NodeView {
  const view = baseView(node, ctx);
  return { ...view, contextValue: withActions(view.contextValue, allowedActions(node, ctx.permissions)) };
}

function baseView(node: AccessNode, ctx: NodeContext): NodeView {
  const { connection, policy } = ctx;
  switch (node.kind) {
    case 'connection':
      return {
        label: connection?.name ?? node.connectionId, description: connection ? hostLabel(connection.baseUrl) : undefined, icon: 'plug', contextValue: 'connection', collapsible: ctx.expandConnection ? 'expanded' : 'collapsed',
        tooltip: `**${md(connection?.name ?? node.connectionId)}**\n\n${md(connection?.baseUrl ?? '')}\n\n${l10n.t('Key pair kept in VS Code SecretStorage.')}`, markdownTooltip: true,
        accessibility: l10n.t('Connection {0}, {1}', connection?.name ?? node.connectionId, connection ? hostLabel(connection.baseUrl) : l10n.t('unknown host')),
      };
    case 'message': {
      const target = [{ kind: 'connection', connectionId: node.connectionId }];
      // The severity in words too, not only by the icon's shape and colour.
      const severity = node.severity === 'info' ? undefined : SEVERITY_WORDS[node.severity]();
      const description = [severity, node.detail].filter(Boolean).join(' · ') || undefined;
      return {
        label: node.label, description, tooltip: node.detail ? `${node.label}\n\n${node.detail}` : node.label, collapsible: 'none',
        accessibility: `${SEVERITY_WORDS[node.severity]()}: ${node.label}${node.detail ? `. ${node.detail}` : ''}`,
        icon: node.severity, iconColor: node.severity === 'error' ? 'errorForeground' : node.severity === 'warning' ? 'list.warningForeground' : 'foreground',
        contextValue: node.action ? `message:${node.action}` : 'message',
        command: node.action === 'retry' ? { command: Commands.refresh, title: l10n.t('Retry'), arguments: target }
          : node.action === 'fixConnection' ? { command: Commands.editConnection, title: l10n.t('Fix Connection'), arguments: target } : undefined,
      };
    }
    case 'organization':
      return organizationView(node.projectCount, ctx);
    case 'orgMembers': return group(l10n.t('Members'), 'person', 'orgMembers');
    case 'orgKeys': return group(l10n.t('Organization API keys'), 'key', 'orgKeys', l10n.t('Organization-scoped keys manage projects, members and keys. Langfuse\'s API can only list them: create or revoke them in Organization Settings → API Keys (organization OWNER).'));
    case 'projectMembers': return group(l10n.t('Members'), 'person', 'projectMembers', undefined, l10n.t('Members of {0}', node.project.name));
    case 'projectKeys': return group(l10n.t('API keys'), 'key', 'projectKeys', undefined, l10n.t('API keys of {0}', node.project.name));
    case 'orgMember': {
      const m = node.member;
      return {
        label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${m.role === 'NONE' ? l10n.t('no organization access') : m.role}`, collapsible: 'none',
        tooltip: roleTooltip(m.email ?? m.userId, m.role, undefined), markdownTooltip: true,
        icon: m.role === 'OWNER' ? 'star-full' : 'account', contextValue: `orgMember:${m.role.toLowerCase()}`,
        accessibility: l10n.t('Member {0}, {1}, organization role {2}', m.name ?? m.email ?? m.userId, m.email ?? '', m.role === 'NONE' ? l10n.t('none: no organization access') : m.role),
      };
    }
    case 'orgKey':
      return keyView(node.key, policy, 'orgApiKey', l10n.t('organization key (read-only here)'), ctx.keyLabel);
    case 'project':
      return {
        label: node.project.name, description: node.readOnly ? l10n.t('project key · read-only') : undefined, tooltip: `${node.project.name} (${node.project.id})`,
        icon: 'project', contextValue: node.readOnly ? 'project:readonly' : 'project', collapsible: node.readOnly ? 'expanded' : 'collapsed',
        accessibility: node.readOnly ? l10n.t('Project {0}, read-only: seen through a project key', node.project.name) : l10n.t('Project {0}', node.project.name),
      };
    case 'projectMember': {
      const m = node.member;
      const role = node.effective === 'NONE' ? l10n.t('no access (override)') : node.effective;
      const source = node.override !== undefined ? l10n.t('project role; organization {0}', node.orgRole) : l10n.t('from organization');
      return {
        label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${role} (${source})`, collapsible: 'none', markdownTooltip: true,
        tooltip: roleTooltip(m.email ?? m.userId, node.effective, node.project.name, node.override !== undefined ? l10n.t('Project role set on {0}; organization role {1}.', node.project.name, node.orgRole) : l10n.t('Inherited from the organization role {0}.', node.orgRole)),
        icon: node.effective === 'NONE' ? 'circle-slash' : node.effective === 'OWNER' ? 'star-full' : 'account',
        contextValue: `projectMember:${node.override !== undefined ? 'override' : 'inherited'}`,
        accessibility: l10n.t('Member {0}, {1}, {2} in {3} ({4})', m.name ?? m.email ?? m.userId, m.email ?? '', role, node.project.name, source),
      };
    }
    case 'projectKey':
      return keyView(node.key, policy, 'apiKey', node.project.name, ctx.keyLabel);
  }
}

function organizationView(projectCount: number, ctx: NodeContext): NodeView {
  const name = ctx.organizationName === undefined ? undefined : forLabel(ctx.organizationName);
  const projects = projectCount === 1 ? l10n.t('1 project') : l10n.t('{0} projects', projectCount);
  const { you, why } = actingAs(ctx.permissions);
  return {
    label: l10n.t('Organization'), description: [name, projects, you].filter(Boolean).join(' · '), icon: 'organization', contextValue: 'organization', collapsible: 'expanded',
    accessibility: [l10n.t('Organization'), name, projects, you].filter(Boolean).join(', '),
    tooltip: [
      name ? `**${md(name)}**` : l10n.t('The organization of this connection\'s organization API key. (Langfuse\'s API does not tell an organization key its organization\'s name; a stored project key of the organization does.)'),
      why ? md(why) : '',
    ].filter(Boolean).join('\n\n'),
    markdownTooltip: true,
  };
}

/** "you: ADMIN" on the organization row, and why nothing can be changed when that is so. */
function actingAs(permissions: Permissions | undefined): { you?: string; why?: string } {
  if (!permissions) return {};
  const role = permissions.organization.role;
  if (role) return { you: l10n.t('you: {0}', role), why: l10n.t('You act as {0} (setting langfuseAccess.actingAs): the Access view offers only what that role may do here.', permissions.identity ?? '') };
  return { you: permissions.identity ? l10n.t('you: not a member') : l10n.t('you: unknown'), why: permissions.organization.addMember.reason };
}

function keyView(key: ApiKeySummary, policy: KeyPolicy, contextValue: string, owner: string, label = shortPublicKey(key.publicKey)): NodeView {
  const health = assessKey(key, policy, policy.now);
  const secret = maskSecretKey(key.displaySecretKey);
  // Notes, names and emails come from the server: escaped (core/display), shown as typed.
  const tooltip = [
    `**${md(key.publicKey)}** — ${md(owner)}\n\n`,
    `${l10n.t('Note: {0}', key.note ? md(key.note) : l10n.t('_none_'))}  \n${l10n.t('Created: {0} ({1})', md(key.createdAt), formatAge(health.ageDays))}  \n${l10n.t('Secret: {0} (Langfuse shows the full secret only once, at creation)', markdownCode(secret))}\n\n`,
    l10n.t('Langfuse records no key usage (`lastUsedAt` is never written), so age is the only signal here.'),
    health.warnings.length ? `\n\n$(warning) ${health.warnings.map(md).join('\n\n$(warning) ')}` : '',
  ].join('');
  // What the warning icon says, in words: in the description and in what a screen reader reads.
  const overdueBy = health.overdue && health.ageDays !== undefined ? l10n.t('overdue by {0} days', health.ageDays - policy.maxAgeDays) : undefined;
  const note = key.note ? (health.noteFollowsConvention ? key.note : l10n.t('{0} (breaks the naming convention)', key.note)) : l10n.t('no note');
  const age = [formatAge(health.ageDays), overdueBy].filter(Boolean).join(', ');
  const secretTail = /…(.{4})$/.exec(secret)?.[1];
  return {
    label, collapsible: 'none', tooltip, markdownTooltip: true,
    description: [note, l10n.t('created {0}', key.createdAt.slice(0, 10)), age, secret].join(' · '),
    accessibility: l10n.t('API key {0} of {1}, note {2}, {3}, {4}', label, owner, note, age, secretTail ? l10n.t('secret ending {0}', secretTail) : l10n.t('secret masked')),
    icon: health.warnings.length ? 'warning' : 'key', iconColor: health.warnings.length ? 'list.warningForeground' : undefined,
    contextValue: `${contextValue}${health.overdue ? ':overdue' : ''}`,
  };
}

/** `project`: the project's name, or undefined for the organization role. */
function roleTooltip(who: string, role: Role, project: string | undefined, why?: string): string {
  const scopes = project === undefined ? organizationScopesOf(role) : projectScopesOf(role);
  return [
    `**${md(who)}** — ${project === undefined ? l10n.t('{0} in organization', role === 'NONE' ? l10n.t('no access') : role) : l10n.t('{0} in {1}', role === 'NONE' ? l10n.t('no access') : role, md(project))}\n\n`,
    why ? `${md(why)}\n\n` : '',
    '| ' + BRIEF_CAPABILITIES.map(briefCapabilityLabel).join(' | ') + ' |\n|' + BRIEF_CAPABILITIES.map(() => ':-:').join('|') + '|\n',
    '| ' + BRIEF_CAPABILITIES.map(c => briefAllows(role, c) ? '✓' : '—').join(' | ') + ' |\n\n',
    scopes.length ? l10n.t('Langfuse scopes: {0}', scopes.map(s => `\`${s}\``).join(', ')) : l10n.t('No Langfuse scopes.'),
  ].join('');
}
