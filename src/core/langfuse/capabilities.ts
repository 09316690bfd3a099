import type { Api } from './api';
import { PlanGateError, WrongKeyKindError, type KeyKind } from './errors';
import { health } from './resources/health';
import { whoAmI } from './resources/whoAmI';
import { OrganizationProjectsResponse, MembershipsResponse } from './schemas';

export interface Capabilities {
  keyKind: KeyKind;
  /** The key's project (project keys). */
  project?: { id: string; name: string };
  /** The key's organization (known for project keys; organization keys cannot read it). */
  organization?: { id: string; name: string };
  /** Organization keys: the plan has `admin-api` (members, projects, keys, SCIM). */
  adminApi?: boolean;
  /** Organization keys: the plan has `rbac-project-roles` (project-level roles). */
  rbacProjectRoles?: boolean;
  /** From /api/public/health; undefined if the instance does not say. */
  serverVersion?: string;
  checkedAt: string;
}

/**
 * Detects what a key can do with read-only requests only: health, who-am-I, and for organization
 * keys one organization list and one project-membership list. Langfuse caches plans with the key
 * for up to 300 s, so a fresh answer can still be that old.
 */
export async function detectCapabilities(api: Api): Promise<Capabilities> {
  const serverVersion = await health(api).then(h => h.version, () => undefined);
  const checkedAt = new Date().toISOString();
  try {
    const project = await whoAmI(api);
    return { keyKind: 'project', project: { id: project.id, name: project.name }, organization: project.organization, serverVersion, checkedAt };
  } catch (err) {
    if (!(err instanceof WrongKeyKindError && err.needed === 'project')) throw err;
  }
  let adminApi = true;
  let projects: { id: string }[] = [];
  try {
    projects = (await api.call({ method: 'GET', path: '/api/public/organizations/projects' }, OrganizationProjectsResponse)).projects;
  } catch (err) {
    if (!(err instanceof PlanGateError)) throw err;
    adminApi = false;
  }
  // Both entitlements come with the same plans; with no project to ask about, infer one from the other.
  let rbacProjectRoles = adminApi;
  if (adminApi && projects[0]) {
    try {
      await api.call({ method: 'GET', path: `/api/public/projects/${encodeURIComponent(projects[0].id)}/memberships` }, MembershipsResponse);
    } catch (err) {
      if (!(err instanceof PlanGateError)) throw err;
      rbacProjectRoles = false;
    }
  }
  return { keyKind: 'organization', adminApi, rbacProjectRoles, serverVersion, checkedAt };
}
