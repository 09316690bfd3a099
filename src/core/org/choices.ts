// The lists a front end offers when a command needs a member, a project member, a key or a role, as data.
import { effectiveProjectRole, ROLES, type Role } from '../langfuse/roles';
import type { ApiKeySummary, Membership } from '../langfuse/schemas';
import { shortPublicKey } from '../log/redact';
import type { NodeOf } from './accessNodes';
import type { OrganizationOverview, ProjectDetails } from './organizationModel';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'everything, incl. billing, organization keys and deleting the organization',
  ADMIN: 'manage members, API keys, integrations; no billing',
  MEMBER: 'traces, prompts, datasets, evaluations; no member or key management',
  VIEWER: 'read-only',
  NONE: 'no access',
};

/** Every role, the current one marked, NONE worded for where it applies. */
export function roleChoices(current: Role | undefined, noneLabel: string): { role: Role; label: string; description?: string; detail: string }[] {
  return ROLES.map(role => ({ role, label: role === 'NONE' ? noneLabel : role, description: role === current ? '(current)' : undefined, detail: ROLE_DESCRIPTIONS[role] }));
}

export function memberChoices(overview: OrganizationOverview): { label: string; description: string; member: Membership }[] {
  return (overview.members ?? []).map(m => ({ label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${m.role}`, member: m }));
}

/** Every member of the organization as a row of the project (their effective role there). */
export function projectMemberChoices(connectionId: string, project: { id: string; name: string }, overview: OrganizationOverview, details: ProjectDetails): { label: string; description: string; node: NodeOf<'projectMember'> }[] {
  return (overview.members ?? []).map(m => {
    const override = details.overrides?.find(o => o.userId === m.userId)?.role;
    const effective = effectiveProjectRole(m.role, override);
    return { label: m.name ?? m.email ?? m.userId, description: `${m.email ?? ''} · ${effective === 'NONE' ? 'no access' : effective}`, node: { kind: 'projectMember', connectionId, project, member: m, orgRole: m.role, override, effective } };
  });
}

export function apiKeyChoices(connectionId: string, project: { id: string; name: string }, keys: readonly ApiKeySummary[]): { label: string; description: string; node: NodeOf<'projectKey'> }[] {
  return keys.map(k => ({ label: shortPublicKey(k.publicKey), description: `${k.note ?? 'no note'} · created ${k.createdAt.slice(0, 10)}`, node: { kind: 'projectKey', connectionId, project, key: k } }));
}
