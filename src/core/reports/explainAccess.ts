import { briefCapabilityLabel } from '../display/capabilityLabel';
import { escapeMarkdown } from '../display/markdown';
import { l10n } from '../l10n/l10n';
import { BRIEF_CAPABILITIES, briefAllows, effectiveProjectRole, hasOrganizationScope, projectScopesOf, type Role } from '../langfuse/roles';

export interface ExplainInput {
  member: { userId: string; email: string | null; name: string | null; role: Role };
  projects: { id: string; name: string; override: Role | undefined }[];
  /** False when the plan has no project roles: every project inherits the organization role. */
  projectRoles: boolean;
}

/** The organization scopes the report lists, each with what it lets a member do (translated when shown). */
const ORGANIZATION_ABILITIES: readonly [scope: string, label: () => string][] = [
  ['organizationMembers:CUD', () => l10n.t('manage organization members')],
  ['projects:create', () => l10n.t('create projects')],
  ['organization:CRUD_apiKeys', () => l10n.t('manage organization API keys')],
  ['langfuseCloudBilling:CRUD', () => l10n.t('manage billing')],
  ['auditLogs:read', () => l10n.t('read audit logs')],
];

/** The "Why" cell: which role row decides the member's access to a project (the name already escaped). */
function why(orgRole: Role, override: Role | undefined, project: string): string {
  if (override === undefined) return l10n.t('inherited from organization role {0}', orgRole);
  return override === 'NONE'
    ? l10n.t('project role {0} set on {1} (explicit no access), overriding organization {2}', override, project, orgRole)
    : l10n.t('project role {0} set on {1}, overriding organization {2}', override, project, orgRole);
}

/** "Explain access": what a member can do in each project, and why (which role row decides it). */
export function explainAccess(input: ExplainInput): string {
  const { member } = input;
  // Names and emails come from the server: escaped, so they show as typed and never render as links or HTML.
  const who = escapeMarkdown(member.name ? `${member.name} (${member.email ?? member.userId})` : member.email ?? member.userId);
  const lines = [`# ${l10n.t('Access of {0}', who)}`, ''];
  lines.push(member.role === 'NONE'
    ? l10n.t('Organization role: **{0}** — no organization access; only project roles give access.', member.role)
    : l10n.t('Organization role: **{0}**.', member.role));
  const org = ORGANIZATION_ABILITIES.map(([scope, label]) => `${hasOrganizationScope(member.role, scope) ? '✓' : '✗'} ${label()} (\`${scope}\`)`);
  lines.push('', org.join('  \n'), '');
  const header = [l10n.t('Project'), l10n.t('Effective role'), l10n.t('Why'), ...BRIEF_CAPABILITIES.map(briefCapabilityLabel)];
  lines.push(`| ${header.join(' | ')} |`, '|---|---|---|' + BRIEF_CAPABILITIES.map(() => ':-:').join('|') + '|');
  for (const p of input.projects) {
    const role = effectiveProjectRole(member.role, p.override);
    const name = escapeMarkdown(p.name);
    lines.push(`| ${name} | ${role === 'NONE' ? l10n.t('no access') : role} | ${why(member.role, p.override, name)} | ${BRIEF_CAPABILITIES.map(c => briefAllows(role, c) ? '✓' : '—').join(' | ')} |`);
  }
  lines.push('', l10n.t('Effective project role = the project role if one is set, else the organization role (Langfuse `resolveProjectRole`). "Create traces" happens with API keys, which carry no role.'));
  if (!input.projectRoles) lines.push('', l10n.t('This plan has no project-level roles (`rbac-project-roles`), so every project uses the organization role.'));
  const detailed = [...new Set(input.projects.map(p => effectiveProjectRole(member.role, p.override)))].filter(r => r !== 'NONE');
  for (const role of detailed) lines.push('', `<details><summary>${l10n.t('Langfuse scopes of {0} in a project', role)}</summary>\n\n${projectScopesOf(role).map(s => `\`${s}\``).join(', ')}\n\n</details>`);
  return lines.join('\n');
}
