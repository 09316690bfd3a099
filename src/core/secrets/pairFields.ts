// The field names a pair is stored under in every sink (the names Langfuse SDKs read).
import * as z from '../zod';
import { l10n } from '../l10n/l10n';
import { SinkConfigError } from './errors';
import { fingerprintSecret } from './fingerprint';
import type { KeyPair, SinkState } from './types';

export const PairFields = {
  publicKey: 'LANGFUSE_PUBLIC_KEY',
  secretKey: 'LANGFUSE_SECRET_KEY',
  baseUrl: 'LANGFUSE_BASE_URL',
} as const;

/** Older Python SDKs read LANGFUSE_HOST; where a target already has it, it is kept in step. */
export const LEGACY_BASE_URL_FIELD = 'LANGFUSE_HOST';

const KeyPairSchema = z.object({
  publicKey: z.string().check(z.regex(/^pk-lf-[A-Za-z0-9_-]{1,200}$/)),
  secretKey: z.string().check(z.regex(/^sk-lf-[A-Za-z0-9_-]{1,200}$/)),
  baseUrl: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s"'`#\\]{1,2000}$/))),
});

/**
 * Validates a pair before it reaches any target, so a value can never break the file or JSON it
 * lands in. The message names the field, never the value.
 */
export function validatePair(target: string, pair: KeyPair): KeyPair {
  const parsed = KeyPairSchema.safeParse(pair);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'pair');
    throw new SinkConfigError(target, l10n.t('the {0} to write is not a valid Langfuse value', field), l10n.t('Check that the key pair was copied completely (pk-lf-…, sk-lf-…, https://…)'));
  }
  return parsed.data;
}

/** Flat record (JSON secret, Vault data, pass lines) → state. */
export function stateFromRecord(record: Record<string, unknown>, version: string | undefined): SinkState {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const secret = str(record[PairFields.secretKey]);
  return {
    exists: true,
    publicKey: str(record[PairFields.publicKey]),
    secretFingerprint: secret === undefined ? undefined : fingerprintSecret(secret),
    baseUrl: str(record[PairFields.baseUrl]) ?? str(record[LEGACY_BASE_URL_FIELD]),
    version,
  };
}

/** Merges a pair into an existing record, keeping every other field and the field order. */
export function mergePairIntoRecord(record: Record<string, unknown>, pair: KeyPair): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...record };
  merged[PairFields.publicKey] = pair.publicKey;
  merged[PairFields.secretKey] = pair.secretKey;
  if (pair.baseUrl !== undefined) {
    merged[PairFields.baseUrl] = pair.baseUrl;
    if (LEGACY_BASE_URL_FIELD in merged) merged[LEGACY_BASE_URL_FIELD] = pair.baseUrl;
  }
  return merged;
}
