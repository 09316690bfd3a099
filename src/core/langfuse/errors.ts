// What can go wrong talking to Langfuse, as a small hierarchy a user can act on. Every message names
// the next step; none carries a secret (messages are passed through redactText as a last guard).
import { redactText } from '../log/redact';

export type LangfuseErrorKind =
  | 'unauthorized' | 'wrongKeyKind' | 'planGate' | 'forbidden' | 'notFound' | 'conflict' | 'validation'
  | 'rateLimited' | 'server' | 'timeout' | 'schema' | 'network' | 'insecureUrl' | 'redirect'
  | 'invalidKey' | 'unsupported' | 'ambiguousCreate';

export interface LangfuseErrorInit {
  status?: number;
  hint?: string;
  /** `GET /api/public/projects` — never with credentials. */
  request?: string;
  /** The server's own text (`message` / `error` / SCIM `detail`), when there was one. */
  serverMessage?: string;
  cause?: unknown;
}

export class LangfuseError extends Error {
  readonly status: number | undefined;
  readonly hint: string;
  readonly request: string | undefined;
  readonly serverMessage: string | undefined;

  constructor(readonly kind: LangfuseErrorKind, message: string, init: LangfuseErrorInit = {}) {
    super(redactText(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.hint = redactText(init.hint ?? '');
    this.request = init.request;
    this.serverMessage = init.serverMessage === undefined ? undefined : redactText(init.serverMessage);
  }
}

/** 401: wrong secret, revoked or deleted key, or a key of another region/instance. */
export class UnauthorizedError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('unauthorized', message, init); }
}

export type KeyKind = 'project' | 'organization';

/** A project key where an organization key is needed, or the other way round. */
export class WrongKeyKindError extends LangfuseError {
  constructor(readonly needed: KeyKind, message: string, init?: LangfuseErrorInit) { super('wrongKeyKind', message, init); }
}

export type Entitlement = 'admin-api' | 'rbac-project-roles' | 'data-retention';

/** The organization's plan lacks an entitlement. */
export class PlanGateError extends LangfuseError {
  constructor(readonly entitlement: Entitlement, message: string, init?: LangfuseErrorInit) { super('planGate', message, init); }
}

/** Any other refusal, e.g. SCIM's "last owner" guard. */
export class ForbiddenError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('forbidden', message, init); }
}

export class NotFoundError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('notFound', message, init); }
}

export class ConflictError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('conflict', message, init); }
}

/** 400: the request was refused; `field` names the offending input when known. */
export class ValidationError extends LangfuseError {
  constructor(readonly field: string | undefined, message: string, init?: LangfuseErrorInit) { super('validation', message, init); }
}

export class RateLimitedError extends LangfuseError {
  constructor(readonly retryAfterMs: number | undefined, message: string, init?: LangfuseErrorInit) { super('rateLimited', message, init); }
}

export class ServerError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('server', message, init); }
}

export class TimeoutError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('timeout', message, init); }
}

/** The answer did not have the shape this version of the tool knows. */
export class SchemaError extends LangfuseError {
  constructor(readonly issues: string[], message: string, init?: LangfuseErrorInit) { super('schema', message, init); }
}

export class NetworkError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('network', message, init); }
}

export class InsecureUrlError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('insecureUrl', message, init); }
}

/** The server redirected to another origin; credentials are never sent there. */
export class RedirectError extends LangfuseError {
  constructor(readonly location: string, message: string, init?: LangfuseErrorInit) { super('redirect', message, init); }
}

/** A key that cannot be sent at all (e.g. contains ":"), refused before any request. */
export class InvalidKeyError extends LangfuseError {
  constructor(message: string, init?: LangfuseErrorInit) { super('invalidKey', message, init); }
}

/**
 * The server does not offer this endpoint or method: a 405, or a 404 whose body explains that the
 * endpoint is gone on this Langfuse version (not that an object was deleted). `replacement` is the
 * endpoint Langfuse names instead, when it names one.
 */
export class UnsupportedError extends LangfuseError {
  readonly replacement: string | undefined;
  constructor(message: string, init?: LangfuseErrorInit & { replacement?: string }) {
    super('unsupported', message, init);
    this.replacement = init?.replacement;
  }
}

/**
 * A create request failed in a way that leaves open whether the object exists, and looking it up
 * could not settle it. `candidates` are the ids that may be the orphan.
 */
export class AmbiguousCreateError extends LangfuseError {
  constructor(readonly candidates: string[], message: string, init?: LangfuseErrorInit) { super('ambiguousCreate', message, init); }
}

export function isLangfuseError(err: unknown): err is LangfuseError {
  return err instanceof LangfuseError;
}
