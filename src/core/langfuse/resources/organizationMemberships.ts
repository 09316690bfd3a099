import type { Api } from '../api';
import type { Role } from '../roles';
import { MembershipDeleted, MembershipsResponse, Membership, type Membership as MembershipT } from '../schemas';

/**
 * Organization memberships (organization key, admin-api). Langfuse does NOT guard the last OWNER
 * here — callers check `wouldRemoveLastOwner` (roles.ts) before demoting or removing someone.
 */
export function organizationMembershipsResource(api: Api) {
  const path = '/api/public/organizations/memberships';
  return {
    list: async (): Promise<MembershipT[]> => (await api.call({ method: 'GET', path }, MembershipsResponse)).memberships,
    /** Adds an existing user (by id) or changes their role; NONE is accepted. */
    upsert: (userId: string, role: Role) => api.call({ method: 'PUT', path, body: { userId, role } }, Membership),
    /** Removes the user and their project roles; answers 200 even if they were no member, so it is safe to repeat. */
    remove: async (userId: string): Promise<void> => {
      await api.call({ method: 'DELETE', path, body: { userId }, retry: 'idempotent' }, MembershipDeleted);
    },
  };
}
