import * as crypto from 'node:crypto';
import { shortPublicKey } from '../log/redact';

/** What a pasted or configured key must look like (the sinks accept the same characters). */
export const PUBLIC_KEY_FORMAT = /^pk-lf-[A-Za-z0-9_-]{1,200}$/;
export const SECRET_KEY_FORMAT = /^sk-lf-[A-Za-z0-9_-]{1,200}$/;

/**
 * A new pair in Langfuse's own format (`pk-lf-<uuid v4>`, `sk-lf-<uuid v4>`, FACTS §3). The rotation
 * generates it locally and sends it as a predefined pair, so the secret is persisted BEFORE the
 * create request: a crash or a lost answer can never leave a key whose secret nobody has.
 */
export function generateKeyPair(): { publicKey: string; secretKey: string } {
  return { publicKey: `pk-lf-${crypto.randomUUID()}`, secretKey: `sk-lf-${crypto.randomUUID()}` };
}

/** The new key's note: "rotated from pk-lf-…abcd, 2026-11-28, erin@acme.com". */
export function provenanceNote(oldPublicKey: string, at: Date, actor: string): string {
  return `rotated from ${shortPublicKey(oldPublicKey)}, ${at.toISOString().slice(0, 10)}, ${actor}`.slice(0, 200);
}
