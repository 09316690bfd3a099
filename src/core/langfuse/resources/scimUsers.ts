import type { Api } from '../api';
import { isAmbiguous } from '../api';
import type { Role } from '../roles';
import { ScimListResponse, ScimUser, type ScimUser as ScimUserT } from '../schemas';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const CONTENT_TYPE = 'application/scim+json';

export interface ScimCreateInput {
  /** The e-mail address (Langfuse lower-cases it). */
  userName: string;
  name?: string;
  /** Organization role; Langfuse uses the first and defaults to NONE. */
  roles?: Role[];
}

/**
 * SCIM users of the organization (organization key, admin-api): the way to add someone who has never
 * logged in. Unlike the membership routes, SCIM refuses to remove the last OWNER.
 */
export function scimUsersResource(api: Api) {
  const path = '/api/public/scim/Users';
  const userPath = (id: string) => `${path}/${encodeURIComponent(id)}`;
  const list = (options: { filter?: string; startIndex?: number; count?: number } = {}) =>
    api.call({ method: 'GET', path, query: options }, ScimListResponse);
  const findByEmail = async (email: string): Promise<ScimUserT | undefined> => {
    const res = await list({ filter: `userName eq "${email.replace(/"/g, '')}"` });
    // Langfuse ignores filters it does not understand and returns everyone, so match here too.
    return res.Resources.find(u => u.userName.toLowerCase() === email.toLowerCase());
  };

  return {
    list,
    /** Every member, following SCIM paging. */
    async listAll(pageSize = 100): Promise<ScimUserT[]> {
      const all: ScimUserT[] = [];
      for (let start = 1; ; start += pageSize) {
        const page = await list({ startIndex: start, count: pageSize });
        all.push(...page.Resources);
        if (page.Resources.length === 0 || all.length >= page.totalResults) return all;
      }
    },
    findByEmail,
    get: (id: string) => api.call({ method: 'GET', path: userPath(id) }, ScimUser),

    /** Creates the user if needed and the membership (201). After an ambiguous failure, looks the user up first. */
    async create(input: ScimCreateInput): Promise<ScimUserT> {
      const body = {
        schemas: [USER_SCHEMA], userName: input.userName, active: true,
        ...(input.name ? { name: { formatted: input.name } } : {}),
        ...(input.roles ? { roles: input.roles } : {}),
      };
      const send = () => api.call({ method: 'POST', path, body, contentType: CONTENT_TYPE }, ScimUser);
      try {
        return await send();
      } catch (err) {
        if (!isAmbiguous(err)) throw err;
        return (await findByEmail(input.userName)) ?? send();
      }
    },

    /** PATCH active: false removes the organization membership (the user stays); true restores it as NONE. */
    setActive: (id: string, active: boolean) =>
      api.call({ method: 'PATCH', path: userPath(id), contentType: CONTENT_TYPE, retry: 'idempotent', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active } }] } }, ScimUser),

    /** PUT: provisions with the given role (active) or deprovisions (inactive). */
    replace: (id: string, input: { userName: string; active: boolean; roles?: Role[] }) =>
      api.call({ method: 'PUT', path: userPath(id), contentType: CONTENT_TYPE, body: { schemas: [USER_SCHEMA], ...input } }, ScimUser),

    /** Removes the organization membership (204); repeating it is harmless. */
    remove: (id: string) => api.callEmpty({ method: 'DELETE', path: userPath(id), retry: 'idempotent' }),
  };
}
