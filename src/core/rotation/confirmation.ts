// The sentence a front end shows before a rotation starts, so the wizard and the CLI describe a mode
// the same way.
import type { RotationMode } from './steps';

/** What each mode does, as a clause that fits after "in … mode". */
export const MODE_DESCRIPTIONS: Record<RotationMode, string> = {
  normal: 'the old key is revoked after the new one is in every target, nothing references the old key and you confirm',
  compromised: 'the old key is revoked as soon as the new one works, before services have moved',
  manual: 'you create the new key and delete the old one in the Langfuse UI',
  create: 'a new key is created into its targets; no key is revoked',
};

export function rotationConfirmation(p: { oldPublicKey: string; project: string; mode: RotationMode; targets: readonly string[] }): string {
  const mode = p.mode === 'compromised' ? 'COMPROMISED mode' : `${p.mode} mode`;
  return `Rotate ${p.oldPublicKey} of ${p.project} in ${mode} (${MODE_DESCRIPTIONS[p.mode]}) into ${p.targets.length} target(s): ${p.targets.join(', ')}?`;
}
