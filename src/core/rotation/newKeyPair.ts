import { shortPublicKey } from '../log/redact';
import type { RotationJournal } from './journal';

/** What a pasted or configured key must look like (the sinks accept the same characters). */
export const PUBLIC_KEY_FORMAT = /^pk-lf-[A-Za-z0-9_-]{1,200}$/;
export const SECRET_KEY_FORMAT = /^sk-lf-[A-Za-z0-9_-]{1,200}$/;

/**
 * The new key's note: the old key's, byte for byte. Notes follow the team's naming convention and
 * access as code matches keys by note, so a rotated key must not get a note of its own; where it came
 * from is the audit log's job (`lineage`). Undefined when the old key had none or its note is unknown.
 */
export function keptNote(j: Pick<RotationJournal, 'oldKey' | 'newKeyNote'>): string | undefined {
  return j.newKeyNote ?? j.oldKey?.note ?? undefined;
}

/** The rotation's lineage for the audit entries: which key replaced which, and who rotated it. */
export function lineage(j: Pick<RotationJournal, 'oldKey' | 'newKey' | 'actor' | 'id'>): { from?: string; to?: string; rotationId: string; by: string; summary: string } {
  const to = j.newKey?.publicKey;
  const from = j.oldKey?.publicKey;
  return { from, to, rotationId: j.id, by: j.actor, summary: `${from ? shortPublicKey(from) : '(no old key)'} → ${to ? shortPublicKey(to) : '(new key)'}` };
}
