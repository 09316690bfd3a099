// /api/public/projects/{projectId}/memberships (docs/langfuse-behaviour.md §2.3): explicit project roles only.
import * as z from '../../core/zod';
import { error } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import { Role } from '../world/schema';
import { isResponse, methodNotAllowed, requireOrgKey } from './guards';
import { invalidBody, membershipBody } from './organizations';

const UpsertBody = z.object({ userId: z.string(), role: Role });
const DeleteBody = z.object({ userId: z.string() });

export function projectMemberships(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (!['GET', 'PUT', 'DELETE'].includes(req.method)) return methodNotAllowed('error');
  const scope = requireOrgKey(req, ctx, { style: 'error', projectRoles: true });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  const project = store.liveProject(req.params.projectId);
  if (!project) return error(404, 'Project not found or does not belong to this organization');
  const roles = store.projectRoles(project.id);
  if (req.method === 'GET') {
    return { status: 200, json: { memberships: [...roles].map(([userId, role]) => membershipBody(store, userId, role)) } };
  }
  if (req.method === 'PUT') {
    const parsed = UpsertBody.safeParse(req.body);
    if (!parsed.success) return invalidBody(parsed.error, req.body);
    if (!store.orgMemberships.has(parsed.data.userId)) return error(404, 'User is not a member of this organization');
    // NONE is stored as a row (explicit no access), unlike the UI where NONE removes the override.
    roles.set(parsed.data.userId, parsed.data.role);
    store.changed();
    return { status: 200, json: membershipBody(store, parsed.data.userId, parsed.data.role) };
  }
  const parsed = DeleteBody.safeParse(req.body);
  if (!parsed.success) return invalidBody(parsed.error, req.body);
  if (!roles.has(parsed.data.userId)) return error(404, 'Project membership not found');
  roles.delete(parsed.data.userId);
  store.changed();
  return { status: 200, json: { message: 'Project membership deleted successfully', userId: parsed.data.userId } };
}
