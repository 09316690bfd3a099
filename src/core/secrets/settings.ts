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

/** The CLI's settings with Vault's own environment (VAULT_ADDR, VAULT_NAMESPACE) filling what its config file leaves out. */
export function withVaultEnvironment(settings: SecretManagersSettings, env: Readonly<Record<string, string | undefined>>): SecretManagersSettings {
  return { ...settings, vault: { ...settings.vault, address: settings.vault?.address ?? env.VAULT_ADDR, namespace: settings.vault?.namespace ?? env.VAULT_NAMESPACE } };
}

/** The extension's `langfuseAccess.secretManagers` (user settings only): a malformed value is ignored, with the reason for the log. */
export function secretManagersFromSetting(raw: unknown, warn: (message: string) => void): SecretManagersSettings {
  const parsed = SecretManagersSettings.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  warn(`Ignoring malformed langfuseAccess.secretManagers: ${parsed.error.issues.map(i => i.message).join('; ')}`);
  return {};
}
