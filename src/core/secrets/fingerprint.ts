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
  if (!state.exists) return 'the target does not exist';
  if (state.publicKey !== pair.publicKey) return `public key ${state.publicKey ?? '(none)'} ≠ ${pair.publicKey}`;
  const expected = fingerprintSecret(pair.secretKey);
  if (state.secretFingerprint !== expected) return `secret key fingerprint ${state.secretFingerprint ?? '(none)'} ≠ ${expected}`;
  if (pair.baseUrl !== undefined && state.baseUrl !== pair.baseUrl) return `base URL ${state.baseUrl ?? '(none)'} ≠ ${pair.baseUrl}`;
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
