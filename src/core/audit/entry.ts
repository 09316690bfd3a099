import * as z from '../zod';

export const AUDIT_SCHEMA_VERSION = 1;
/** `prev` of the first entry in a log. */
export const GENESIS_HASH = '0'.repeat(64);

export const AuditOutcome = z.enum(['success', 'failure', 'refused', 'started', 'cancelled']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditActor = z.object({
  /** The acting identity (setting `langfuseAccess.actingAs`, git email, or OS user). */
  identity: z.string(),
  machine: z.string(),
  tool: z.enum(['extension', 'cli', 'sandbox', 'test']),
  version: z.string(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditResource = z.object({
  /** e.g. connection, organization, project, member, projectMembership, apiKey, rotation, finding, sink. */
  kind: z.string(),
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  project: z.optional(z.string()),
  organization: z.optional(z.string()),
  connection: z.optional(z.string()),
  host: z.optional(z.string()),
});
export type AuditResource = z.infer<typeof AuditResource>;

/** What a caller supplies; the writer adds seq, time, prev and hash. */
export interface AuditEvent {
  action: string;
  resource: AuditResource;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  actor?: Partial<AuditActor>;
}

export const AuditEntry = z.object({
  v: z.literal(AUDIT_SCHEMA_VERSION),
  seq: z.number(),
  time: z.string(),
  actor: AuditActor,
  action: z.string(),
  resource: AuditResource,
  outcome: AuditOutcome,
  details: z.record(z.string(), z.unknown()),
  prev: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
