import {
  canAssignRole, effectiveProjectRole, hasOrganizationScope, hasProjectScope, ROLE_RANK, wouldRemoveLastOwner, type Role,
} from '../langfuse/roles';

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
      return refuse('last-owner', `${label(target)} is the organization's last OWNER. Make another member OWNER first; an organization without an OWNER cannot manage billing, organization keys or its own deletion.`, []);
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
    return refuse('no-identity', 'No acting identity is set, so your own Langfuse role cannot be checked. Set "langfuseAccess.actingAs" (CLI: LANGFUSE_ACCESS_ACTING_AS) to the email you use in Langfuse, or configure git user.email.', owners.flatMap(o => o.email ? [o.email] : []));
  }
  if (!actor) {
    return refuse('not-member', `${actingAs} is not a member of this organization, so Langfuse's UI would let them change nothing here. Set "langfuseAccess.actingAs" (CLI: LANGFUSE_ACCESS_ACTING_AS) to your Langfuse email, or ask an owner.`, owners.flatMap(o => o.email ? [o.email] : []));
  }

  const actorRole = scope.org ? actor.role : projectRoleOf(actor, scope.projectId!);
  const holds = scope.org ? hasOrganizationScope(actorRole, scope.name) : hasProjectScope(actorRole, scope.name);
  if (!holds) {
    const where = scope.org ? 'in the organization' : `in ${scope.projectName}`;
    return refuse('insufficient-role', `Permission denied: insufficient role. ${actingAs} is ${actorRole} ${where}; ${describeAction(action)} needs ${scope.name} (${scope.holders}).`, whoCan());
  }

  const granted = 'to' in action ? action.to : action.kind === 'org.addMember' ? action.role : undefined;
  if (granted && !canAssignRole(actorRole, granted)) {
    return refuse('grant-above-own', `Permission denied: ${actingAs} is ${actorRole} and cannot grant ${granted}, a higher role than their own.`,
      state.members.filter(m => m.email && ROLE_RANK[scope.org ? m.role : projectRoleOf(m, scope.projectId!)] >= ROLE_RANK[granted]).map(m => m.email!));
  }
  if (target && (action.kind === 'org.changeRole' || action.kind === 'org.removeMember') && ROLE_RANK[target.role] > ROLE_RANK[actorRole]) {
    return refuse('target-above-own', `Permission denied: ${label(target)} is ${target.role}, a higher role than ${actingAs}'s ${actorRole}.`, owners.flatMap(o => o.email ? [o.email] : []));
  }

  if (granted === 'OWNER' || granted === 'ADMIN') {
    const where = action.kind === 'project.setRole' ? `of ${action.projectName}` : 'of the organization';
    const who = action.kind === 'org.addMember' ? action.email : label(target);
    return { allowed: true, rule: 'allowed-elevated', confirm: `${who} will become ${granted} ${where}. ${granted === 'OWNER' ? 'OWNERs can delete the organization, manage billing and organization API keys.' : 'ADMINs can manage members, API keys and integrations.'}` };
  }
  return { allowed: true, rule: 'allowed' };
}

function refuse(rule: Extract<Decision, { allowed: false }>['rule'], reason: string, askWhom: string[]): Decision {
  return { allowed: false, rule, reason: askWhom.length ? `${reason} → ask: ${askWhom.join(', ')}` : reason, askWhom };
}

function label(m: MemberInfo | undefined): string {
  return m ? (m.email ?? m.name ?? m.userId) : 'This member';
}

interface Scope { org: boolean; name: string; holders: string; projectId?: string; projectName?: string }

function requiredScope(action: AccessAction): Scope {
  switch (action.kind) {
    case 'org.addMember':
    case 'org.changeRole':
    case 'org.removeMember':
      return { org: true, name: 'organizationMembers:CUD', holders: 'OWNER or ADMIN' };
    case 'project.create':
      return { org: true, name: 'projects:create', holders: 'OWNER or ADMIN' };
    case 'project.delete':
      return { org: false, name: 'project:delete', holders: 'OWNER of the project', projectId: action.projectId, projectName: action.projectName };
    case 'project.setRole':
    case 'project.clearRole':
      return { org: false, name: 'projectMembers:CUD', holders: 'OWNER or ADMIN of the project', projectId: action.projectId, projectName: action.projectName };
    case 'apiKey.create':
    case 'apiKey.revoke':
    case 'apiKey.rotate':
      return { org: false, name: 'apiKeys:CUD', holders: 'OWNER or ADMIN of the project', projectId: action.projectId, projectName: action.projectName };
  }
}

function describeAction(action: AccessAction): string {
  switch (action.kind) {
    case 'org.addMember': return 'adding a member';
    case 'org.changeRole': return 'changing an organization role';
    case 'org.removeMember': return 'removing a member';
    case 'project.setRole': return `setting a project role in ${action.projectName}`;
    case 'project.clearRole': return `resetting a project role in ${action.projectName}`;
    case 'apiKey.create': return `creating an API key in ${action.projectName}`;
    case 'apiKey.revoke': return `revoking an API key in ${action.projectName}`;
    case 'apiKey.rotate': return `rotating an API key of ${action.projectName} (it creates a key there)`;
    case 'project.create': return `creating the project ${action.projectName}`;
    case 'project.delete': return `deleting the project ${action.projectName}`;
  }
}
