// The rotation's steps, in the order each mode runs them. A step name in the journal means "this
// step is done"; the `*ing` steps are intents written BEFORE an outside effect (creating a key,
// writing targets, revoking), so a resumed run knows it must look before it acts again.
import { l10n } from '../l10n/l10n';

/** `create`: a new key (no old one) into its targets — how a key declared in an access file comes to exist. */
export type RotationMode = 'normal' | 'compromised' | 'manual' | 'create';

export const STEPS = [
  'planned', 'creating', 'created', 'pushing', 'pushed', 'verified', 'evidenced', 'revoking', 'revoked', 'rechecked', 'completed',
] as const;
export type RotationStep = (typeof STEPS)[number];

/**
 * Normal and manual: create → persist → push → verify → evidence → revoke → re-check.
 * Compromised: the evidence (checklist, reference scan) is gathered after the revoke, so the old key
 * dies as soon as the new one is stored and answers who-am-I; the old key is never revoked earlier.
 */
const ORDER: Record<RotationMode, readonly RotationStep[]> = {
  normal: STEPS,
  manual: STEPS,
  compromised: ['planned', 'creating', 'created', 'pushing', 'pushed', 'verified', 'revoking', 'revoked', 'evidenced', 'rechecked', 'completed'],
  create: ['planned', 'creating', 'created', 'pushing', 'pushed', 'verified', 'completed'],
};

export function stepsFor(mode: RotationMode): readonly RotationStep[] {
  return ORDER[mode];
}

export function nextStep(mode: RotationMode, step: RotationStep): RotationStep | undefined {
  const order = ORDER[mode];
  return order[order.indexOf(step) + 1];
}

/** Has the rotation reached `step` (in its own mode's order)? */
export function reached(mode: RotationMode, current: RotationStep, step: RotationStep): boolean {
  const order = ORDER[mode];
  return order.indexOf(current) >= order.indexOf(step);
}

/** Before this point a rotation can be rolled back; from `revoking` on, the old key may be gone. */
export function canRollBack(mode: RotationMode, step: RotationStep): boolean {
  return !reached(mode, step, 'revoking');
}

/** Human titles for progress UIs ("Step 4/10: Push to targets"), in the user's language when shown. */
export function stepTitle(step: RotationStep): string {
  switch (step) {
    case 'planned': return l10n.t('Plan');
    case 'creating': return l10n.t('Create the new key pair');
    case 'created': return l10n.t('New key pair created and stored');
    case 'pushing': return l10n.t('Push to targets');
    case 'pushed': return l10n.t('Targets updated and read back');
    case 'verified': return l10n.t('Verify the new key pair');
    case 'evidenced': return l10n.t('Evidence that the old key is out of use');
    case 'revoking': return l10n.t('Revoke the old key');
    case 'revoked': return l10n.t('Old key revoked');
    case 'rechecked': return l10n.t('Re-check old and new key pairs');
    case 'completed': return l10n.t('Report');
  }
}

export function isRotationStep(name: string): name is RotationStep {
  return (STEPS as readonly string[]).includes(name);
}
