// The access-as-code sections of `.langfuse/access.yaml`: who holds which role, which project keys
// exist and where their secrets go. Roles are spelled as Langfuse spells them (docs/langfuse-behaviour.md
// §4); a project role NONE is an explicit "no access" that overrides the organization role, which is
// not the same as having no project role (§2.3). Keys are matched by their note. media/schemas/
// access.schema.json describes the same shape; test/unit/access/schema.test.ts keeps the two in step.
import * as z from '../zod';
import { ROLES } from '../langfuse/roles';
import { l10n } from '../l10n/l10n';

const Role = z.enum(ROLES);
const email = z.string().check(z.email({ error: () => l10n.t('must be an e-mail address') }));

export const DeclaredMember = z.strictObject({ email, role: Role });
export type DeclaredMember = z.infer<typeof DeclaredMember>;

/** Target syntax of the rotation: `secretstorage`, `env:PATH`, `aws-sm:ID`, `pass:ENTRY`, `vault:MOUNT/PATH`. */
const store = z.string().check(z.regex(/^(secretstorage(:.+)?|env:.+|aws-sm:.+|pass:.+|vault:.+\/.+)$/, { error: () => l10n.t('must be a store: secretstorage, env:PATH, aws-sm:SECRET_ID, pass:ENTRY or vault:MOUNT/PATH') }));

export const DeclaredKey = z.strictObject({
  /** Keys are matched by note: the note in Langfuse must be exactly this. */
  note: z.string().check(z.minLength(1, { error: () => l10n.t('must not be empty') }), z.maxLength(200, { error: () => l10n.t('must be at most 200 characters (Langfuse keeps notes short)') })),
  /** An environment of this file (its `files` use the key). */
  environment: z.optional(z.string().check(z.minLength(1, { error: () => l10n.t('must not be empty') }))),
  /** Where the secret goes when the key is created or rotated. */
  stores: z.array(store),
  maxAgeDays: z.optional(z.int().check(z.positive({ error: () => l10n.t('must be a positive number of days') }))),
  /** `auto`: an overdue key is rotated by apply; `manual`: an overdue key is only a warning. */
  rotate: z.enum(['manual', 'auto']),
});
export type DeclaredKey = z.infer<typeof DeclaredKey>;

export const DeclaredOrganization = z.strictObject({
  /** true: members not listed drift to removal; false (default): they are reported as unmanaged. */
  exhaustive: z.optional(z.boolean()),
  members: z.optional(z.array(DeclaredMember)),
});
export type DeclaredOrganization = z.infer<typeof DeclaredOrganization>;

export const DeclaredProject = z.strictObject({
  /** true: project roles and keys not listed drift to removal; false (default): unmanaged. */
  exhaustive: z.optional(z.boolean()),
  /** Project roles (overrides of the organization role), NONE included. */
  members: z.optional(z.array(DeclaredMember)),
  keys: z.optional(z.array(DeclaredKey)),
});
export type DeclaredProject = z.infer<typeof DeclaredProject>;

/** The two optional sections, as they sit in the access file. */
export const DeclarationSections = {
  organization: z.optional(DeclaredOrganization),
  projects: z.optional(z.record(z.string().check(z.minLength(1, { error: () => l10n.t('project names must not be empty') })), DeclaredProject)),
};

export interface Declaration {
  organization?: DeclaredOrganization;
  projects?: Record<string, DeclaredProject>;
}

/** True when the file declares anything to plan (an access file may hold environments only). */
export function declaresAccess(d: Declaration): boolean {
  return d.organization !== undefined || (d.projects !== undefined && Object.keys(d.projects).length > 0);
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
