import * as crypto from 'node:crypto';
import { l10n } from '../l10n/l10n';
import * as z from '../zod';
import type { AuditEvent } from './entry';
import type { AuditSigningKey } from './signingKey';
import { publicKeyFromRaw, publicKeyId } from './signingKey';

export const CHECKPOINT_ACTION = 'audit.checkpoint';

/**
 * A checkpoint is an ordinary chained entry whose details carry an Ed25519 signature over the chain
 * tip before it. Whoever rewrites the log from an earlier line on must also forge every later
 * signature, which needs the private key in the state folder (0600), not just the log file.
 */
export const CheckpointDetails = z.object({
  covers: z.object({ seq: z.number(), hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }),
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type CheckpointDetails = z.infer<typeof CheckpointDetails>;

export function checkpointMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`langfuse-access audit checkpoint v1\n${seq}\n${hash}`, 'utf8');
}

export function checkpointEvent(key: AuditSigningKey, tip: { seq: number; hash: string }): AuditEvent {
  const signature = crypto.sign(null, checkpointMessage(tip.seq, tip.hash), key.privateKey).toString('base64');
  const details: CheckpointDetails = { covers: { seq: tip.seq, hash: tip.hash }, keyId: key.keyId, publicKey: key.publicKey, signature };
  return { action: CHECKPOINT_ACTION, resource: { kind: 'auditLog' }, outcome: 'success', details };
}

/** Why a checkpoint does not hold, or undefined when its signature is good for the given tip. */
export function checkpointProblem(details: CheckpointDetails, tip: { seq: number; hash: string }): string | undefined {
  if (details.covers.seq !== tip.seq || details.covers.hash !== tip.hash) {
    return l10n.t('it signs seq {0} but follows seq {1} with a different hash', details.covers.seq, tip.seq);
  }
  if (publicKeyId(details.publicKey) !== details.keyId) return l10n.t('its key id does not match its public key');
  let key: crypto.KeyObject;
  try {
    key = publicKeyFromRaw(details.publicKey);
  } catch {
    return l10n.t('its public key is not a valid Ed25519 key');
  }
  const ok = crypto.verify(null, checkpointMessage(tip.seq, tip.hash), key, Buffer.from(details.signature, 'base64'));
  return ok ? undefined : l10n.t('its signature does not verify');
}
