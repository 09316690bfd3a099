// Maps a Langfuse error answer (status + body) to a typed error whose message says what to do next.
// The server's text is read from `message`, `error` or SCIM `detail`, or a plain-text body.
import { l10n } from '../l10n/l10n';
import { shortPublicKey } from '../log/redact';
import {
  ConflictError, ForbiddenError, LangfuseError, NotFoundError, PlanGateError, RateLimitedError, ServerError,
  UnauthorizedError, UnsupportedError, ValidationError, WrongKeyKindError,
} from './errors';

/** The plans with the Admin API, as a noun phrase for a sentence's {n} (translated when shown). */
export function plansWithAdminApi(): string {
  return l10n.t('Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise');
}

/**
 * @deprecated The English phrase, kept for callers outside this folder until they move to
 * `plansWithAdminApi()` (a module constant cannot follow the translator installed after import).
 */
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
  if (typeof body === 'string') text = /^\s*</.test(body) ? l10n.t('an HTML page instead of JSON (a proxy or login page?)') : body.trim();
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

  if (/Are you using an organization key\?|insufficient permissions for this endpoint/.test(text)) {
    const message = l10n.t('{0} needs a project API key, but {1} is an organization key (Langfuse: "{2}"). Use a key created in the project\'s Settings → API Keys.', ctx.request, key, text);
    return new WrongKeyKindError('project', message, { ...init, hint: l10n.t('Organization keys manage projects, members and keys; project keys read and write project data.') });
  }
  if (/Organization-scoped API key required/.test(text)) {
    const message = l10n.t('{0} needs an organization API key, but {1} is a project key (Langfuse: "{2}"). Create an organization key in Organization Settings → API Keys (organization owners only) and connect with it.', ctx.request, key, text);
    return new WrongKeyKindError('organization', message, { ...init, hint: l10n.t('Project keys cannot manage members, projects or other keys — not even their own rotation.') });
  }
  switch (ctx.status) {
    case 401:
      return new UnauthorizedError(text
        ? l10n.t('Langfuse at {0} rejected the key pair {1} (Langfuse: "{2}"). The secret key is wrong, the key was revoked or its project deleted, or the key belongs to another region or instance. Check the base URL, then paste a current key pair.', ctx.host, key, text)
        : l10n.t('Langfuse at {0} rejected the key pair {1}. The secret key is wrong, the key was revoked or its project deleted, or the key belongs to another region or instance. Check the base URL, then paste a current key pair.', ctx.host, key),
      { ...init, hint: l10n.t('If the key was revoked, create a new key pair in the right project or organization.') });
    case 403:
      return forbidden(ctx, text, init);
    case 404: {
      const gone = endpointGone(ctx.body, text);
      if (gone) {
        return new UnsupportedError(gone.replacement
          ? l10n.t('Langfuse at {0} does not serve {1} on this version (404): "{2}". Langfuse names its replacement: {3}.', ctx.host, ctx.request, text, gone.replacement)
          : l10n.t('Langfuse at {0} does not serve {1} on this version (404): "{2}".', ctx.host, ctx.request, text), { ...init, replacement: gone.replacement });
      }
      return new NotFoundError(text
        ? l10n.t('{0} ({1}). It may have been deleted or belong to another organization; refresh and try again.', text, ctx.request)
        : l10n.t('Not found ({0}). It may have been deleted or belong to another organization; refresh and try again.', ctx.request), init);
    }
    case 405:
      return new UnsupportedError(l10n.t('Langfuse at {0} does not offer {1} (405). The server may run a Langfuse version this tool does not support; check its version with GET /api/public/health.', ctx.host, ctx.request), init);
    case 409:
      return new ConflictError(text
        ? l10n.t('{0} ({1}). Pick a different value, or use the existing object.', text, ctx.request)
        : l10n.t('Conflict ({0}). Pick a different value, or use the existing object.', ctx.request), init);
    case 429:
      return new RateLimitedError(ctx.retryAfterMs, ctx.retryAfterMs !== undefined
        ? l10n.t('Langfuse\'s rate limit for this organization is exhausted ({0}). Retry after {1} s. The limit is shared by all keys of the organization.', ctx.request, Math.ceil(ctx.retryAfterMs / 1000))
        : l10n.t('Langfuse\'s rate limit for this organization is exhausted ({0}). Wait a minute and retry. The limit is shared by all keys of the organization.', ctx.request), init);
    default:
      break;
  }
  if (ctx.status === 400) {
    const field = validationField(ctx.body, text);
    return new ValidationError(field, validationMessage(ctx.request, text, field), init);
  }
  if (ctx.status >= 500) {
    return new ServerError(l10n.t('Langfuse at {0} failed with {1} on {2}. Try again in a moment; if it keeps failing, check the server\'s health and logs.', ctx.host, ctx.status, ctx.request), init);
  }
  return new ServerError(text
    ? l10n.t('Langfuse at {0} answered {1} on {2} (Langfuse: "{3}"), which this tool does not expect.', ctx.host, ctx.status, ctx.request, text)
    : l10n.t('Langfuse at {0} answered {1} on {2}, which this tool does not expect.', ctx.host, ctx.status, ctx.request), init);
}

function validationMessage(request: string, text: string, field: string | undefined): string {
  if (text) {
    return field
      ? l10n.t('Langfuse refused {0}: {1} (field "{2}"). Correct the value and try again.', request, text, field)
      : l10n.t('Langfuse refused {0}: {1}. Correct the value and try again.', request, text);
  }
  return field
    ? l10n.t('Langfuse refused {0}: invalid request (field "{1}"). Correct the value and try again.', request, field)
    : l10n.t('Langfuse refused {0}: invalid request. Correct the value and try again.', request);
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

function forbidden(ctx: ErrorContext, text: string, init: { status: number; request: string; serverMessage?: string }): LangfuseError {
  if (/not available on your current plan/.test(text)) {
    return new PlanGateError('admin-api', l10n.t('The organization\'s plan does not include the Admin API (entitlement "admin-api"), which {0} needs. It comes with {1}. Upgrade the plan, or manage members and keys in the Langfuse UI. A plan change can take up to 5 minutes to reach the API.', ctx.request, plansWithAdminApi()),
      { ...init, hint: l10n.t('On self-hosted Langfuse, set {0} to an Enterprise licence (langfuse_ee_…).', 'LANGFUSE_EE_LICENSE_KEY') });
  }
  if (/does not include project role management/.test(text)) {
    return new PlanGateError('rbac-project-roles', l10n.t('Project-level roles need the "rbac-project-roles" entitlement, which comes with {0}. Manage access with organization roles instead, or upgrade the plan.', plansWithAdminApi()), init);
  }
  if (/data-retention entitlement/.test(text)) {
    return new PlanGateError('data-retention', l10n.t('A retention period needs the "data-retention" entitlement (Cloud Pro, Cloud Team, Cloud Enterprise, Self-hosted Enterprise). Leave retention unset, or upgrade the plan.'), init);
  }
  if (/last owner/i.test(text)) {
    return new ForbiddenError(l10n.t('{0} Make someone else an owner first.', text), init);
  }
  return new ForbiddenError(text
    ? l10n.t('Langfuse refused {0} (Langfuse: "{1}"). Ask an organization owner for access.', ctx.request, text)
    : l10n.t('Langfuse refused {0}. Ask an organization owner for access.', ctx.request), init);
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
