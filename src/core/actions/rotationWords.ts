// The confirmation that ends a rotation's roll back, naming what changed (both edges say it).
import { shortPublicKey } from '../keys/keyDisplay';
import type { RotationJournal } from '../rotation/journal';
import { resumeOffer } from '../rotation/pointOfNoReturn';

export function rollbackDone(journal: RotationJournal): string {
  const key = shortPublicKey(journal.oldKey.publicKey);
  if (journal.status !== 'rolledBack') return `The rotation of ${key} (${journal.project.name}) is not fully rolled back yet: its report says what is left; "Abort Key Rotation" tries again.`;
  const deleted = journal.newKey ? ` and the new key ${shortPublicKey(journal.newKey.publicKey)} is deleted` : '';
  return `Rolled back the rotation of ${key} (${journal.project.name}): ${journal.targets.length} target(s) hold the old key again${deleted}.`;
}

export const RESUME_CHOICES = {
  resume: 'Resume', resumeWhich: 'Resume…', abort: 'Abort and Roll Back', later: 'Later',
  dontAsk: 'Don\'t Ask for This Rotation', dontAskAny: 'Don\'t Ask for These Rotations',
} as const;
export type ResumeChoice = typeof RESUME_CHOICES[keyof typeof RESUME_CHOICES];

/**
 * The one start-up notice about unfinished rotations (not one per rotation): what each waits at, where
 * its new secret is, and the choices — "Later" asks again next start, "Don't Ask…" never again for
 * these rotations (Resume Key Rotation still finds them). No abort past the point of no return.
 */
export function resumeNotice(journals: readonly RotationJournal[], secretsAt: string): { message: string; choices: ResumeChoice[] } | undefined {
  if (journals.length === 0) return undefined;
  if (journals.length === 1) {
    const offer = resumeOffer(journals[0]);
    const choices: ResumeChoice[] = [RESUME_CHOICES.resume, ...(offer.canAbort ? [RESUME_CHOICES.abort] : []), RESUME_CHOICES.later, RESUME_CHOICES.dontAsk];
    return { message: `${offer.question} Its new secret is safe in ${secretsAt}.`, choices };
  }
  const list = journals.map(j => `${shortPublicKey(j.oldKey.publicKey)} (${j.project.name}, at ${j.step})`).join('; ');
  return {
    message: `${journals.length} key rotations are unfinished: ${list}. Their new secrets are safe in ${secretsAt}.`,
    choices: [RESUME_CHOICES.resumeWhich, RESUME_CHOICES.later, RESUME_CHOICES.dontAskAny],
  };
}
