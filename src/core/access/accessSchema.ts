// The workspace access file `.langfuse/access.yaml`. media/schemas/access.schema.json describes the
// same shape for editors (yamlValidation); test/unit/access/schema.test.ts keeps the two in step.
// Hosts are deliberately absent: the file names a connection and the user's settings say where it points.
import * as z from '../zod';
import { DeclarationSections } from '../accessAsCode/declaration';
import { l10n } from '../l10n/l10n';

export const ACCESS_DIR = '.langfuse';
export const ACCESS_FILE_NAME = 'access.yaml';
const nonEmpty = z.string().check(z.minLength(1, { error: () => l10n.t('must not be empty') }));
const publicKey = z.string().check(z.regex(/^pk-lf-[^\s:]+$/, { error: () => l10n.t('must be a public key starting "pk-lf-" (public keys only: never put a secret key here)') }));

export const AccessEnvironment = z.strictObject({
  project: nonEmpty,
  files: z.optional(z.array(nonEmpty)),
  publicKeys: z.optional(z.array(publicKey)),
  keyPrefix: z.optional(z.string().check(z.regex(/^pk-lf-[^\s:]+$/, { error: () => l10n.t('must start "pk-lf-" and say more than "pk-lf-" alone, e.g. "pk-lf-prod-"') }))),
  writers: z.optional(z.array(z.string().check(z.email({ error: () => l10n.t('must be an e-mail address') })))),
});
export type AccessEnvironment = z.infer<typeof AccessEnvironment>;

export const AccessIgnoreEntry = z.strictObject({
  file: nonEmpty,
  rule: nonEmpty,
  reason: nonEmpty,
});
export type AccessIgnoreEntry = z.infer<typeof AccessIgnoreEntry>;

export const AccessConfig = z.strictObject({
  version: z.literal(1, { error: () => l10n.t('must be 1') }),
  connection: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: () => l10n.t('must be a connection id: lower-case letters, digits and dashes') }))),
  // Optional since the access-as-code sections: a file may declare access only. Absent means none.
  environments: z._default(z.record(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: () => l10n.t('environment names use letters, digits, ".", "_" and "-"') })), AccessEnvironment), {}),
  rotation: z.optional(z.strictObject({
    maxAgeDays: z.int().check(z.positive({ error: () => l10n.t('must be a positive number of days') })),
  })),
  ignore: z.optional(z.array(AccessIgnoreEntry)),
  ...DeclarationSections,
});
export type AccessConfig = z.infer<typeof AccessConfig>;

/** Keys people reach for that would let a cloned repository choose where keys are sent. */
export const HOST_LIKE_KEYS = new Set(['host', 'baseUrl', 'baseURL', 'base_url', 'url', 'endpoint', 'server']);
