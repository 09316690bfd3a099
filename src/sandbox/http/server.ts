import * as http from 'node:http';
import { driftBody, FaultPlan, FaultRules } from '../faults';
import { findRoute } from '../routes';
import { notFoundPage } from '../routes/notFoundPage';
import type { Store } from '../store';
import { RateLimiter, rateLimitedResponse } from './rateLimit';
import type { RouteContext, SandboxRequest, SandboxResponse } from './types';

/**
 * roundTrips: the most requests that ran one after another, each sent after the previous had been
 * answered — the network waits a client could not overlap (greedy interval scheduling: the answers
 * close in end order, so counting each one that started after the last counted one ended is optimal).
 */
export interface ServerStats { requests: number; inFlight: number; peakInFlight: number; roundTrips: number; lastRoundTripEnd: number }

export const CONTROL_PREFIX = '/__sandbox/';

/**
 * The request pipeline, in Langfuse's order: CORS preflight, body parser (malformed JSON is refused
 * before authentication, as plain text), route (auth → key kind → plan → rate limit → handler).
 * Faults wrap it: latency and "before" faults run first, body faults rewrite the answer.
 */
export function createSandboxServer(store: Store, faults: FaultPlan, stats: ServerStats): http.Server {
  const limiter = new RateLimiter(() => store.rateLimitPerMinute);
  const ctx: RouteContext = { store, rateLimit: orgId => limiter.take(orgId) };
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        write(res, req, control(req, url.pathname, rawBody, faults, stats));
        return;
      }
      stats.requests++;
      stats.inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
      const started = performance.now();
      res.once('close', () => {
        stats.inFlight--;
        if (started >= stats.lastRoundTripEnd) { stats.roundTrips++; stats.lastRoundTripEnd = performance.now(); }
      });
      // A client that went away mid-answer must not take the sandbox (or the test process) down.
      serve(req, res, url, rawBody, ctx, faults).catch(() => res.destroy());
    });
  });
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, url: URL, rawBody: string, ctx: RouteContext, faults: FaultPlan): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    writePreflight(req, res);
    return;
  }
  const { latencyMs, fault } = faults.take(method, url.pathname);
  if (latencyMs > 0) await sleep(latencyMs);
  const phase = fault?.phase ?? 'before';
  if (fault?.kind === 'drop' && phase === 'before') { req.socket.destroy(); return; }
  if (fault?.kind === 'rateLimit') {
    const seconds = fault.retryAfterSeconds ?? 1;
    write(res, req, rateLimitedResponse(seconds, 1000, new Date(Date.now() + seconds * 1000)));
    return;
  }
  if (fault?.kind === 'serverError' && phase === 'before') {
    write(res, req, { status: fault.status ?? 500, json: { message: 'Internal server error' } });
    return;
  }
  let response = handle(req, method, url, rawBody, ctx);
  if (fault?.kind === 'drop') { req.socket.destroy(); return; }
  if (fault?.kind === 'serverError') response = { status: fault.status ?? 500, json: { message: 'Internal server error' } };
  if (fault?.kind === 'schemaDrift' && response.json !== undefined) response = { ...response, json: driftBody(response.json, fault.drift ?? 'missing') };
  if (fault?.kind === 'malformedJson' && response.json !== undefined) {
    const text = JSON.stringify(response.json);
    writeRaw(res, req, response.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), true);
    return;
  }
  if (fault?.kind === 'slowBody') {
    await writeSlowly(res, req, response, fault.chunkBytes ?? 16, fault.ms ?? 50);
    return;
  }
  write(res, req, response);
}

function handle(req: http.IncomingMessage, method: string, url: URL, rawBody: string, ctx: RouteContext): SandboxResponse {
  let body: unknown = rawBody;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    try {
      body = rawBody.length ? JSON.parse(rawBody) : {};
    } catch {
      return { status: 400, text: 'Invalid JSON' };
    }
  }
  const route = findRoute(url.pathname);
  if (!route) return notFoundPage();
  const request: SandboxRequest = { method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody, body, params: route.params };
  try {
    return route.handle(request, ctx);
  } catch {
    return { status: 500, json: { message: 'Internal server error' } };
  }
}

/** /api/public/* runs behind Langfuse's CORS middleware; the instance Admin API does not. */
function baseHeaders(req: http.IncomingMessage): Record<string, string> {
  if ((req.url ?? '').startsWith('/api/admin/')) return { Vary: 'Accept-Encoding' };
  const headers: Record<string, string> = { Vary: 'Origin, Accept-Encoding' };
  if (req.headers.origin) headers['Access-Control-Allow-Origin'] = req.headers.origin;
  return headers;
}

function write(res: http.ServerResponse, req: http.IncomingMessage, r: SandboxResponse): void {
  if (r.json !== undefined) {
    writeRaw(res, req, r.status, JSON.stringify(r.json), true, r.headers);
  } else if (r.text !== undefined) {
    writeRaw(res, req, r.status, r.text, false, r.headers);
  } else {
    res.writeHead(r.status, { Vary: 'Origin', ...r.headers });
    res.end();
  }
}

function writeRaw(res: http.ServerResponse, req: http.IncomingMessage, status: number, text: string, json: boolean, extra: Record<string, string> = {}): void {
  const body = Buffer.from(text, 'utf8');
  const headers: Record<string, string | number> = { ...baseHeaders(req), ...extra, 'Content-Length': body.length };
  if (json) headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(status, headers);
  res.end(body);
}

async function writeSlowly(res: http.ServerResponse, req: http.IncomingMessage, r: SandboxResponse, chunkBytes: number, pauseMs: number): Promise<void> {
  const body = Buffer.from(r.json !== undefined ? JSON.stringify(r.json) : r.text ?? '', 'utf8');
  res.writeHead(r.status, { ...baseHeaders(req), ...r.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  for (let i = 0; i < body.length && !res.destroyed; i += chunkBytes) {
    res.write(body.subarray(i, i + chunkBytes));
    await sleep(pauseMs);
  }
  res.end();
}

function writePreflight(req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    Vary: 'Origin, Access-Control-Request-Headers',
    'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
    'Content-Length': '0',
  };
  const asked = req.headers['access-control-request-headers'];
  if (asked) headers['Access-Control-Allow-Headers'] = asked;
  res.writeHead(204, headers);
  res.end();
}

/**
 * /__sandbox/faults: GET lists, PUT replaces, POST adds, DELETE clears.
 * /__sandbox/stats: GET requests served and peak in flight, DELETE resets them.
 * Loopback callers only.
 */
function control(req: http.IncomingMessage, path: string, rawBody: string, faults: FaultPlan, stats: ServerStats): SandboxResponse {
  const remote = req.socket.remoteAddress ?? '';
  if (!/^(127\.|::1$|::ffff:127\.)/.test(remote)) return { status: 403, json: { error: 'The sandbox control routes answer loopback callers only.' } };
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === `${CONTROL_PREFIX}stats`) {
    if (method === 'DELETE') resetStats(stats);
    const { lastRoundTripEnd: _internal, ...shown } = stats;
    return { status: 200, json: shown };
  }
  if (path !== `${CONTROL_PREFIX}faults`) return { status: 404, json: { error: `Unknown control route ${path}; use ${CONTROL_PREFIX}faults or ${CONTROL_PREFIX}stats.` } };
  if (method === 'GET') return { status: 200, json: { faults: faults.list() } };
  if (method === 'DELETE') { faults.set([]); return { status: 200, json: { faults: [] } }; }
  if (method !== 'PUT' && method !== 'POST') return { status: 405, json: { error: 'Use GET, PUT, POST or DELETE.' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody || '[]');
  } catch {
    return { status: 400, json: { error: 'Body must be JSON: an array of fault rules or {"faults": [...]}.' } };
  }
  const rules = FaultRules.safeParse(Array.isArray(parsed) ? parsed : (parsed as { faults?: unknown })?.faults);
  if (!rules.success) return { status: 400, json: { error: 'Invalid fault rules', issues: rules.error.issues.map(i => ({ path: i.path, code: i.code })) } };
  if (method === 'PUT') faults.set(rules.data);
  else faults.add(rules.data);
  return { status: 200, json: { faults: faults.list() } };
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

export function resetStats(stats: ServerStats): void {
  stats.requests = 0;
  stats.peakInFlight = stats.inFlight;
  stats.roundTrips = 0;
  stats.lastRoundTripEnd = performance.now();
}
