// Once the revoke has started the old key may be gone, so a rotation can only go forward: front ends
// must not offer "abort" or "roll back" for it. This module says, as data, what a front end may offer
// for an unfinished rotation and what resuming will still do, so the CLI and the wizard cannot drift.
import { l10n } from '../l10n/l10n';
import { shortPublicKey } from '../log/redact';
import { isFinished, rotationSubject, type RotationJournal } from './journal';
import { canRollBack, reached, stepTitle, stepsFor, type RotationStep } from './steps';

export function pastPointOfNoReturn(j: RotationJournal): boolean {
  return j.status === 'active' && !canRollBack(j.mode, j.step);
}

/** The steps a resumed run still takes, in order. */
export function remainingSteps(j: RotationJournal): RotationStep[] {
  if (isFinished(j) || j.status === 'rollingBack') return [];
  return stepsFor(j.mode).filter(s => !reached(j.mode, j.step, s));
}

/** What resuming still does at a step, as a phrase ("push the new pair to every target"). */
function stepWork(j: RotationJournal, step: RotationStep): string {
  switch (step) {
    case 'creating': return l10n.t('store the new secret');
    case 'created': return l10n.t('create the new key');
    case 'pushing': return l10n.t('push the new pair to every target');
    case 'pushed': return l10n.t('push the new pair to every target and read it back');
    case 'verified': return l10n.t('verify the new pair');
    case 'evidenced': return j.mode === 'compromised'
      ? l10n.t('gather the evidence (references, targets, deploy checklist) without waiting for it')
      : l10n.t('gather the evidence that the old key is out of use');
    case 'revoking': return l10n.t('ask before revoking {0}', rotationSubject(j));
    case 'revoked': return l10n.t('revoke {0} (done at once if it is already gone)', rotationSubject(j));
    case 'rechecked': return l10n.t('check that the old pair answers 401 and the new pair works');
    case 'completed': return l10n.t('wipe the pending secret and write the report');
    default: return stepTitle(step).toLowerCase();
  }
}

/** "revoke pk-lf-…, then check that the old pair answers 401 and the new pair works, then wipe …" */
export function whatResumeDoes(j: RotationJournal): string {
  const parts = [...new Set(remainingSteps(j).map(s => stepWork(j, s)))];
  if (parts.length === 0) return l10n.t('nothing: the rotation is finished');
  return parts.reduce((done, next) => l10n.t('{0}, then {1}', done, next));
}

/** How to resume a rotation from the front end that owns it (the CLI's command line stays as typed). */
export function resumeHow(j: RotationJournal): string {
  return j.tool === 'cli' ? `langfuse-access rotate --resume ${j.id}` : l10n.t('the command "{0}" in VS Code', 'Langfuse Access: Resume Key Rotation');
}

/**
 * Why a rollback (`abort`) or a change of targets (`edit`) is refused past the point of no return,
 * and what resuming will do instead: whole sentences per case, so a translation never gets patched.
 */
export function abortRefusal(j: RotationJournal, refused: 'abort' | 'edit' = 'abort'): string {
  const revokedAt = [...j.history].reverse().find(h => h.step === 'revoked' || h.step === 'revoking')?.at;
  const id = j.id, subject = rotationSubject(j), how = resumeHow(j), does = whatResumeDoes(j);
  if (refused === 'edit') {
    return revokedAt
      ? l10n.t('Rotation {0} is past the point of no return: the revoke of the old key {1} started at {2}, so its targets can no longer change: they cannot go back to the old key. Finish it instead: {3} will {4}.', id, subject, revokedAt, how, does)
      : l10n.t('Rotation {0} is past the point of no return: the revoke of the old key {1} started, so its targets can no longer change: they cannot go back to the old key. Finish it instead: {2} will {3}.', id, subject, how, does);
  }
  return revokedAt
    ? l10n.t('Rotation {0} is past the point of no return: the revoke of the old key {1} started at {2}, so its targets cannot go back to it and there is nothing to roll back to. Finish it instead: {3} will {4}.', id, subject, revokedAt, how, does)
    : l10n.t('Rotation {0} is past the point of no return: the revoke of the old key {1} started, so its targets cannot go back to it and there is nothing to roll back to. Finish it instead: {2} will {3}.', id, subject, how, does);
}

export interface ResumeOffer {
  rotationId: string;
  /** "Resume rotation of pk-lf-…abcd (project p) at step 9/11 (Old key revoked)?" */
  question: string;
  /** What resuming still does, as a phrase ("revoke …, check … and wipe …"). */
  resumeDoes: string;
  /** False past the point of no return: no "Abort" / "Roll Back" may be offered. */
  canAbort: boolean;
  pastPointOfNoReturn: boolean;
  /** The rotation is already rolling back: the only way on is to finish the rollback. */
  rollingBack: boolean;
  /** Set when canAbort is false: the sentence to show instead of an abort choice. */
  whyNoAbort?: string;
  /** Set when canAbort is false: the sentence to show when the user asks to change the targets. */
  whyNoEdit?: string;
}

/**
 * The step a paused rotation waits at: the journal names the last step DONE, so a rotation waiting
 * for the deploy checklist has `step: 'verified'` and waits at "Evidence that the old key is out of use".
 */
export function waitingAt(j: RotationJournal): { step: RotationStep; index: number; total: number; title: string } {
  const order = stepsFor(j.mode);
  const step = order[order.indexOf(j.step) + 1] ?? j.step;
  return { step, index: order.indexOf(step) + 1, total: order.length, title: stepTitle(step) };
}

export function resumeOffer(j: RotationJournal): ResumeOffer {
  const order = stepsFor(j.mode);
  const next = order[order.indexOf(j.step) + 1] ?? j.step;
  const key = l10n.t('{0} (project {1})', j.oldKey ? shortPublicKey(j.oldKey.publicKey) : rotationSubject(j), j.project.name);
  const past = pastPointOfNoReturn(j);
  const rollingBack = j.status === 'rollingBack';
  const step = order.indexOf(next) + 1;
  return {
    rotationId: j.id,
    question: rollingBack
      ? (j.oldKey ? l10n.t('Finish rolling back the rotation of {0}?', key) : l10n.t('Finish rolling back the creation of the {0}?', key))
      : (j.oldKey ? l10n.t('Resume rotation of {0} at step {1}/{2} ({3})?', key, step, order.length, stepTitle(next))
        : l10n.t('Resume creation of the {0} at step {1}/{2} ({3})?', key, step, order.length, stepTitle(next))),
    resumeDoes: rollingBack ? l10n.t('restore every target, delete the new key and wipe the pending secret') : whatResumeDoes(j),
    canAbort: j.status === 'active' && !past,
    pastPointOfNoReturn: past,
    rollingBack,
    whyNoAbort: past ? abortRefusal(j) : undefined,
    whyNoEdit: past ? abortRefusal(j, 'edit') : undefined,
  };
}
