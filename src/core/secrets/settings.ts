// The `langfuseAccess.secretManagers` setting (application scope: user settings only, never the
// workspace) and the matching section of the CLI's configuration. Same shape as package.json.
import * as z from '../zod';

export const SecretManagersSettings = z.object({
  aws: z.optional(z.object({
    region: z.optional(z.string()),
    endpoint: z.optional(z.string()),
    profile: z.optional(z.string()),
  })),
  vault: z.optional(z.object({
    address: z.optional(z.string()),
    namespace: z.optional(z.string()),
  })),
  pass: z.optional(z.object({
    storeDir: z.optional(z.string()),
  })),
});
export type SecretManagersSettings = z.infer<typeof SecretManagersSettings>;
