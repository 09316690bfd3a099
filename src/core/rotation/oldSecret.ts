// The old secret, when a target holds it: needed only to prove afterwards that the old pair answers
// 401. A candidate counts only if its fingerprint matches what the snapshot recorded.
import { fingerprintSecret } from '../secrets/fingerprint';
import { PairFields } from '../secrets/pairFields';
import type { SinkSnapshot } from '../secrets/types';

export function oldSecretFromSnapshot(snapshot: SinkSnapshot, oldPublicKey: string): string | undefined {
  if (snapshot.state.publicKey !== oldPublicKey || !snapshot.state.secretFingerprint) return undefined;
  const data = snapshot.restoreData;
  let candidate: string | undefined;
  if (data.kind === 'values') candidate = data.values[PairFields.secretKey]?.at(-1);
  else if (data.kind === 'raw' && data.value) {
    const line = data.value.split(/\r?\n/).reverse().find(l => new RegExp(`^\\s*(export\\s+)?${PairFields.secretKey}\\s*=`).test(l));
    candidate = line?.slice(line.indexOf('=') + 1).trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return candidate && fingerprintSecret(candidate) === snapshot.state.secretFingerprint ? candidate : undefined;
}
