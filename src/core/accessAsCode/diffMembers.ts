// Members: organization roles (add through SCIM for unknown emails, change, remove from an exhaustive
// list) and project roles (set — NONE included —, or clear from an exhaustive list so the member
// inherits their organization role again).
import type { Role } from '../langfuse/roles';
import type { Declaration } from './declaration';
import { sameEmail } from './declaration';
import { membersByEmail, who, type DiffOutput } from './diffContext';
import type { LiveOrganization, LiveProject } from './liveState';
import { l10n } from '../l10n/l10n';

export function diffOrganization(d: Declaration, live: LiveOrganization, out: DiffOutput): { removed: Set<string>; adding: Map<string, Role> } {
  const removed = new Set<string>();
  const adding = new Map<string, Role>();
  const org = d.organization;
  if (!org) return { removed, adding };
  const byEmail = membersByEmail(live.members);
  (org.members ?? []).forEach((m, i) => {
    const path = ['organization', 'members', i];
    const current = byEmail.get(m.email.toLowerCase());
    if (!current) {
      adding.set(m.email.toLowerCase(), m.role);
      out.changes.push({
        id: `org/member/${m.email.toLowerCase()}`, kind: 'member.add', email: m.email, from: 'absent', to: m.role, live: 'absent', destroy: false, path,
        summary: l10n.t('Add {0} to the organization as {1} (SCIM: creates the user if needed).', m.email, m.role),
      });
    } else if (current.role !== m.role) {
      out.changes.push({
        id: `org/member/${m.email.toLowerCase()}`, kind: 'member.role', email: m.email, userId: current.userId, from: current.role, to: m.role, live: `role:${current.role}`, destroy: false,
        path: [...path, 'role'], summary: l10n.t('Change {0}\'s organization role from {1} to {2}.', m.email, current.role, m.role),
      });
    }
  });
  for (const m of live.members) {
    if ((org.members ?? []).some(x => sameEmail(x.email, m.email))) continue;
    if (!org.exhaustive) {
      out.unmanaged.push({ level: 'info', message: l10n.t('{0} ({1}) is a member of the organization but not declared.', who(m), m.role) });
    } else if (!m.email) {
      out.warnings.push({ level: 'warning', path: ['organization', 'exhaustive'], message: l10n.t('Member {0} has no email, so the file cannot name them; left alone.', who(m)) });
    } else {
      removed.add(m.userId);
      out.changes.push({
        id: `org/member/${m.email.toLowerCase()}`, kind: 'member.remove', email: m.email, userId: m.userId, from: m.role, to: 'removed', live: `role:${m.role}`, destroy: true,
        path: ['organization', 'exhaustive'], summary: l10n.t('Remove {0} ({1}) from the organization: not in the exhaustive list. Their project roles go too; their user account stays.', m.email, m.role),
      });
    }
  }
  return { removed, adding };
}

/** Project roles of one declared project that exists; `org` is what diffOrganization decided. */
export function diffProjectMembers(d: Declaration, name: string, lp: LiveProject, live: LiveOrganization, org: { removed: Set<string>; adding: Map<string, Role> }, out: DiffOutput): void {
  const project = d.projects![name];
  const declared = project.members ?? [];
  if (lp.overrides === undefined) {
    if (declared.length) out.warnings.push({ level: 'warning', project: name, path: ['projects', name, 'members'], message: l10n.t('The organization\'s plan has no project roles (rbac-project-roles), so the members of {0} cannot be planned.', name) });
    return;
  }
  const byEmail = membersByEmail(live.members);
  declared.forEach((m, i) => {
    const key = m.email.toLowerCase();
    const member = byEmail.get(key);
    const path = ['projects', name, 'members', i];
    if (!member && !org.adding.has(key)) {
      // Langfuse keeps project roles only for organization members: SCIM adds them as NONE first.
      org.adding.set(key, 'NONE');
      out.changes.push({
        id: `org/member/${key}`, kind: 'member.add', email: m.email, from: 'absent', to: 'NONE', live: 'absent', destroy: false, path,
        summary: l10n.t('Add {0} to the organization as NONE (SCIM: creates the user if needed), for their project role in {1}.', m.email, name),
      });
    }
    const override = member ? lp.overrides!.find(o => o.userId === member.userId) : undefined;
    if (override?.role === m.role) return;
    const orgRole = member?.role ?? org.adding.get(key) ?? 'NONE';
    const what = m.role === 'NONE'
      ? l10n.t('Set {0}\'s project role in {1} to NONE: no access to {1}, overriding their organization role {2}.', m.email, name, orgRole)
      : override
        ? l10n.t('Set {0}\'s project role in {1} to {2} (now {3}).', m.email, name, m.role, override.role)
        : l10n.t('Set {0}\'s project role in {1} to {2} (now inherits {3}).', m.email, name, m.role, orgRole);
    out.changes.push({
      id: `project/${name}/member/${key}`, kind: 'projectRole.set', project: name, projectId: lp.id, email: m.email, userId: member?.userId,
      from: override ? override.role : `inherits ${orgRole}`, to: m.role, live: override ? `role:${override.role}` : member ? 'none' : 'absent', destroy: false,
      path: [...path, 'role'], summary: what,
    });
  });
  for (const o of lp.overrides) {
    const member = live.members.find(m => m.userId === o.userId);
    if (declared.some(m => sameEmail(m.email, member?.email ?? o.email)) || org.removed.has(o.userId)) continue;
    const label = member ? who(member) : who(o);
    if (!project.exhaustive) {
      out.unmanaged.push({ level: 'info', project: name, message: l10n.t('{0} has the project role {1} in {2} but is not declared.', label, o.role, name) });
      continue;
    }
    const orgRole = member?.role ?? 'NONE';
    out.changes.push({
      id: `project/${name}/member/${(member?.email ?? o.email ?? o.userId).toLowerCase()}`, kind: 'projectRole.clear', project: name, projectId: lp.id, email: member?.email ?? o.email ?? undefined, userId: o.userId,
      from: o.role, to: `inherits ${orgRole}`, live: `role:${o.role}`, destroy: false, path: ['projects', name, 'exhaustive'],
      summary: orgRole === 'NONE'
        ? l10n.t('Clear {0}\'s project role {1} in {2} (not in the exhaustive list): they inherit their organization role NONE (no access).', label, o.role, name)
        : l10n.t('Clear {0}\'s project role {1} in {2} (not in the exhaustive list): they inherit their organization role {3}.', label, o.role, name, orgRole),
    });
  }
}
