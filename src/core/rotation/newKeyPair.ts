import { shortPublicKey } from '../log/redact';

/** What a pasted or configured key must look like (the sinks accept the same characters). */
export const PUBLIC_KEY_FORMAT = /^pk-lf-[A-Za-z0-9_-]{1,200}$/;
export const SECRET_KEY_FORMAT = /^sk-lf-[A-Za-z0-9_-]{1,200}$/;

/** The new key's note: "rotated from pk-lf-…abcd, 2026-11-28, erin@acme.com". */
export function provenanceNote(oldPublicKey: string, at: Date, actor: string): string {
  return `rotated from ${shortPublicKey(oldPublicKey)}, ${at.toISOString().slice(0, 10)}, ${actor}`.slice(0, 200);
}
