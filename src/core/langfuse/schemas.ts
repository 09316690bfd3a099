// zod/mini schemas for every answer the client reads (docs/langfuse-behaviour.md §2 and the recordings, which win over
// openapi.yml). Objects are not strict: an extra field from a newer server is tolerated, a missing
// or mistyped one is a SchemaError.
import * as z from '../zod';
import { ROLES } from './roles';

export const RoleSchema = z.enum(ROLES);

const Metadata = z.nullable(z.record(z.string(), z.unknown()));

export const WhoAmIProject = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  metadata: z.optional(Metadata),
  retentionDays: z.optional(z.nullable(z.number())),
});
export const WhoAmIResponse = z.object({ data: z.array(WhoAmIProject) });

export const OrganizationProject = z.object({
  id: z.string(),
  name: z.string(),
  metadata: Metadata,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const OrganizationProjectsResponse = z.object({ projects: z.array(OrganizationProject) });

/** POST/PUT /projects answer: no organization, metadata defaults to {}. */
export const SavedProject = z.object({
  id: z.string(),
  name: z.string(),
  metadata: Metadata,
  retentionDays: z.optional(z.nullable(z.number())),
});
export const DeleteProjectResponse = z.object({ success: z.boolean(), message: z.optional(z.string()) });

export const Membership = z.object({
  userId: z.string(),
  role: RoleSchema,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
});
export const MembershipsResponse = z.object({ memberships: z.array(Membership) });
export const MembershipDeleted = z.object({ message: z.string(), userId: z.string() });

export const ApiKeySummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** Never set or enforced by Langfuse. */
  expiresAt: z.nullable(z.string()),
  /** Never written by Langfuse: do not use it to find unused keys. */
  lastUsedAt: z.nullable(z.string()),
  note: z.nullable(z.string()),
  publicKey: z.string(),
  displaySecretKey: z.string(),
});
export const ApiKeysResponse = z.object({ apiKeys: z.array(ApiKeySummary) });
export const CreatedApiKey = z.object({
  id: z.string(),
  createdAt: z.string(),
  note: z.nullable(z.string()),
  publicKey: z.string(),
  secretKey: z.string(),
  displaySecretKey: z.string(),
});
export const SuccessResponse = z.object({ success: z.boolean() });

export const ScimUser = z.object({
  id: z.string(),
  userName: z.string(),
  name: z.optional(z.object({ formatted: z.optional(z.nullable(z.string())) })),
  emails: z.optional(z.array(z.object({ value: z.string(), primary: z.optional(z.boolean()), type: z.optional(z.string()) }))),
  meta: z.object({ resourceType: z.string(), created: z.optional(z.string()), lastModified: z.optional(z.string()) }),
});
export const ScimListResponse = z.object({
  totalResults: z.number(),
  startIndex: z.number(),
  itemsPerPage: z.number(),
  Resources: z.array(ScimUser),
});

export const HealthResponse = z.object({ status: z.string(), version: z.optional(z.string()) });

export const Trace = z.object({
  id: z.string(),
  timestamp: z.string(),
  name: z.nullable(z.string()),
  userId: z.optional(z.nullable(z.string())),
  sessionId: z.optional(z.nullable(z.string())),
  release: z.optional(z.nullable(z.string())),
  version: z.optional(z.nullable(z.string())),
  tags: z.optional(z.array(z.string())),
  environment: z.optional(z.string()),
});
export const TracesResponse = z.object({
  data: z.array(Trace),
  meta: z.object({ page: z.number(), limit: z.number(), totalItems: z.number(), totalPages: z.number() }),
});
export const IngestionResponse = z.object({
  successes: z.array(z.object({ id: z.string(), status: z.number() })),
  errors: z.array(z.object({ id: z.string(), status: z.number(), message: z.optional(z.nullable(z.string())), error: z.optional(z.unknown()) })),
});

/** One item of `GET /api/public/v2/observations`; only the `core` field group is always there. */
export const ObservationV2 = z.object({
  id: z.string(),
  traceId: z.optional(z.nullable(z.string())),
  startTime: z.string(),
  endTime: z.optional(z.nullable(z.string())),
  projectId: z.string(),
  parentObservationId: z.optional(z.nullable(z.string())),
  type: z.string(),
});
export const ObservationsV2Response = z.object({
  data: z.array(ObservationV2),
  meta: z.object({ cursor: z.optional(z.nullable(z.string())) }),
});

export type WhoAmIProject = z.infer<typeof WhoAmIProject>;
export type OrganizationProject = z.infer<typeof OrganizationProject>;
export type SavedProject = z.infer<typeof SavedProject>;
export type Membership = z.infer<typeof Membership>;
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
export type ScimUser = z.infer<typeof ScimUser>;
export type Trace = z.infer<typeof Trace>;
export type Health = z.infer<typeof HealthResponse>;
export type ObservationV2 = z.infer<typeof ObservationV2>;
