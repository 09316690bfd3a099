// The confirmation that ends a rotation's roll back, naming what changed (both edges say it).
import { shortPublicKey } from '../keys/keyDisplay';
import type { RotationJournal } from '../rotation/journal';
import { resumeOffer } from '../rotation/pointOfNoReturn';
import { l10n } from '../l10n/l10n';

export function rollbackDone(journal: RotationJournal): string {
  const key = subjectOf(journal);
  if (journal.status !== 'rolledBack') return l10n.t('The rotation of {0} ({1}) is not fully rolled back yet: its report says what is left; "Abort Key Rotation" tries again.', key, journal.project.name);
  return journal.newKey
    ? l10n.t('Rolled back the rotation of {0} ({1}): {2} target(s) hold the old key again and the new key {3} is deleted.', key, journal.project.name, journal.targets.length, shortPublicKey(journal.newKey.publicKey))
    : l10n.t('Rolled back the rotation of {0} ({1}): {2} target(s) hold the old key again.', key, journal.project.name, journal.targets.length);
}

/** The notice's buttons, in the user's language each time they are read (the edge compares the answer with them). */
export const RESUME_CHOICES = {
  get resume() { return l10n.t('Resume'); },
  get resumeWhich() { return l10n.t('Resume…'); },
  get abort() { return l10n.t('Abort and Roll Back'); },
  get finishRollback() { return l10n.t('Finish Rollback'); },
  get later() { return l10n.t('Later'); },
  get dontAsk() { return l10n.t('Don\'t Ask for This Rotation'); },
  get dontAskAny() { return l10n.t('Don\'t Ask for These Rotations'); },
};
export type ResumeChoice = string;

/** The key a rotation replaces, or the key it creates (access as code's create mode has no old key). */
function subjectOf(j: RotationJournal): string {
  return j.oldKey ? shortPublicKey(j.oldKey.publicKey) : l10n.t('the new key "{0}"', j.newKeyNote ?? '');
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
    const message = offer.pastPointOfNoReturn
      ? l10n.t('{0} The old key\'s revoke has started, so it can only be finished: resuming will {1}. Its new secret is safe in {2}.', offer.question, offer.resumeDoes, secretsAt)
      : l10n.t('{0} Its new secret is safe in {1}.', offer.question, secretsAt);
    const act: ResumeChoice[] = offer.rollingBack ? [C.finishRollback] : offer.canAbort ? [C.resume, C.abort] : [C.resume];
    return { message, choices: [...act, C.later, C.dontAsk] };
  }
  const list = journals.map(j => l10n.t('{0} ({1}, at {2})', subjectOf(j), j.project.name, j.step)).join('; ');
  return {
    message: l10n.t('{0} key rotations are unfinished: {1}. Their new secrets are safe in {2}.', journals.length, list, secretsAt),
    choices: [C.resumeWhich, C.later, C.dontAskAny],
  };
}
