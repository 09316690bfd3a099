// Project data routes: health, score-configs, and the minimal trace path (legacy batch ingestion and
// the v3 trace list) the rotation probe reads. Shapes from openapi.yml; errors use `message`. A 4.x
// world answers the trace routes as Langfuse v4's events_only mode does (eventsOnly.ts).
import { authenticate } from '../http/auth';
import { message } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import type { Trace } from '../store';
import { refusedEvent, tracesGone, isEventsOnly } from './eventsOnly';
import { bodyObject, isResponse, methodNotAllowed, requireProjectKey } from './guards';

export function health(_req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  return { status: 200, json: { status: 'OK', version: ctx.store.serverVersion } };
}

export function scoreConfigs(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET') return methodNotAllowed('message');
  const scope = requireProjectKey(req, ctx);
  if (isResponse(scope)) return scope;
  return { status: 200, json: { data: [], meta: { page: 1, limit: 50, totalItems: 0, totalPages: 0 } } };
}

/** POST /api/public/ingestion: 207 with per-event results; trace-create events are stored (3.x worlds). */
export function ingestion(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'POST') return methodNotAllowed('message');
  const auth = authenticate(req.headers, ctx.store);
  if (!auth.ok) return message(401, auth.message);
  if (auth.scope.accessLevel === 'organization') return message(401, 'Missing projectId in scope. Are you using an organization key?');
  if (auth.scope.accessLevel !== 'project' || !auth.scope.projectId) return message(403, 'Access denied - insufficient permissions for this endpoint');
  const batch = bodyObject(req.body).batch;
  if (!Array.isArray(batch)) return message(400, 'Invalid request data');
  const successes: { id: string; status: number }[] = [];
  const errors: { id: string; status: number; message: string; error: string }[] = [];
  for (const raw of batch) {
    const event = bodyObject(raw);
    const id = typeof event.id === 'string' ? event.id : '';
    const body = bodyObject(event.body);
    if (!id || typeof event.type !== 'string' || typeof event.timestamp !== 'string') {
      errors.push({ id, status: 400, message: 'Invalid request data', error: 'event needs id, type, timestamp and body' });
      continue;
    }
    const refused = refusedEvent(ctx, id, event.type);
    if (refused) { errors.push(refused); continue; }
    if (event.type === 'trace-create') upsertTrace(ctx, auth.scope.projectId, body, event.timestamp);
    successes.push({ id, status: 201 });
  }
  ctx.store.changed();
  return { status: 207, json: { successes, errors } };
}

/** GET /api/public/traces with page, limit, fromTimestamp, toTimestamp, name, userId, sessionId (3.x worlds). */
export function traces(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET') return methodNotAllowed('message');
  if (isEventsOnly(ctx)) return tracesGone(ctx);
  const scope = requireProjectKey(req, ctx);
  if (isResponse(scope)) return scope;
  const q = req.query;
  const from = q.get('fromTimestamp');
  const to = q.get('toTimestamp');
  if ((from && Number.isNaN(Date.parse(from))) || (to && Number.isNaN(Date.parse(to)))) return message(400, 'Invalid request data');
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1);
  const limit = Math.min(100, Math.max(1, Number.parseInt(q.get('limit') ?? '50', 10) || 50));
  const matching = ctx.store.traces
    .filter(t => t.projectId === scope.projectId)
    .filter(t => !from || Date.parse(t.timestamp) >= Date.parse(from))
    .filter(t => !to || Date.parse(t.timestamp) < Date.parse(to))
    .filter(t => !q.get('name') || t.name === q.get('name'))
    .filter(t => !q.get('userId') || t.userId === q.get('userId'))
    .filter(t => !q.get('sessionId') || t.sessionId === q.get('sessionId'))
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const data = matching.slice((page - 1) * limit, page * limit).map(t => ({
    id: t.id, timestamp: t.timestamp, name: t.name, input: t.input ?? null, output: t.output ?? null,
    sessionId: t.sessionId, release: t.release, version: t.version, userId: t.userId, metadata: t.metadata ?? null,
    tags: t.tags, public: t.public, environment: t.environment,
    htmlPath: `/project/${t.projectId}/traces/${t.id}`, latency: 0, totalCost: 0, observations: [], scores: [],
  }));
  return { status: 200, json: { data, meta: { page, limit, totalItems: matching.length, totalPages: Math.ceil(matching.length / limit) } } };
}

function upsertTrace(ctx: RouteContext, projectId: string, body: Record<string, unknown>, eventTimestamp: string): void {
  const id = typeof body.id === 'string' && body.id ? body.id : `trace-${Date.now()}`;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const existing = ctx.store.traces.find(t => t.id === id && t.projectId === projectId);
  const next: Trace = {
    id,
    projectId,
    timestamp: str(body.timestamp) ?? existing?.timestamp ?? eventTimestamp,
    name: str(body.name) ?? existing?.name ?? null,
    userId: str(body.userId) ?? existing?.userId ?? null,
    sessionId: str(body.sessionId) ?? existing?.sessionId ?? null,
    release: str(body.release) ?? existing?.release ?? null,
    version: str(body.version) ?? existing?.version ?? null,
    input: body.input ?? existing?.input ?? null,
    output: body.output ?? existing?.output ?? null,
    metadata: body.metadata ?? existing?.metadata ?? null,
    tags: Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === 'string') : existing?.tags ?? [],
    public: typeof body.public === 'boolean' ? body.public : existing?.public ?? false,
    environment: str(body.environment) ?? existing?.environment ?? 'default',
  };
  if (existing) Object.assign(existing, next);
  else ctx.store.traces.push(next);
}
