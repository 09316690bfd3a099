import { authenticate, type Scope } from '../http/auth';
import { hasEntitlement } from '../http/plans';
import { ORG_KEY_REQUIRED, PLAN_GATE, error, message, scimError } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';

/** Which key a route family puts its error text under. */
export type ErrorStyle = 'message' | 'error' | 'scim';

export function fail(style: ErrorStyle, status: number, text: string): SandboxResponse {
  if (style === 'scim') return scimError(status, text);
  return style === 'error' ? error(status, text) : message(status, text);
}

export interface OrgGuardOptions {
  style: ErrorStyle;
  /** admin-api gate (off for SCIM discovery). */
  adminApi?: boolean;
  /** rbac-project-roles gate, checked before admin-api (project memberships). */
  projectRoles?: boolean;
  /** Consumes the organization's public-api rate bucket (Cloud only). */
  rateLimited?: boolean;
}

/** Authentication, organization-key check, plan gates and rate limit, in Langfuse's order. */
export function requireOrgKey(req: SandboxRequest, ctx: RouteContext, opts: OrgGuardOptions): Scope | SandboxResponse {
  const auth = authenticate(req.headers, ctx.store);
  if (!auth.ok) return fail(opts.style, 401, auth.message);
  if (auth.scope.accessLevel !== 'organization') return fail(opts.style, 403, ORG_KEY_REQUIRED);
  const plan = ctx.store.org.plan;
  if (opts.projectRoles && !hasEntitlement(plan, 'rbac-project-roles')) return error(403, 'Your plan does not include project role management.');
  if (opts.adminApi !== false && !hasEntitlement(plan, 'admin-api')) {
    return opts.style === 'scim' ? scimError(403, PLAN_GATE) : error(403, PLAN_GATE);
  }
  if (opts.rateLimited) {
    const limited = ctx.rateLimit(auth.scope.orgId);
    if (limited) return limited;
  }
  return auth.scope;
}

/** Project data routes (createAuthedProjectAPIRoute): project keys only. */
export function requireProjectKey(req: SandboxRequest, ctx: RouteContext): Scope | SandboxResponse {
  const auth = authenticate(req.headers, ctx.store);
  if (!auth.ok) return message(401, auth.message);
  if (auth.scope.accessLevel !== 'project' || !auth.scope.projectId) return message(403, 'Access denied - insufficient permissions for this endpoint');
  return auth.scope;
}

export function isResponse(v: Scope | SandboxResponse): v is SandboxResponse {
  return 'status' in v;
}

export function methodNotAllowed(style: ErrorStyle, text = 'Method not allowed'): SandboxResponse {
  return fail(style, 405, text);
}

export function bodyObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? body as Record<string, unknown> : {};
}
