import * as z from '../zod';

/** A project key pair kept in SecretStorage under `langfuseAccess/key/<publicKey>`. */
export const StoredProjectKey = z.lazySchema(() => z.object({
  publicKey: z.string().check(z.startsWith('pk-lf-')),
  secretKey: z.string().check(z.startsWith('sk-lf-')),
  baseUrl: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  note: z.optional(z.nullable(z.string())),
  createdAt: z.optional(z.string()),
}));
export type StoredProjectKey = z.infer<typeof StoredProjectKey>;

export function parseStoredProjectKey(raw: string | undefined): StoredProjectKey | undefined {
  if (!raw) return undefined;
  try {
    const parsed = StoredProjectKey.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
