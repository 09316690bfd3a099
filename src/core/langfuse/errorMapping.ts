// Maps a Langfuse error answer (status + body) to a typed error whose message says what to do next.
// The server's text is read from `message`, `error` or SCIM `detail`, or a plain-text body.
import { shortPublicKey } from '../log/redact';
import {
  ConflictError, ForbiddenError, LangfuseError, NotFoundError, PlanGateError, RateLimitedError, ServerError,
  UnauthorizedError, UnsupportedError, ValidationError, WrongKeyKindError,
} from './errors';

export const PLANS_WITH_ADMIN_API = 'Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise';

export interface ErrorContext {
  status: number;
  body: unknown;
  /** `GET /api/public/projects` */
  request: string;
  host: string;
  publicKey: string;
  retryAfterMs?: number;
}

/** The server's error text, shortened; an HTML page (a proxy's) is named, not quoted. */
export function serverText(body: unknown): string | undefined {
  let text: string | undefined;
  if (typeof body === 'string') text = /^\s*</.test(body) ? 'an HTML page instead of JSON (a proxy or login page?)' : body.trim();
  else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail']) if (typeof b[key] === 'string') { text = b[key] as string; break; }
  }
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function errorFromResponse(ctx: ErrorContext): LangfuseError {
  const text = serverText(ctx.body) ?? '';
  const init = { status: ctx.status, request: ctx.request, serverMessage: text || undefined };
  const key = shortPublicKey(ctx.publicKey);
  const said = text ? ` (Langfuse: "${text}")` : '';

  if (/Are you using an organization key\?|insufficient permissions for this endpoint/.test(text)) {
    return new WrongKeyKindError('project', `${ctx.request} needs a project API key, but ${key} is an organization key${said}. Use a key created in the project's Settings → API Keys.`, { ...init, hint: 'Organization keys manage projects, members and keys; project keys read and write project data.' });
  }
  if (/Organization-scoped API key required/.test(text)) {
    return new WrongKeyKindError('organization', `${ctx.request} needs an organization API key, but ${key} is a project key${said}. Create an organization key in Organization Settings → API Keys (organization owners only) and connect with it.`, { ...init, hint: 'Project keys cannot manage members, projects or other keys — not even their own rotation.' });
  }
  switch (ctx.status) {
    case 401:
      return new UnauthorizedError(`Langfuse at ${ctx.host} rejected the key pair ${key}${said}. The secret key is wrong, the key was revoked or its project deleted, or the key belongs to another region or instance. Check the base URL, then paste a current key pair.`, { ...init, hint: 'If the key was revoked, create a new key pair in the right project or organization.' });
    case 403:
      return forbidden(ctx, text, init, said);
    case 404: {
      const gone = endpointGone(ctx.body, text);
      if (gone) {
        const instead = gone.replacement ? ` Langfuse names its replacement: ${gone.replacement}.` : '';
        return new UnsupportedError(`Langfuse at ${ctx.host} does not serve ${ctx.request} on this version (404): "${text}".${instead}`, { ...init, replacement: gone.replacement });
      }
      return new NotFoundError(`${text || 'Not found'} (${ctx.request}). It may have been deleted or belong to another organization; refresh and try again.`, init);
    }
    case 405:
      return new UnsupportedError(`Langfuse at ${ctx.host} does not offer ${ctx.request} (405). The server may run a Langfuse version this tool does not support; check its version with GET /api/public/health.`, init);
    case 409:
      return new ConflictError(`${text || 'Conflict'} (${ctx.request}). Pick a different value, or use the existing object.`, init);
    case 429: {
      const after = ctx.retryAfterMs !== undefined ? ` Retry after ${Math.ceil(ctx.retryAfterMs / 1000)} s.` : ' Wait a minute and retry.';
      return new RateLimitedError(ctx.retryAfterMs, `Langfuse's rate limit for this organization is exhausted (${ctx.request}).${after} The limit is shared by all keys of the organization.`, init);
    }
    default:
      break;
  }
  if (ctx.status === 400) {
    const field = validationField(ctx.body, text);
    return new ValidationError(field, `Langfuse refused ${ctx.request}: ${text || 'invalid request'}${field ? ` (field "${field}")` : ''}. Correct the value and try again.`, init);
  }
  if (ctx.status >= 500) {
    return new ServerError(`Langfuse at ${ctx.host} failed with ${ctx.status} on ${ctx.request}. Try again in a moment; if it keeps failing, check the server's health and logs.`, init);
  }
  return new ServerError(`Langfuse at ${ctx.host} answered ${ctx.status} on ${ctx.request}${said}, which this tool does not expect.`, init);
}

/**
 * A 404 that explains itself: the endpoint is not available on this server, not "this object does
 * not exist". Langfuse v4 in its default events_only write mode answers the v3 trace routes this way,
 * with a `_deprecation` object naming the replacement (`rejectInEventsOnlyMode` in
 * web/src/features/public-api/server/createAuthedProjectAPIRoute.ts and deprecations.ts, langfuse/langfuse
 * at 62751446149b702b419a9292ddfc2280cdf74b8c; https://langfuse.com/docs/v4).
 */
function endpointGone(body: unknown, text: string): { replacement?: string } | undefined {
  const deprecation = body && typeof body === 'object' ? (body as Record<string, unknown>)._deprecation : undefined;
  if (deprecation && typeof deprecation === 'object') {
    const replacement = (deprecation as Record<string, unknown>).replacement;
    return { replacement: typeof replacement === 'string' ? replacement.slice(0, 200) : undefined };
  }
  return /\bnot available\b|\bdeprecated\b|\bno longer (available|supported)\b|\bhas been removed\b/i.test(text) ? {} : undefined;
}

function forbidden(ctx: ErrorContext, text: string, init: { status: number; request: string; serverMessage?: string }, said: string): LangfuseError {
  if (/not available on your current plan/.test(text)) {
    return new PlanGateError('admin-api', `The organization's plan does not include the Admin API (entitlement "admin-api"), which ${ctx.request} needs. It comes with ${PLANS_WITH_ADMIN_API}. Upgrade the plan, or manage members and keys in the Langfuse UI. A plan change can take up to 5 minutes to reach the API.`, { ...init, hint: 'On self-hosted Langfuse, set LANGFUSE_EE_LICENSE_KEY to an Enterprise licence (langfuse_ee_…).' });
  }
  if (/does not include project role management/.test(text)) {
    return new PlanGateError('rbac-project-roles', `Project-level roles need the "rbac-project-roles" entitlement, which comes with ${PLANS_WITH_ADMIN_API}. Manage access with organization roles instead, or upgrade the plan.`, init);
  }
  if (/data-retention entitlement/.test(text)) {
    return new PlanGateError('data-retention', 'A retention period needs the "data-retention" entitlement (Cloud Pro, Cloud Team, Cloud Enterprise, Self-hosted Enterprise). Leave retention unset, or upgrade the plan.', init);
  }
  if (/last owner/i.test(text)) {
    return new ForbiddenError(`${text} Make someone else an owner first.`, init);
  }
  return new ForbiddenError(`Langfuse refused ${ctx.request}${said}. Ask an organization owner for access.`, init);
}

function validationField(body: unknown, text: string): string | undefined {
  if (body && typeof body === 'object') {
    const details = (body as Record<string, unknown>).details;
    if (Array.isArray(details)) {
      const path = (details[0] as { path?: unknown[] } | undefined)?.path;
      if (Array.isArray(path) && path.length) return String(path[0]);
    } else if (details && typeof details === 'object') {
      const field = Object.keys(details).find(k => k !== '_errors');
      if (field) return field;
    }
  }
  const known: [RegExp, string][] = [
    [/project name/i, 'name'], [/metadata/i, 'metadata'], [/retention/i, 'retention'], [/publicKey/, 'publicKey'],
    [/secretKey/, 'secretKey'], [/userName/, 'userName'], [/roles/i, 'roles'], [/projectId/, 'projectId'], [/Invalid JSON/i, 'body'],
  ];
  return known.find(([re]) => re.test(text))?.[1];
}
