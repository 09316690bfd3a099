// The order an apply runs in, and each change's guard verdict for the acting identity. The guards
// are the session's own (core/guards): last OWNER, the actor's role, no grant above one's own role,
// OWNER/ADMIN asked twice. They are asked change by change against the organization as it will be
// at that point of the apply, so adding a second OWNER before demoting the first is allowed, and a
// demotion that would leave no OWNER is refused in the plan exactly as apply would refuse it.
import { decide, type AccessAction, type MemberInfo } from '../guards/accessGuards';
import { ROLE_RANK, type Role } from '../langfuse/roles';
import type { DraftChange } from './diffContext';
import type { LiveOrganization } from './liveState';
import type { PlanChange, PlanVerdict } from './planTypes';

/** Adds first, destroys last (revoked keys before removed members), demotions after the grants they may depend on. */
function rank(c: DraftChange): number {
  switch (c.kind) {
    case 'member.add': return 0;
    case 'member.role': return ROLE_RANK[c.to as Role] > ROLE_RANK[c.from as Role] ? 1 : 5;
    case 'projectRole.set': case 'projectRole.clear': return 2;
    case 'key.create': return 3;
    case 'key.rotate': return 4;
    case 'key.revoke': return 6;
    case 'member.remove': return 7;
  }
}

export function orderChanges<T extends DraftChange>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => rank(a) - rank(b) || (a.project ?? '').localeCompare(b.project ?? '') || a.id.localeCompare(b.id));
}

export type JudgedChange = DraftChange & { verdict: PlanVerdict };

export function judge(changes: readonly DraftChange[], live: LiveOrganization, actingAs: string | undefined): JudgedChange[] {
  const members: MemberInfo[] = live.members.map(m => ({ userId: m.userId, email: m.email, name: m.name, role: m.role }));
  const projectRoles = new Map(live.projects.map(p => [p.id, (p.overrides ?? []).map(o => ({ userId: o.userId, role: o.role }))]));
  const userOf = (c: DraftChange) => c.userId ?? members.find(m => m.email?.toLowerCase() === c.email?.toLowerCase())?.userId ?? `new:${c.email?.toLowerCase()}`;
  return orderChanges(changes).map(c => {
    const action = guardOf(c, userOf(c));
    const d = decide(action, actingAs, { members, projectRoles });
    const verdict: PlanVerdict = d.allowed
      ? { status: d.rule === 'allowed-elevated' ? 'confirm-twice' : 'allowed', rule: d.rule, reason: d.confirm }
      : { status: 'refused', rule: d.rule, reason: d.reason, askWhom: d.askWhom };
    if (d.allowed) simulate(c, userOf(c), members, projectRoles);
    return { ...c, verdict };
  });
}

function guardOf(c: DraftChange, userId: string): AccessAction {
  const project = { projectId: c.projectId ?? '', projectName: c.project ?? '' };
  switch (c.kind) {
    case 'member.add': return { kind: 'org.addMember', email: c.email ?? '', role: c.to as Role };
    case 'member.role': return { kind: 'org.changeRole', userId, to: c.to as Role };
    case 'member.remove': return { kind: 'org.removeMember', userId };
    case 'projectRole.set': return { kind: 'project.setRole', ...project, userId, to: c.to as Role };
    case 'projectRole.clear': return { kind: 'project.clearRole', ...project, userId };
    case 'key.create': return { kind: 'apiKey.create', ...project };
    case 'key.rotate': return { kind: 'apiKey.rotate', ...project };
    case 'key.revoke': return { kind: 'apiKey.revoke', ...project };
  }
}

function simulate(c: DraftChange, userId: string, members: MemberInfo[], projectRoles: Map<string, { userId: string; role: Role }[]>): void {
  const roles = () => { const list = projectRoles.get(c.projectId ?? '') ?? []; projectRoles.set(c.projectId ?? '', list); return list; };
  switch (c.kind) {
    case 'member.add': members.push({ userId, email: c.email ?? null, name: null, role: c.to as Role }); break;
    case 'member.role': { const m = members.find(x => x.userId === userId); if (m) m.role = c.to as Role; break; }
    case 'member.remove': { const i = members.findIndex(x => x.userId === userId); if (i >= 0) members.splice(i, 1); break; }
    case 'projectRole.set': { const list = roles(); const o = list.find(x => x.userId === userId); if (o) o.role = c.to as Role; else list.push({ userId, role: c.to as Role }); break; }
    case 'projectRole.clear': { const list = roles(); const i = list.findIndex(x => x.userId === userId); if (i >= 0) list.splice(i, 1); break; }
    default: break;
  }
}

/** Adds the place in the file, so every change can be shown on its line. */
export function placed(changes: readonly JudgedChange[], at: (path: PropertyKey[]) => PlanChange['at']): PlanChange[] {
  return changes.map(({ path, ...c }) => ({ ...c, at: at(path) }));
}
