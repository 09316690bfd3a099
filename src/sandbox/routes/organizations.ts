// /api/public/organizations/{memberships,projects,apiKeys} (docs/langfuse-behaviour.md §2.3–2.5). Errors use `error`.
import * as z from '../../core/zod';
import { error } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import { zodIssues } from '../http/validation';
import { displaySecretKey, type ApiKey, type Store } from '../store';
import { Role } from '../world/schema';
import { isResponse, methodNotAllowed, requireOrgKey } from './guards';

const UpsertBody = z.object({ userId: z.string(), role: Role });
const DeleteBody = z.object({ userId: z.string() });

export function organizationMemberships(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (!['GET', 'PUT', 'DELETE'].includes(req.method)) return methodNotAllowed('error');
  const scope = requireOrgKey(req, ctx, { style: 'error', rateLimited: true });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  if (req.method === 'GET') {
    return { status: 200, json: { memberships: [...store.orgMemberships].map(([userId, role]) => membershipBody(store, userId, role)) } };
  }
  if (req.method === 'PUT') {
    const parsed = UpsertBody.safeParse(req.body);
    if (!parsed.success) return invalidBody(parsed.error, req.body);
    if (!store.users.has(parsed.data.userId)) return error(404, 'User not found');
    // No last-OWNER guard here: the public API lets an org key demote the only owner (docs/langfuse-behaviour.md §2.3).
    store.orgMemberships.set(parsed.data.userId, parsed.data.role);
    store.changed();
    return { status: 200, json: membershipBody(store, parsed.data.userId, parsed.data.role) };
  }
  const parsed = DeleteBody.safeParse(req.body);
  if (!parsed.success) return invalidBody(parsed.error, req.body);
  store.removeOrgMembership(parsed.data.userId);
  store.changed();
  return { status: 200, json: { message: 'Membership deleted successfully', userId: parsed.data.userId } };
}

export function organizationProjects(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET') return methodNotAllowed('error');
  const scope = requireOrgKey(req, ctx, { style: 'error', rateLimited: true });
  if (isResponse(scope)) return scope;
  const projects = ctx.store.liveProjects().map(p => ({ id: p.id, name: p.name, metadata: p.metadata, createdAt: p.createdAt, updatedAt: p.updatedAt }));
  return { status: 200, json: { projects } };
}

export function organizationApiKeys(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET') return methodNotAllowed('error');
  const scope = requireOrgKey(req, ctx, { style: 'error', rateLimited: true });
  if (isResponse(scope)) return scope;
  return { status: 200, json: { apiKeys: keySummaries([...ctx.store.apiKeys.values()].filter(k => k.scope === 'ORGANIZATION')) } };
}

export function membershipBody(store: Store, userId: string, role: string): Record<string, unknown> {
  const user = store.users.get(userId);
  return { userId, role, email: user?.email ?? null, name: user?.name ?? null };
}

export function invalidBody(err: z.core.$ZodError, input: unknown): SandboxResponse {
  return { status: 400, json: { error: 'Invalid request body', details: zodIssues(err, input) } };
}

/** The list shape of API keys: ordered by creation, never the secret. */
export function keySummaries(keys: ApiKey[]): Record<string, unknown>[] {
  return [...keys].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(k => ({
    id: k.id, createdAt: k.createdAt, expiresAt: null, lastUsedAt: null, note: k.note,
    publicKey: k.publicKey, displaySecretKey: displaySecretKey(k.secretKey),
  }));
}
