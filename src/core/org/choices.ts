// The lists a front end offers when a command needs a member, a project member, a key or a role, as data.
import { distinctPublicKeyLabels, formatAge } from '../keys/keyDisplay';
import { keyAgeDays } from '../keys/keyHealth';
import { canAssignRole, effectiveProjectRole, ROLES, type Role } from '../langfuse/roles';
import type { ApiKeySummary, Membership } from '../langfuse/schemas';
import type { Permissions, Verdict } from '../session/permissions';
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

export interface RoleChoice { role: Role; label: string; description?: string; detail: string }

/**
 * Every role, the current one marked (and, when it is inherited, said so), roles above the acting
 * identity's own marked as such, NONE worded for where it applies. `active` is the row to pre-select:
 * the current role, else `fallback` — never OWNER by position.
 */
export function roleChoices(current: Role | undefined, noneLabel: string, options: { inherited?: Role; own?: Role; fallback?: Role } = {}): { items: RoleChoice[]; active: RoleChoice } {
  const items = ROLES.map(role => {
    const marks = [
      role === current ? l10n.t('current') : role === options.inherited && current === undefined ? l10n.t('current, from the organization') : undefined,
      options.own && !canAssignRole(options.own, role) ? l10n.t('above your own role {0}', options.own) : undefined,
    ].filter(Boolean);
    return { role, label: role === 'NONE' ? noneLabel : role, description: marks.length ? `(${marks.join('; ')})` : undefined, detail: roleDescription(role) };
  });
  const activeRole = current ?? options.inherited ?? options.fallback ?? 'VIEWER';
  return { items, active: items.find(i => i.role === activeRole)! };
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

export function apiKeyChoices(connectionId: string, project: { id: string; name: string }, keys: readonly ApiKeySummary[], now = new Date()): { label: string; description: string; node: NodeOf<'projectKey'> }[] {
  const labels = distinctPublicKeyLabels(keys.map(k => k.publicKey));
  return keys.map(k => ({
    label: labels.get(k.publicKey)!, description: `${k.note ?? l10n.t('no note')} · ${l10n.t('created {0}', k.createdAt.slice(0, 10))} · ${formatAge(keyAgeDays(k.createdAt, now))}`,
    node: { kind: 'projectKey', connectionId, project, key: k },
  }));
}

export interface ProjectChoice { label: string; description: string; project: { id: string; name: string }; verdict: Verdict }

/**
 * The projects for an action chosen from the palette, each saying whether the acting identity may
 * take it there (allowed ones first); `refusal` when it may nowhere, so nothing else is asked.
 */
export function projectChoices(projects: readonly { id: string; name: string }[], permissions: Permissions, need: ProjectNeed): { items: ProjectChoice[]; refusal?: string } {
  const items = projects.map(p => {
    const mine = permissions.projects[p.id];
    const verdict = mine?.[need] ?? { allowed: true };
    const role = mine?.role === 'NONE' ? l10n.t('no access') : mine?.role;
    const description = verdict.allowed ? (role ? l10n.t('you: {0}', role) : '') : role ? l10n.t('not allowed (you: {0})', role) : l10n.t('not allowed');
    return { label: p.name, description, project: { id: p.id, name: p.name }, verdict };
  });
  const sorted = [...items.filter(i => i.verdict.allowed), ...items.filter(i => !i.verdict.allowed)];
  const refusal = items.length > 0 && !items.some(i => i.verdict.allowed) ? nowhereRefusal(need, items[0].verdict.reason) : undefined;
  return { items: sorted, refusal };
}

/** "You may not … in any project", one whole sentence per action, followed by the first project's refusal. */
function nowhereRefusal(need: ProjectNeed, reason: string | undefined): string {
  const lead = need === 'setRole' ? l10n.t('You may not change project roles in any project of this organization.')
    : need === 'createKey' ? l10n.t('You may not create API keys in any project of this organization.')
    : need === 'revokeKey' ? l10n.t('You may not revoke API keys in any project of this organization.')
    : l10n.t('You may not rotate API keys in any project of this organization.');
  return reason ? `${lead} ${reason}` : lead;
}

export type ProjectNeed = 'setRole' | 'createKey' | 'revokeKey' | 'rotateKey';
