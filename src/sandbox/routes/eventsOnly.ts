// Tracing routes of a 4.x world: Langfuse v4 in its default write mode (LANGFUSE_MIGRATION_V4_WRITE_MODE
// = events_only). The v3 trace list answers a self-explaining 404 and legacy batch ingestion accepts only
// score and log events, word for word as a real 4.16.0 answers (recordings 167–168 in
// test/fixtures/recordings; `rejectInEventsOnlyMode` in web/src/features/public-api/server/
// createAuthedProjectAPIRoute.ts at langfuse/langfuse 62751446149b702b419a9292ddfc2280cdf74b8c). Tracing
// data is read through GET /api/public/v2/observations ("Self Hosted: Langfuse v4+",
// https://langfuse.com/docs/api-and-data-platform/features/observations-api), served here in the shape
// of observations_getMany in web/public/generated/api/openapi.yml.
import { message } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import type { Observation } from '../store';
import { isResponse, methodNotAllowed, requireProjectKey } from './guards';
import { notFoundPage } from './notFoundPage';

export const EVENTS_ONLY_MESSAGE = 'This endpoint is not available on deployments running in Langfuse v4 events_only mode. Learn more about Langfuse v4 at: https://langfuse.com/docs/v4';

const TRACES_DEPRECATION = {
  message: 'On Langfuse Cloud, Langfuse v3 is deprecated and this endpoint will be removed on November 16, 2026. In Langfuse v4, read span and trace data via GET /api/public/v2/observations?fromStartTime=<from>&toStartTime=<to>.',
  replacement: 'GET /api/public/v2/observations?fromStartTime=<from>&toStartTime=<to>',
  docsUrl: 'https://langfuse.com/docs/api-and-data-platform/features/observations-api',
  sunsetAt: '2026-11-16',
};

/** Score and log events only (the ingestion route's events_only filter). */
const EVENTS_ONLY_TYPES = new Set(['score-create', 'sdk-log']);

export function isEventsOnly(ctx: RouteContext): boolean {
  return ctx.store.majorVersion >= 4;
}

/**
 * The v3 trace list on a 4.x world. The `_deprecation` stamp is attached only on Langfuse Cloud
 * (NEXT_PUBLIC_LANGFUSE_CLOUD_REGION set: the sandbox's `team` plan), as `attachDeprecation` does.
 */
export function tracesGone(ctx: RouteContext): SandboxResponse {
  const body: Record<string, unknown> = { message: EVENTS_ONLY_MESSAGE };
  if (ctx.store.org.plan === 'team') body._deprecation = TRACES_DEPRECATION;
  return { status: 404, json: body };
}

/** The per-event refusal inside the 207 of POST /api/public/ingestion, or undefined when the event is accepted. */
export function refusedEvent(ctx: RouteContext, id: string, type: string): { id: string; status: number; message: string; error: string } | undefined {
  if (!isEventsOnly(ctx) || EVENTS_ONLY_TYPES.has(type)) return undefined;
  return {
    id, status: 400, message: 'Event type not accepted',
    error: `Event type "${type}" is not accepted by /api/public/ingestion when LANGFUSE_MIGRATION_V4_WRITE_MODE is events_only. This endpoint only accepts score and log events. Upgrade the client or integration to a v4-compatible SDK or OTLP ingestion path. As a temporary migration bridge, set LANGFUSE_MIGRATION_V4_WRITE_MODE=dual on both the web and worker services and redeploy. Docs: https://langfuse.com/self-hosting/upgrade/upgrade-guides/upgrade-v3-to-v4`,
  };
}

const FIELD_GROUPS: Record<string, (o: Observation) => Record<string, unknown>> = {
  core: o => ({ id: o.id, traceId: o.traceId, startTime: o.startTime, endTime: o.endTime, projectId: o.projectId, parentObservationId: o.parentObservationId, type: o.type }),
  basic: o => ({
    name: o.name, level: 'DEFAULT', statusMessage: null, version: null, environment: o.environment, bookmarked: false, public: false,
    userId: null, sessionId: null, isRootObservation: o.parentObservationId === null,
  }),
  time: o => ({ completionStartTime: null, createdAt: o.startTime, updatedAt: o.endTime ?? o.startTime }),
  io: () => ({ input: null, output: null }),
  metadata: () => ({ metadata: {} }),
  model: () => ({ providedModelName: null, internalModelId: null, modelParameters: null }),
  usage: () => ({ usageDetails: {}, costDetails: {}, totalCost: null, usagePricingTierName: null }),
  prompt: () => ({ promptId: null, promptName: null, promptVersion: null }),
  metrics: o => ({ latency: o.endTime ? (Date.parse(o.endTime) - Date.parse(o.startTime)) / 1000 : null, timeToFirstToken: null }),
  trace_context: () => ({ tags: [], release: null, traceName: null }),
};

/** GET /api/public/v2/observations: cursor paging (base64 offset), newest first; absent on 3.x (an HTML 404). */
export function observationsV2(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (!isEventsOnly(ctx)) return notFoundPage();
  if (req.method !== 'GET') return methodNotAllowed('message');
  const scope = requireProjectKey(req, ctx);
  if (isResponse(scope)) return scope;
  const q = req.query;
  const from = q.get('fromStartTime');
  const to = q.get('toStartTime');
  const limitText = q.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  let offset = 0;
  const cursor = q.get('cursor');
  if (cursor) offset = Number((JSON.parse(Buffer.from(cursor, 'base64').toString('utf8') || '{}') as { offset?: unknown }).offset ?? NaN);
  if ((from && Number.isNaN(Date.parse(from))) || (to && Number.isNaN(Date.parse(to))) || !Number.isInteger(limit) || limit < 1 || limit > 1000
    || !Number.isInteger(offset) || offset < 0 || q.get('parseIoAsJson') === 'true') {
    return message(400, 'Invalid request data');
  }
  const groups = ['core', ...(q.get('fields') ?? 'core,basic').split(',').map(g => g.trim()).filter(g => g in FIELD_GROUPS)];
  const matching = ctx.store.observations
    .filter(o => o.projectId === scope.projectId)
    .filter(o => !from || Date.parse(o.startTime) >= Date.parse(from))
    .filter(o => !to || Date.parse(o.startTime) < Date.parse(to))
    .filter(o => !q.get('traceId') || o.traceId === q.get('traceId'))
    .filter(o => !q.get('type') || o.type === q.get('type'))
    .sort((a, b) => b.startTime.localeCompare(a.startTime));
  const page = matching.slice(offset, offset + limit);
  const data = page.map(o => Object.assign({}, ...[...new Set(groups)].map(g => FIELD_GROUPS[g](o))) as Record<string, unknown>);
  const next = offset + limit < matching.length ? Buffer.from(JSON.stringify({ offset: offset + limit })).toString('base64') : undefined;
  return { status: 200, json: { data, meta: next ? { cursor: next } : {} } };
}
