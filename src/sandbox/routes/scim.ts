// /api/public/scim/* (docs/langfuse-behaviour.md §2.6). Every error is a SCIM error document; SCIM, unlike the membership
// routes, refuses to remove or demote the organization's last OWNER.
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import { scimError } from '../http/respond';
import type { Store, User } from '../store';
import { Role } from '../world/schema';
import { bodyObject, isResponse, methodNotAllowed, requireOrgKey } from './guards';
import { RESOURCE_TYPES, SCHEMAS, SERVICE_PROVIDER_CONFIG } from './scimDiscoveryDocs';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const LAST_OWNER = 'Cannot remove the last owner of an organization. Assign new owner or delete organization.';
const ROLE_NAMES = Role.options;

export function scimDiscovery(doc: 'spc' | 'resourceTypes' | 'schemas') {
  return (req: SandboxRequest, ctx: RouteContext): SandboxResponse => {
    if (req.method !== 'GET') return methodNotAllowed('scim');
    const scope = requireOrgKey(req, ctx, { style: 'scim', adminApi: false });
    if (isResponse(scope)) return scope;
    return { status: 200, json: doc === 'spc' ? SERVICE_PROVIDER_CONFIG : doc === 'resourceTypes' ? RESOURCE_TYPES : SCHEMAS };
  };
}

export function scimUsers(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed('scim');
  const scope = requireOrgKey(req, ctx, { style: 'scim' });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  if (req.method === 'GET') return listUsers(req, store);
  const parsedBody = scimBody(req);
  if (!parsedBody.ok) return parsedBody.response;
  const body = parsedBody.body;
  const userName = body.userName;
  if (typeof userName !== 'string' || !userName) return scimError(400, 'userName is required');
  const role = roleFrom(body.roles);
  if (isRefusal(role)) return role;
  const existing = store.userByEmail(userName);
  if (existing && store.orgMemberships.has(existing.id)) return scimError(409, 'User with this userName already exists');
  const name = nameFrom(body);
  const user = existing ?? store.createUser(userName, name);
  store.orgMemberships.set(user.id, role ?? 'NONE');
  store.changed();
  return { status: 201, json: userResource(user, true) };
}

export function scimUserById(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (!['GET', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return methodNotAllowed('scim');
  const scope = requireOrgKey(req, ctx, { style: 'scim' });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  const user = store.users.get(req.params.id);
  if (req.method === 'DELETE') {
    if (user && store.orgMemberships.has(user.id)) {
      if (isLastOwner(store, user.id)) return scimError(403, LAST_OWNER);
      store.removeOrgMembership(user.id);
      store.changed();
    }
    return { status: 204 };
  }
  if (!user) return scimError(404, 'User not found');
  if (req.method === 'GET') {
    if (!store.orgMemberships.has(user.id)) return scimError(404, 'User not found in organization');
    return { status: 200, json: userResource(user, true) };
  }
  const parsedBody = scimBody(req);
  if (!parsedBody.ok) return parsedBody.response;
  const body = parsedBody.body;
  if (req.method === 'PATCH') {
    if (!Array.isArray(body.schemas) || !body.schemas.includes(PATCH_SCHEMA)) {
      return scimError(400, `Invalid request body. Must include 'schemas' with '${PATCH_SCHEMA}'.`);
    }
    const active = activeFromOperations(body.Operations);
    if (active === undefined) return scimError(400, "Unsupported operation or invalid value in request body. Only 'replace' with 'active' field is supported.");
    const refused = setActive(store, user, active, undefined);
    if (refused) return refused;
    return { status: 200, json: userResource(user, true) };
  }
  if (!Array.isArray(body.schemas) || !body.schemas.includes(USER_SCHEMA)) {
    return scimError(400, `Invalid request body. Must include 'schemas' with '${USER_SCHEMA}'.`);
  }
  const role = roleFrom(body.roles);
  if (isRefusal(role)) return role;
  const refused = setActive(store, user, body.active !== false, role);
  if (refused) return refused;
  // Langfuse's PUT answers without name and emails.
  return { status: 200, json: { schemas: [USER_SCHEMA], id: user.id, userName: user.email, meta: meta(user) } };
}

function listUsers(req: SandboxRequest, store: Store): SandboxResponse {
  let members = [...store.orgMemberships.keys()].map(id => store.users.get(id)).filter((u): u is User => !!u);
  // Only `userName eq "<email>"` is understood; any other filter is ignored (everything returned).
  const filter = /^\s*userName\s+eq\s+"([^"]*)"\s*$/i.exec(req.query.get('filter') ?? '');
  if (filter) members = members.filter(u => u.email.toLowerCase() === filter[1].toLowerCase());
  const startIndex = Math.max(1, Number.parseInt(req.query.get('startIndex') ?? '1', 10) || 1);
  const count = Math.max(0, Number.parseInt(req.query.get('count') ?? '100', 10) || 100);
  const page = members.slice(startIndex - 1, startIndex - 1 + count);
  return {
    status: 200,
    json: { schemas: [LIST_SCHEMA], totalResults: members.length, startIndex, itemsPerPage: page.length, Resources: page.map(u => userResource(u, false)) },
  };
}

function setActive(store: Store, user: User, active: boolean, role: Role | undefined): SandboxResponse | undefined {
  const current = store.orgMemberships.get(user.id);
  const next = active ? role ?? current ?? 'NONE' : undefined;
  if (current === 'OWNER' && next !== 'OWNER' && isLastOwner(store, user.id)) return scimError(403, LAST_OWNER);
  if (next === undefined) store.removeOrgMembership(user.id);
  else store.orgMemberships.set(user.id, next);
  store.changed();
  return undefined;
}

function isLastOwner(store: Store, userId: string): boolean {
  return store.orgMemberships.get(userId) === 'OWNER' && store.ownerCount() === 1;
}

/** SCIM bodies arrive as application/scim+json, which the Next.js parser leaves as text. */
function scimBody(req: SandboxRequest): { ok: true; body: Record<string, unknown> } | { ok: false; response: SandboxResponse } {
  if (typeof req.body !== 'string') return { ok: true, body: bodyObject(req.body) };
  if (req.body === '') return { ok: true, body: {} };
  try {
    return { ok: true, body: bodyObject(JSON.parse(req.body)) };
  } catch {
    return { ok: false, response: scimError(400, 'Invalid JSON body') };
  }
}

function isRefusal(v: Role | undefined | SandboxResponse): v is SandboxResponse {
  return typeof v === 'object';
}

function roleFrom(roles: unknown): Role | undefined | SandboxResponse {
  if (roles === undefined || roles === null) return undefined;
  const list = Array.isArray(roles) ? roles : [roles];
  const invalid = list.filter(r => !(ROLE_NAMES as readonly unknown[]).includes(r));
  if (invalid.length) return scimError(400, `Invalid roles provided: ${JSON.stringify(invalid)}, must be one of ${ROLE_NAMES.join(', ')}`);
  return list[0] as Role | undefined;
}

function activeFromOperations(ops: unknown): boolean | undefined {
  if (!Array.isArray(ops) || ops.length === 0) return undefined;
  let active: boolean | undefined;
  for (const op of ops as Record<string, unknown>[]) {
    if (String(op?.op).toLowerCase() !== 'replace') return undefined;
    const value = op.value as Record<string, unknown> | boolean | undefined;
    if (op.path === 'active' && typeof value === 'boolean') active = value;
    else if (op.path === undefined && value && typeof value === 'object' && typeof value.active === 'boolean' && Object.keys(value).length === 1) active = value.active;
    else return undefined;
  }
  return active;
}

function nameFrom(body: Record<string, unknown>): string | null {
  const name = body.name as { formatted?: unknown } | undefined;
  if (name && typeof name.formatted === 'string') return name.formatted;
  return typeof body.displayName === 'string' ? body.displayName : null;
}

function meta(user: User): Record<string, string> {
  return { resourceType: 'User', created: user.createdAt, lastModified: user.updatedAt };
}

function userResource(user: User, withDates: boolean): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    userName: user.email,
    name: { formatted: user.name },
    emails: [{ primary: true, value: user.email, type: 'work' }],
    meta: withDates ? meta(user) : { resourceType: 'User' },
  };
}
