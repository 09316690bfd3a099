// The lists a front end offers when a command needs a member, a project member, a key or a role, as data.
import { effectiveProjectRole, ROLES, type Role } from '../langfuse/roles';
import type { ApiKeySummary, Membership } from '../langfuse/schemas';
import { shortPublicKey } from '../log/redact';
import type { NodeOf } from './accessNodes';
import type { OrganizationOverview, ProjectDetails } from './organizationModel';
import { l10n } from '../l10n/l10n';

// A function, not a table: the words are translated when asked for, after the edge set up l10n.
export function roleDescription(role: Role): string {
  switch (role) {
    case 'OWNER': return l10n.t('everything, incl. billing, organization keys and deleting the organization');
    case 'ADMIN': return l10n.t('manage members, API keys, integrations; no billing');
    case 'MEMBER': return l10n.t('traces, prompts, datasets, evaluations; no member or key management');
    case 'VIEWER': return l10n.t('read-only');
    case 'NONE': return l10n.t('no access');
  }
}

/** Every role, the current one marked, NONE worded for where it applies. */
export function roleChoices(current: Role | undefined, noneLabel: string): { role: Role; label: string; description?: string; detail: string }[] {
  return ROLES.map(role => ({ role, label: role === 'NONE' ? noneLabel : role, description: role === current ? l10n.t('(current)') : undefined, detail: roleDescription(role) }));
}

export function memberChoices(overview: OrganizationOverview): { label: string; description: string; member: Membership }[] {
  return (overview.members ?? []).map(m => ({ label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${m.role}`, member: m }));
}

/** Every member of the organization as a row of the project (their effective role there). */
export function projectMemberChoices(connectionId: string, project: { id: string; name: string }, overview: OrganizationOverview, details: ProjectDetails): { label: string; description: string; node: NodeOf<'projectMember'> }[] {
  return (overview.members ?? []).map(m => {
    const override = details.overrides?.find(o => o.userId === m.userId)?.role;
    const effective = effectiveProjectRole(m.role, override);
    return { label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${effective === 'NONE' ? l10n.t('no access') : effective}`, node: { kind: 'projectMember', connectionId, project, member: m, orgRole: m.role, override, effective } };
  });
}

export function apiKeyChoices(connectionId: string, project: { id: string; name: string }, keys: readonly ApiKeySummary[]): { label: string; description: string; node: NodeOf<'projectKey'> }[] {
  return keys.map(k => ({ label: shortPublicKey(k.publicKey), description: `${k.note ?? l10n.t('no note')} · ${l10n.t('created {0}', k.createdAt.slice(0, 10))}`, node: { kind: 'projectKey', connectionId, project, key: k } }));
}
