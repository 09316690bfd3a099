import type { LangfuseClient } from './client';
import type { ApiKeySummary, Membership, OrganizationProject } from './schemas';

export interface ProjectSnapshot {
  project: OrganizationProject;
  /** Explicit project roles; undefined when the plan lacks rbac-project-roles. */
  memberships: Membership[] | undefined;
  apiKeys: ApiKeySummary[];
}

export interface OrganizationSnapshot {
  projects: ProjectSnapshot[];
  organizationMemberships: Membership[];
  organizationApiKeys: ApiKeySummary[];
  loadedAt: string;
}

/**
 * Loads the whole organization with an organization key: all per-project requests are issued at
 * once and the client's host gate keeps at most `maxConcurrency` in flight.
 */
export async function loadOrganizationSnapshot(client: LangfuseClient, options: { projectRoles?: boolean } = {}): Promise<OrganizationSnapshot> {
  const projectRoles = options.projectRoles ?? true;
  const [projects, organizationMemberships, organizationApiKeys] = await Promise.all([
    client.projects.list(),
    client.organizationMemberships.list(),
    client.organizationApiKeys.list(),
  ]);
  const perProject = await Promise.all(projects.map(async project => {
    const [memberships, apiKeys] = await Promise.all([
      projectRoles ? client.projectMemberships.list(project.id) : Promise.resolve(undefined),
      client.projectApiKeys.list(project.id),
    ]);
    return { project, memberships, apiKeys };
  }));
  return { projects: perProject, organizationMemberships, organizationApiKeys, loadedAt: new Date().toISOString() };
}
