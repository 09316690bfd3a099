// Public entry of the Langfuse access client, part of the shared chunk dist/chunks/core.js.
export { createLangfuseClient, DEFAULT_MAX_CONCURRENCY, type LangfuseClient, type LangfuseClientOptions } from './client';
export { detectCapabilities, type Capabilities } from './capabilities';
export {
  AmbiguousCreateError, ConflictError, ForbiddenError, InsecureUrlError, InvalidKeyError, isLangfuseError, LangfuseError,
  NetworkError, NotFoundError, PlanGateError, RateLimitedError, RedirectError, SchemaError, ServerError, TimeoutError,
  UnauthorizedError, UnsupportedError, ValidationError, WrongKeyKindError,
  type Entitlement, type KeyKind, type LangfuseErrorKind,
} from './errors';
export { errorFromResponse, PLANS_WITH_ADMIN_API, plansWithAdminApi, serverText } from './errorMapping';
export { closeAllHostGates } from './http/hostGate';
export { generateKeyPair } from './keys';
export { loadOrganizationSnapshot, type OrganizationSnapshot, type ProjectSnapshot } from './organizationSnapshot';
export { CLOUD_REGIONS, cloudRegionOf, type CloudRegion, type CloudRegionId } from './regions';
export * from './roles';
export type { ProjectInput } from './resources/projects';
export type { CreateKeyInput } from './resources/projectApiKeys';
export type { ScimCreateInput } from './resources/scimUsers';
export type {
  ApiKeySummary, CreatedApiKey, Health, Membership, ObservationV2, OrganizationProject, SavedProject, ScimUser, Trace, WhoAmIProject,
} from './schemas';
export { validateBaseUrl, validateKeyPair, type ValidatedBaseUrl } from './url';
export { parseServerVersion, traceReadPaths, type ServerVersion, type TraceReadPath } from './serverVersion';
export type { ObservationsV2Query } from './resources/observations';
