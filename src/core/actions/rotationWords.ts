// The confirmation that ends a rotation's roll back, naming what changed (both edges say it).
import { shortPublicKey } from '../keys/keyDisplay';
import type { RotationJournal } from '../rotation/journal';
import { resumeOffer } from '../rotation/pointOfNoReturn';

export function rollbackDone(journal: RotationJournal): string {
  const key = subjectOf(journal);
  if (journal.status !== 'rolledBack') return `The rotation of ${key} (${journal.project.name}) is not fully rolled back yet: its report says what is left; "Abort Key Rotation" tries again.`;
  const deleted = journal.newKey ? ` and the new key ${shortPublicKey(journal.newKey.publicKey)} is deleted` : '';
  return `Rolled back the rotation of ${key} (${journal.project.name}): ${journal.targets.length} target(s) hold the old key again${deleted}.`;
}

export const RESUME_CHOICES = {
  resume: 'Resume', resumeWhich: 'Resume…', abort: 'Abort and Roll Back', finishRollback: 'Finish Rollback', later: 'Later',
  dontAsk: 'Don\'t Ask for This Rotation', dontAskAny: 'Don\'t Ask for These Rotations',
} as const;
export type ResumeChoice = typeof RESUME_CHOICES[keyof typeof RESUME_CHOICES];

/** The key a rotation replaces, or the key it creates (access as code's create mode has no old key). */
function subjectOf(j: RotationJournal): string {
  return j.oldKey ? shortPublicKey(j.oldKey.publicKey) : `the new key "${j.newKeyNote ?? ''}"`;
}

/**
 * The one start-up notice about unfinished rotations (not one per rotation): what each waits at, where
 * its new secret is, and the choices — "Later" asks again next start, "Don't Ask…" never again for
 * these rotations (Resume Key Rotation still finds them). Past the revoke only Resume is offered, and
 * what resuming still does is said; a rollback in progress can only be finished.
 */
export function resumeNotice(journals: readonly RotationJournal[], secretsAt: string): { message: string; choices: ResumeChoice[] } | undefined {
  if (journals.length === 0) return undefined;
  const C = RESUME_CHOICES;
  if (journals.length === 1) {
    const offer = resumeOffer(journals[0]);
    const safe = `Its new secret is safe in ${secretsAt}.`;
    const message = offer.pastPointOfNoReturn
      ? `${offer.question} The old key's revoke has started, so it can only be finished: resuming will ${offer.resumeDoes}. ${safe}`
      : `${offer.question} ${safe}`;
    const act: ResumeChoice[] = offer.rollingBack ? [C.finishRollback] : offer.canAbort ? [C.resume, C.abort] : [C.resume];
    return { message, choices: [...act, C.later, C.dontAsk] };
  }
  const list = journals.map(j => `${subjectOf(j)} (${j.project.name}, at ${j.step})`).join('; ');
  return {
    message: `${journals.length} key rotations are unfinished: ${list}. Their new secrets are safe in ${secretsAt}.`,
    choices: [C.resumeWhich, C.later, C.dontAskAny],
  };
}
