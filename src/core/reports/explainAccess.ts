import { escapeMarkdown } from '../display/markdown';
import { BRIEF_CAPABILITIES, briefAllows, effectiveProjectRole, hasOrganizationScope, projectScopesOf, type Role } from '../langfuse/roles';

export interface ExplainInput {
  member: { userId: string; email: string | null; name: string | null; role: Role };
  projects: { id: string; name: string; override: Role | undefined }[];
  /** False when the plan has no project roles: every project inherits the organization role. */
  projectRoles: boolean;
}

/** "Explain access": what a member can do in each project, and why (which role row decides it). */
export function explainAccess(input: ExplainInput): string {
  const { member } = input;
  // Names and emails come from the server: escaped, so they show as typed and never render as links or HTML.
  const who = escapeMarkdown(member.name ? `${member.name} (${member.email ?? member.userId})` : member.email ?? member.userId);
  const lines = [`# Access of ${who}`, ''];
  lines.push(`Organization role: **${member.role}**${member.role === 'NONE' ? ' — no organization access; only project roles give access' : ''}.`);
  const org = [
    ['manage organization members', 'organizationMembers:CUD'],
    ['create projects', 'projects:create'],
    ['manage organization API keys', 'organization:CRUD_apiKeys'],
    ['manage billing', 'langfuseCloudBilling:CRUD'],
    ['read audit logs', 'auditLogs:read'],
  ].map(([label, scope]) => `${hasOrganizationScope(member.role, scope) ? '✓' : '✗'} ${label} (\`${scope}\`)`);
  lines.push('', org.join('  \n'), '');
  lines.push('| Project | Effective role | Why | ' + BRIEF_CAPABILITIES.join(' | ') + ' |', '|---|---|---|' + BRIEF_CAPABILITIES.map(() => ':-:').join('|') + '|');
  for (const p of input.projects) {
    const role = effectiveProjectRole(member.role, p.override);
    const why = p.override !== undefined
      ? `project role ${p.override} set on ${escapeMarkdown(p.name)}${p.override === 'NONE' ? ' (explicit no access)' : ''}, overriding organization ${member.role}`
      : `inherited from organization role ${member.role}`;
    lines.push(`| ${escapeMarkdown(p.name)} | ${role === 'NONE' ? 'no access' : role} | ${why} | ${BRIEF_CAPABILITIES.map(c => briefAllows(role, c) ? '✓' : '—').join(' | ')} |`);
  }
  lines.push('', 'Effective project role = the project role if one is set, else the organization role (Langfuse `resolveProjectRole`). "Create traces" happens with API keys, which carry no role.');
  if (!input.projectRoles) lines.push('', 'This plan has no project-level roles (`rbac-project-roles`), so every project uses the organization role.');
  const detailed = [...new Set(input.projects.map(p => effectiveProjectRole(member.role, p.override)))].filter(r => r !== 'NONE');
  for (const role of detailed) lines.push('', `<details><summary>Langfuse scopes of ${role} in a project</summary>\n\n${projectScopesOf(role).map(s => `\`${s}\``).join(', ')}\n\n</details>`);
  return lines.join('\n');
}
