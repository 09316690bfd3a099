// "What may this identity do here?" — the same guards, asked for every kind of action at once, so an
// edge can hide or disable what would be refused before asking the user anything.
import { decide, type AccessAction, type Decision, type MemberInfo } from '../guards/accessGuards';
import { effectiveProjectRole, ROLES, type Role } from '../langfuse/roles';

export interface Verdict { allowed: boolean; reason?: string; rule?: Decision['rule'] }

export interface MemberVerdicts { changeRole: Verdict; remove: Verdict }

export interface Permissions {
  identity: string | undefined;
  organization: {
    role: Role | undefined; addMember: Verdict; changeRole: Verdict; removeMember: Verdict;
    /** Per member: the scope, the last-OWNER rule and "no one above your own role", by user id. */
    members: Record<string, MemberVerdicts>;
  };
  projects: Record<string, { role: Role | undefined; setRole: Verdict; createKey: Verdict; revokeKey: Verdict; rotateKey: Verdict }>;
}

export function permissionsOf(
  identity: string | undefined,
  state: { members: MemberInfo[]; projects: { id: string; name: string; overrides: { userId: string; role: Role }[] }[] },
): Permissions {
  const projectRoles = new Map(state.projects.map(p => [p.id, p.overrides]));
  const ask = (action: AccessAction): Verdict => verdict(decide(action, identity, { members: state.members, projectRoles }));
  const actor = identity ? state.members.find(m => m.email?.toLowerCase() === identity.toLowerCase()) : undefined;
  // NONE can be granted by anyone who holds the scope, so these ask about the scope alone.
  const org = ask({ kind: 'org.addMember', email: '', role: 'NONE' });
  return {
    identity,
    organization: {
      role: actor?.role, addMember: org, changeRole: org, removeMember: org,
      members: Object.fromEntries(state.members.map(m => [m.userId, {
        changeRole: anyOf(ROLES.filter(r => r !== m.role).map(to => ask({ kind: 'org.changeRole', userId: m.userId, to }))),
        remove: ask({ kind: 'org.removeMember', userId: m.userId }),
      }])),
    },
    projects: Object.fromEntries(state.projects.map(p => {
      const ref = { projectId: p.id, projectName: p.name };
      const keys = ask({ kind: 'apiKey.create', ...ref });
      return [p.id, {
        role: actor && effectiveProjectRole(actor.role, p.overrides.find(o => o.userId === actor.userId)?.role),
        setRole: ask({ kind: 'project.clearRole', ...ref, userId: '' }),
        createKey: keys, revokeKey: keys, rotateKey: ask({ kind: 'apiKey.rotate', ...ref }),
      }];
    })),
  };
}

/** Allowed when some choice is; otherwise the first refusal says why. */
function anyOf(verdicts: Verdict[]): Verdict {
  return verdicts.find(v => v.allowed) ?? verdicts[0] ?? { allowed: false };
}

function verdict(d: Decision): Verdict {
  return d.allowed ? { allowed: true } : { allowed: false, reason: d.reason, rule: d.rule };
}
