import {
  canAssignRole, effectiveProjectRole, hasOrganizationScope, hasProjectScope, ROLE_RANK, wouldRemoveLastOwner, type Role,
} from '../langfuse/roles';
import { l10n } from '../l10n/l10n';
import {
  elevatedGrantConfirmation, grantAboveOwnRefusal, insufficientRoleRefusal, lastOwnerRefusal, memberLabel, noIdentityRefusal,
  notMemberRefusal, targetAboveOwnRefusal, withAskWhom,
} from './guardMessages';

/**
 * Guards the Langfuse API does not have. The public membership routes let an organization key demote
 * or remove the last OWNER and grant any role; Langfuse's own UI would refuse both. Every action the
 * extension or the CLI takes on members and keys is decided here first.
 */
export type AccessAction =
  | { kind: 'org.addMember'; email: string; role: Role }
  | { kind: 'org.changeRole'; userId: string; to: Role }
  | { kind: 'org.removeMember'; userId: string }
  | { kind: 'project.setRole'; projectId: string; projectName: string; userId: string; to: Role }
  | { kind: 'project.clearRole'; projectId: string; projectName: string; userId: string }
  | { kind: 'apiKey.create'; projectId: string; projectName: string }
  | { kind: 'apiKey.revoke'; projectId: string; projectName: string }
  | { kind: 'apiKey.rotate'; projectId: string; projectName: string }
  | { kind: 'project.create'; projectName: string }
  | { kind: 'project.delete'; projectId: string; projectName: string };

export interface MemberInfo { userId: string; email: string | null; name: string | null; role: Role }

export interface OrgAccessState {
  members: MemberInfo[];
  /** Explicit project roles per project id (only the projects an action touches need to be present). */
  projectRoles: ReadonlyMap<string, readonly { userId: string; role: Role }[]>;
}

/** Which rule decided: plain data, so both edges, plans and tests can compare decisions. */
export type DecisionRule =
  | 'allowed' | 'allowed-elevated' | 'last-owner' | 'no-identity' | 'not-member' | 'insufficient-role' | 'grant-above-own' | 'target-above-own';

export type Decision =
  | { allowed: true; rule: 'allowed' | 'allowed-elevated'; confirm?: string }
  | { allowed: false; rule: Exclude<DecisionRule, 'allowed' | 'allowed-elevated'>; reason: string; askWhom: string[] };

/** The acting identity: an email, or undefined when none is configured or found. */
export function decide(action: AccessAction, actingAs: string | undefined, state: OrgAccessState): Decision {
  const target = 'userId' in action ? state.members.find(m => m.userId === action.userId) : undefined;
  const owners = state.members.filter(m => m.role === 'OWNER');

  if (action.kind === 'org.changeRole' || action.kind === 'org.removeMember') {
    const newRole = action.kind === 'org.changeRole' ? action.to : undefined;
    if (wouldRemoveLastOwner(state.members, action.userId, newRole)) {
      return refuse('last-owner', lastOwnerRefusal(target), []);
    }
  }

  const actor = actingAs ? state.members.find(m => m.email?.toLowerCase() === actingAs.toLowerCase()) : undefined;
  const scope = requiredScope(action);
  const projectRoleOf = (m: MemberInfo, projectId: string) =>
    effectiveProjectRole(m.role, state.projectRoles.get(projectId)?.find(p => p.userId === m.userId)?.role);
  const whoCan = () => scope.org
    ? state.members.filter(m => m.email && hasOrganizationScope(m.role, scope.name)).map(m => m.email!)
    : state.members.filter(m => m.email && hasProjectScope(projectRoleOf(m, scope.projectId!), scope.name)).map(m => m.email!);

  if (!actingAs) {
    return refuse('no-identity', noIdentityRefusal(), owners.flatMap(o => o.email ? [o.email] : []));
  }
  if (!actor) {
    return refuse('not-member', notMemberRefusal(actingAs), owners.flatMap(o => o.email ? [o.email] : []));
  }

  const actorRole = scope.org ? actor.role : projectRoleOf(actor, scope.projectId!);
  const holds = scope.org ? hasOrganizationScope(actorRole, scope.name) : hasProjectScope(actorRole, scope.name);
  if (!holds) {
    return refuse('insufficient-role', insufficientRoleRefusal(action, actingAs, actorRole, scope.name), whoCan());
  }

  const granted = 'to' in action ? action.to : action.kind === 'org.addMember' ? action.role : undefined;
  if (granted && !canAssignRole(actorRole, granted)) {
    return refuse('grant-above-own', grantAboveOwnRefusal(actingAs, actorRole, granted),
      state.members.filter(m => m.email && ROLE_RANK[scope.org ? m.role : projectRoleOf(m, scope.projectId!)] >= ROLE_RANK[granted]).map(m => m.email!));
  }
  if (target && (action.kind === 'org.changeRole' || action.kind === 'org.removeMember') && ROLE_RANK[target.role] > ROLE_RANK[actorRole]) {
    return refuse('target-above-own', targetAboveOwnRefusal(target, actingAs, actorRole), owners.flatMap(o => o.email ? [o.email] : []));
  }

  if (granted === 'OWNER' || granted === 'ADMIN') {
    const who = action.kind === 'org.addMember' ? action.email : target ? memberLabel(target) : l10n.t('This member');
    return { allowed: true, rule: 'allowed-elevated', confirm: elevatedGrantConfirmation(who, granted, action.kind === 'project.setRole' ? action.projectName : undefined) };
  }
  return { allowed: true, rule: 'allowed' };
}

function refuse(rule: Extract<Decision, { allowed: false }>['rule'], reason: string, askWhom: string[]): Decision {
  return { allowed: false, rule, reason: withAskWhom(reason, askWhom), askWhom };
}

interface Scope { org: boolean; name: string; projectId?: string; projectName?: string }

function requiredScope(action: AccessAction): Scope {
  switch (action.kind) {
    case 'org.addMember':
    case 'org.changeRole':
    case 'org.removeMember':
      return { org: true, name: 'organizationMembers:CUD' };
    case 'project.create':
      return { org: true, name: 'projects:create' };
    case 'project.delete':
      return { org: false, name: 'project:delete', projectId: action.projectId, projectName: action.projectName };
    case 'project.setRole':
    case 'project.clearRole':
      return { org: false, name: 'projectMembers:CUD', projectId: action.projectId, projectName: action.projectName };
    case 'apiKey.create':
    case 'apiKey.revoke':
    case 'apiKey.rotate':
      return { org: false, name: 'apiKeys:CUD', projectId: action.projectId, projectName: action.projectName };
  }
}
