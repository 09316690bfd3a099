import { randomUUID } from 'node:crypto';

/**
 * A fresh pair in Langfuse's own format (`pk-lf-<uuid v4>` / `sk-lf-<uuid v4>`), to create as a
 * predefined key: because the caller knows the secret before sending, a create whose answer is lost
 * can be recovered by looking the public key up (projectApiKeys.create does).
 */
export function generateKeyPair(): { publicKey: string; secretKey: string } {
  return { publicKey: `pk-lf-${randomUUID()}`, secretKey: `sk-lf-${randomUUID()}` };
}
