import { l10n } from '../l10n/l10n';
import * as crypto from 'node:crypto';
import type { KeyPair, ReadBackResult, SinkState } from './types';

/** `sha256:` + 16 hex digits: enough to tell secrets apart, useless for recovering one. */
export function fingerprintSecret(secret: string): string {
  return `sha256:${crypto.createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)}`;
}

export function contentVersion(content: string | Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** True when `state` holds exactly `pair` (public key, secret fingerprint and, if given, base URL). */
export function holdsPair(state: SinkState, pair: KeyPair): boolean {
  return describeDifference(state, pair) === undefined;
}

export function describeDifference(state: SinkState, pair: KeyPair): string | undefined {
  const none = (value: string | undefined) => value ?? l10n.t('(none)');
  if (!state.exists) return l10n.t('the target does not exist');
  if (state.publicKey !== pair.publicKey) return l10n.t('public key {0} ≠ {1}', none(state.publicKey), pair.publicKey);
  const expected = fingerprintSecret(pair.secretKey);
  if (state.secretFingerprint !== expected) return l10n.t('secret key fingerprint {0} ≠ {1}', none(state.secretFingerprint), expected);
  if (pair.baseUrl !== undefined && state.baseUrl !== pair.baseUrl) return l10n.t('base URL {0} ≠ {1}', none(state.baseUrl), pair.baseUrl);
  return undefined;
}

export function readBackResult(state: SinkState, pair: KeyPair): ReadBackResult {
  const difference = describeDifference(state, pair);
  return difference === undefined ? { matches: true, state } : { matches: false, state, difference };
}

/** Same pair held (ignores versions): used for `expectedPrevious` on sinks without native check-and-set. */
export function sameHolding(a: SinkState, b: SinkState): boolean {
  return a.exists === b.exists && a.publicKey === b.publicKey && a.secretFingerprint === b.secretFingerprint;
}
