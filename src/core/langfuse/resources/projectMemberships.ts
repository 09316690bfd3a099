import type { Api } from '../api';
import { deleteConfirmed } from '../api';
import type { Role } from '../roles';
import { Membership, MembershipDeleted, MembershipsResponse, type Membership as MembershipT } from '../schemas';

/**
 * Explicit project roles (organization key, rbac-project-roles + admin-api). `list` returns only
 * overrides, not members who inherit their organization role. A NONE row means "no access to this
 * project"; `remove` returns the user to their organization role.
 */
export function projectMembershipsResource(api: Api) {
  const path = (projectId: string) => `/api/public/projects/${encodeURIComponent(projectId)}/memberships`;
  const list = async (projectId: string): Promise<MembershipT[]> =>
    (await api.call({ method: 'GET', path: path(projectId) }, MembershipsResponse)).memberships;
  return {
    list,
    upsert: (projectId: string, userId: string, role: Role) =>
      api.call({ method: 'PUT', path: path(projectId), body: { userId, role } }, Membership),
    remove: (projectId: string, userId: string) =>
      deleteConfirmed(
        async () => { await api.call({ method: 'DELETE', path: path(projectId), body: { userId } }, MembershipDeleted); },
        async () => !(await list(projectId)).some(m => m.userId === userId),
      ),
  };
}
