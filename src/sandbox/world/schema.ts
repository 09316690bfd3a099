// The shape of a sandbox world file (YAML). A world is the whole content of one Langfuse
// organization as the sandbox serves it; it is also the shape of the --state file, so a saved state
// can be started again as a world.
//
//   organization:      { id, name, plan: team | enterprise | oss }
//                      team = Langfuse Cloud Team (admin-api, rbac-project-roles, rate limits),
//                      enterprise = self-hosted Enterprise (also enables the instance Admin API),
//                      oss = self-hosted without licence (every admin endpoint answers the plan gate)
//   asOf:              optional instant the world's timestamps are written for: the sandbox moves them
//                      all by (its start − asOf), so keys and users keep their ages on any date. Without
//                      it (a --state file, most world files) timestamps are taken as they are.
//   serverVersion:     what GET /api/public/health reports (default 4.16.0); the sandbox behaves like that
//                      major version: 4.x runs Langfuse v4's default events_only mode (the v3 trace
//                      routes answer as a real 4.16.0 does, tracing data is read via v2 observations),
//                      3.x serves the v3 trace routes and no v2 observations
//   adminApiKey:       the instance ADMIN_API_KEY for /api/admin/* (optional)
//   rateLimitPerMinute: public-api bucket per organization; default 1000 on team, none self-hosted
//   users:             [{ id, email, name, createdAt? }] — users need not belong to the organization
//   organizationMemberships: [{ userId, role }]
//   projects:          [{ id, name, metadata?, retentionDays?, createdAt?, updatedAt? }]
//   projectMemberships: [{ projectId, userId, role }] — explicit project-level roles (overrides)
//   apiKeys:           [{ id, scope: ORGANIZATION | PROJECT, projectId? (PROJECT only), publicKey,
//                        secretKey, note?, createdAt }]
import * as z from '../../core/zod';

export const Role = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'NONE']);
export type Role = z.infer<typeof Role>;

export const Plan = z.enum(['team', 'enterprise', 'oss']);
export type Plan = z.infer<typeof Plan>;

const IsoDate = z.iso.datetime();

export const WorldUser = z.object({
  id: z.string().check(z.minLength(1)),
  email: z.string().check(z.minLength(3)),
  name: z.nullable(z.string()),
  createdAt: z.optional(IsoDate),
});

export const WorldProject = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(3), z.maxLength(60)),
  metadata: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  retentionDays: z.optional(z.nullable(z.int())),
  createdAt: z.optional(IsoDate),
  updatedAt: z.optional(IsoDate),
  deletedAt: z.optional(z.nullable(IsoDate)),
});

export const WorldApiKey = z.object({
  id: z.string().check(z.minLength(1)),
  scope: z.enum(['ORGANIZATION', 'PROJECT']),
  projectId: z.optional(z.string()),
  publicKey: z.string().check(z.startsWith('pk-lf-')),
  secretKey: z.string().check(z.startsWith('sk-lf-')),
  note: z.optional(z.nullable(z.string())),
  createdAt: IsoDate,
});

export const WorldTrace = z.object({
  id: z.string(),
  projectId: z.string(),
  timestamp: IsoDate,
  name: z.nullable(z.string()),
  userId: z.nullable(z.string()),
  sessionId: z.nullable(z.string()),
  release: z.nullable(z.string()),
  version: z.nullable(z.string()),
  input: z.unknown(),
  output: z.unknown(),
  metadata: z.unknown(),
  tags: z.array(z.string()),
  public: z.boolean(),
  environment: z.string(),
});

/** Tracing data as Langfuse v4 stores it (one row per observation), read via GET /api/public/v2/observations. */
export const WorldObservation = z.object({
  id: z.string(),
  traceId: z.nullable(z.string()),
  projectId: z.string(),
  type: z.string(),
  name: z.nullable(z.string()),
  startTime: IsoDate,
  endTime: z.nullable(IsoDate),
  parentObservationId: z._default(z.nullable(z.string()), null),
  environment: z._default(z.string(), 'default'),
});

export const World = z.object({
  organization: z.object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    plan: z._default(Plan, 'team'),
  }),
  asOf: z.optional(IsoDate),
  serverVersion: z._default(z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'a version like 4.16.0')), '4.16.0'),
  adminApiKey: z.optional(z.string().check(z.minLength(8))),
  rateLimitPerMinute: z.optional(z.nullable(z.int().check(z.positive()))),
  users: z.array(WorldUser),
  organizationMemberships: z.array(z.object({ userId: z.string(), role: Role })),
  projects: z.array(WorldProject),
  projectMemberships: z._default(z.array(z.object({ projectId: z.string(), userId: z.string(), role: Role })), []),
  apiKeys: z.array(WorldApiKey),
  traces: z.optional(z.array(WorldTrace)),
  observations: z.optional(z.array(WorldObservation)),
});
export type World = z.infer<typeof World>;
export type WorldUser = z.infer<typeof WorldUser>;
export type WorldProject = z.infer<typeof WorldProject>;
export type WorldApiKey = z.infer<typeof WorldApiKey>;
export type WorldTrace = z.infer<typeof WorldTrace>;
export type WorldObservation = z.infer<typeof WorldObservation>;
