// Langfuse roles and scopes (docs/langfuse-behaviour.md §4), pure data and functions.

export const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'NONE'] as const;
export type Role = (typeof ROLES)[number];

/** LF web/src/features/rbac/constants/orderedRoles.ts */
export const ROLE_RANK: Readonly<Record<Role, number>> = { OWNER: 4, ADMIN: 3, MEMBER: 2, VIEWER: 1, NONE: 0 };

export function isAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** In the UI nobody can grant a role above their own (`throwIfHigherRole`); the API with an org key can. */
export function canAssignRole(actor: Role, target: Role): boolean {
  return isAtLeast(actor, target);
}

/**
 * Effective project role (LF `resolveProjectRole`): the project-level row if one exists — NONE
 * included, which then means "no access to this project" — else the organization role. Someone
 * outside the organization has no access.
 */
export function effectiveProjectRole(orgRole: Role | undefined, projectRole: Role | undefined): Role {
  if (orgRole === undefined) return 'NONE';
  return projectRole ?? orgRole;
}

export interface RosterRow<M> { member: M; orgRole: Role; override: Role | undefined; effective: Role }

/**
 * A project's members as Langfuse's UI lists them: everyone whose effective role gives access, plus
 * those an explicit project role NONE shuts out (shown as "no access (override)").
 */
export function projectRoster<M extends { userId: string; role: Role }>(orgMemberships: M[], projectOverrides: { userId: string; role: Role }[]): RosterRow<M>[] {
  const overrides = new Map(projectOverrides.map(m => [m.userId, m.role]));
  return orgMemberships.flatMap(member => {
    const override = overrides.get(member.userId);
    const effective = effectiveProjectRole(member.role, override);
    return effective === 'NONE' && override === undefined ? [] : [{ member, orgRole: member.role, override, effective }];
  });
}

/** True if making `userId` `newRole` (undefined = removing them) would leave the organization without an OWNER. */
export function wouldRemoveLastOwner(orgMemberships: { userId: string; role: Role }[], userId: string, newRole: Role | undefined): boolean {
  if (newRole === 'OWNER') return false;
  const owners = orgMemberships.filter(m => m.role === 'OWNER');
  return owners.length === 1 && owners[0].userId === userId;
}

type Holders = 'O' | 'OA' | 'OAM' | 'OAMV';
const HOLDERS: Record<Holders, readonly Role[]> = {
  O: ['OWNER'], OA: ['OWNER', 'ADMIN'], OAM: ['OWNER', 'ADMIN', 'MEMBER'], OAMV: ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'],
};

/** LF web/src/features/rbac/constants/organizationAccessRights.ts */
const ORG_SCOPE_HOLDERS: Record<string, Holders> = {
  'projects:create': 'OA',
  'projects:transfer_org': 'OA',
  'organization:CRUD_apiKeys': 'O',
  'organization:update': 'OA',
  'organization:delete': 'O',
  'organizationMembers:read': 'OAM',
  'organizationMembers:CUD': 'OA',
  'langfuseCloudBilling:CRUD': 'O',
  'auditLogs:read': 'OA',
};

/** LF packages/shared/src/features/rbac/projectAccessRights.ts */
const PROJECT_SCOPE_HOLDERS: Record<string, Holders> = {
  'project:read': 'OAMV', 'project:update': 'OA', 'project:delete': 'O',
  'projectMembers:read': 'OAM', 'projectMembers:CUD': 'OA',
  'apiKeys:read': 'OAM', 'apiKeys:CUD': 'OA',
  'integrations:CRUD': 'OA',
  'objects:publish': 'OAM', 'objects:bookmark': 'OAM', 'objects:tag': 'OAM',
  'traces:delete': 'OA',
  'scores:CUD': 'OAM', 'scoreConfigs:CUD': 'OAM', 'scoreConfigs:read': 'OAMV',
  'datasets:read': 'OAMV', 'datasets:CUD': 'OAM',
  'prompts:CUD': 'OAM', 'prompts:read': 'OAMV', 'promptProtectedLabels:CUD': 'OA',
  'models:CUD': 'OA',
  'evalTemplate:CUD': 'OAM', 'evalTemplate:read': 'OAMV', 'evalJob:CUD': 'OAM', 'evalJob:read': 'OAMV',
  'evalJobExecution:read': 'OAMV', 'evalDefaultModel:CUD': 'OAM', 'evalDefaultModel:read': 'OAMV',
  'llmApiKeys:read': 'OAMV', 'llmApiKeys:create': 'OA', 'llmApiKeys:update': 'OA', 'llmApiKeys:delete': 'OA',
  'llmSchemas:CUD': 'OAM', 'llmSchemas:read': 'OAMV', 'llmTools:CUD': 'OAM', 'llmTools:read': 'OAMV',
  'playground:execute': 'OAM',
  'batchExports:create': 'OAM', 'batchExports:read': 'OAM',
  'comments:CUD': 'OAM', 'comments:read': 'OAMV',
  'annotationQueues:read': 'OAMV', 'annotationQueues:CUD': 'OAM',
  'annotationQueueAssignments:read': 'OAM', 'annotationQueueAssignments:CUD': 'OA',
  'promptExperiments:CUD': 'OAM', 'promptExperiments:read': 'OAMV',
  'auditLogs:read': 'OA',
  'dashboards:read': 'OAMV', 'dashboards:CUD': 'OAM',
  'TableViewPresets:CUD': 'OAM', 'TableViewPresets:read': 'OAMV',
  'automations:CUD': 'OA', 'automations:read': 'OAMV',
  'alerts:read': 'OAMV', 'alerts:CUD': 'OAM',
};

export const ORGANIZATION_SCOPES: readonly string[] = Object.keys(ORG_SCOPE_HOLDERS);
export const PROJECT_SCOPES: readonly string[] = Object.keys(PROJECT_SCOPE_HOLDERS);

export function organizationScopesOf(role: Role): string[] {
  return ORGANIZATION_SCOPES.filter(s => HOLDERS[ORG_SCOPE_HOLDERS[s]].includes(role));
}

export function projectScopesOf(role: Role): string[] {
  return PROJECT_SCOPES.filter(s => HOLDERS[PROJECT_SCOPE_HOLDERS[s]].includes(role));
}

export function hasProjectScope(role: Role, scope: string): boolean {
  const holders = PROJECT_SCOPE_HOLDERS[scope];
  return holders !== undefined && HOLDERS[holders].includes(role);
}

export function hasOrganizationScope(role: Role, scope: string): boolean {
  const holders = ORG_SCOPE_HOLDERS[scope];
  return holders !== undefined && HOLDERS[holders].includes(role);
}

/** A simplified permission matrix for tooltips: five columns a non-expert reads at a glance. */
export const BRIEF_CAPABILITIES = ['View traces', 'Create traces', 'Manage prompts', 'Manage members', 'Manage billing'] as const;
export type BriefCapability = (typeof BRIEF_CAPABILITIES)[number];

/**
 * The simplified table (Owner all; Admin all but billing; Member no members/billing; Viewer view only).
 * It simplifies Langfuse: view ≈ `project:read`, prompts ≈ `prompts:CUD`, members ≈ `projectMembers:CUD`,
 * billing = the organization scope `langfuseCloudBilling:CRUD` (org OWNER only); traces are created
 * with API keys, which carry no role.
 */
export const BRIEF_MATRIX: Readonly<Record<Role, readonly BriefCapability[]>> = {
  OWNER: ['View traces', 'Create traces', 'Manage prompts', 'Manage members', 'Manage billing'],
  ADMIN: ['View traces', 'Create traces', 'Manage prompts', 'Manage members'],
  MEMBER: ['View traces', 'Create traces', 'Manage prompts'],
  VIEWER: ['View traces'],
  NONE: [],
};

export function briefAllows(role: Role, capability: BriefCapability): boolean {
  return BRIEF_MATRIX[role].includes(capability);
}
