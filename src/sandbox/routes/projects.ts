// /api/public/projects and /api/public/projects/{projectId} (docs/langfuse-behaviour.md §2.2).
import { newCuid } from '../ids';
import { hasEntitlement } from '../http/plans';
import { message } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import type { Project } from '../store';
import { authenticate } from '../http/auth';
import { bodyObject, isResponse, methodNotAllowed, requireOrgKey } from './guards';

const INVALID_NAME = 'Invalid project name. Should be between 3 and 60 characters.';
const NOT_FOUND = "Project not found or you don't have access to it";

export function projectsIndex(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method === 'GET') return whoAmI(req, ctx);
  if (req.method !== 'POST') return methodNotAllowed('message');
  const scope = requireOrgKey(req, ctx, { style: 'message' });
  if (isResponse(scope)) return scope;
  const fields = validateProjectBody(bodyObject(req.body), ctx);
  if ('status' in fields) return fields;
  const store = ctx.store;
  if (store.liveProjects().some(p => p.name === fields.name)) return message(409, 'A project with this name already exists in your organization');
  const now = store.now();
  const project: Project = {
    id: newCuid(), name: fields.name, metadata: fields.metadata ?? null, retentionDays: fields.retention || null,
    createdAt: now, updatedAt: now, deletedAt: null,
  };
  store.projects.set(project.id, project);
  store.changed();
  return { status: 201, json: projectBody(project) };
}

export function projectById(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'PUT' && req.method !== 'DELETE') return methodNotAllowed('message');
  const scope = requireOrgKey(req, ctx, { style: 'message' });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  const project = store.liveProject(req.params.projectId);
  if (!project) return message(404, NOT_FOUND);
  if (req.method === 'DELETE') {
    for (const [id, key] of store.apiKeys) if (key.projectId === project.id) store.apiKeys.delete(id);
    project.deletedAt = store.now();
    store.changed();
    return { status: 202, json: { success: true, message: 'Project deletion has been initiated and is being processed asynchronously' } };
  }
  const fields = validateProjectBody(bodyObject(req.body), ctx);
  if ('status' in fields) return fields;
  project.name = fields.name;
  if (fields.metadata !== undefined) project.metadata = fields.metadata;
  if (fields.retention !== undefined) project.retentionDays = fields.retention || null;
  project.updatedAt = store.now();
  store.changed();
  return { status: 200, json: projectBody(project) };
}

/** GET /api/public/projects: the project key's own project ("who am I"). Not rate limited. */
function whoAmI(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  const auth = authenticate(req.headers, ctx.store);
  if (!auth.ok) return message(401, auth.message);
  if (auth.scope.accessLevel !== 'project' || !auth.scope.projectId) return message(403, 'Invalid API key. Are you using an organization key?');
  const project = ctx.store.liveProject(auth.scope.projectId);
  const data = project ? [{
    id: project.id, name: project.name, organization: { id: ctx.store.org.id, name: ctx.store.org.name },
    metadata: project.metadata ?? {}, ...(project.retentionDays ? { retentionDays: project.retentionDays } : {}),
  }] : [];
  return { status: 200, json: { data } };
}

function projectBody(p: Project): Record<string, unknown> {
  return { id: p.id, name: p.name, metadata: p.metadata ?? {}, ...(p.retentionDays ? { retentionDays: p.retentionDays } : {}) };
}

interface ProjectFields { name: string; metadata?: Record<string, unknown>; retention?: number }

function validateProjectBody(body: Record<string, unknown>, ctx: RouteContext): ProjectFields | SandboxResponse {
  const name = body.name;
  if (typeof name !== 'string' || name.length < 3 || name.length > 60 || /<[^>]*>/.test(name)) return message(400, INVALID_NAME);
  const fields: ProjectFields = { name };
  if (body.metadata !== undefined && body.metadata !== null) {
    let metadata = body.metadata;
    if (typeof metadata === 'string') {
      try {
        metadata = JSON.parse(metadata);
      } catch (err) {
        return message(400, `Invalid metadata. Should be a valid JSON object: ${String(err)}`);
      }
    }
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return message(400, 'Invalid metadata. Should be a valid JSON object.');
    fields.metadata = metadata as Record<string, unknown>;
  }
  if (body.retention !== undefined) {
    const r = body.retention;
    if (typeof r !== 'number' || !Number.isInteger(r) || (r !== 0 && r < 3)) return message(400, 'Invalid retention value. Must be 0 or at least 3 days.');
    if (r > 0 && !hasEntitlement(ctx.store.org.plan, 'data-retention')) {
      return message(403, 'The data-retention entitlement is required to set a non-zero retention period.');
    }
    fields.retention = r;
  }
  return fields;
}
