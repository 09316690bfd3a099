// Once the revoke has started the old key may be gone, so a rotation can only go forward: front ends
// must not offer "abort" or "roll back" for it. This module says, as data, what a front end may offer
// for an unfinished rotation and what resuming will still do, so the CLI and the wizard cannot drift.
import { shortPublicKey } from '../log/redact';
import { isFinished, rotationSubject, type RotationJournal } from './journal';
import { canRollBack, reached, STEP_TITLES, stepsFor, type RotationStep } from './steps';

export function pastPointOfNoReturn(j: RotationJournal): boolean {
  return j.status === 'active' && !canRollBack(j.mode, j.step);
}

/** The steps a resumed run still takes, in order. */
export function remainingSteps(j: RotationJournal): RotationStep[] {
  if (isFinished(j) || j.status === 'rollingBack') return [];
  return stepsFor(j.mode).filter(s => !reached(j.mode, j.step, s));
}

const WHAT: Partial<Record<RotationStep, (j: RotationJournal) => string>> = {
  creating: () => 'store the new secret',
  created: () => 'create the new key',
  pushing: () => 'push the new pair to every target',
  pushed: () => 'push the new pair to every target and read it back',
  verified: () => 'verify the new pair',
  evidenced: j => j.mode === 'compromised'
    ? 'gather the evidence (references, targets, deploy checklist) without waiting for it'
    : 'gather the evidence that the old key is out of use',
  revoking: j => `ask before revoking ${rotationSubject(j)}`,
  revoked: j => `revoke ${rotationSubject(j)} (done at once if it is already gone)`,
  rechecked: () => 'check that the old pair answers 401 and the new pair works',
  completed: () => 'wipe the pending secret and write the report',
};

/** "revoke pk-lf-…, then check that the old pair answers 401 and the new pair works, then wipe …" */
export function whatResumeDoes(j: RotationJournal): string {
  const parts = [...new Set(remainingSteps(j).map(s => WHAT[s]?.(j) ?? STEP_TITLES[s].toLowerCase()))];
  if (parts.length === 0) return 'nothing: the rotation is finished';
  return parts.join(', then ');
}

/** How to resume a rotation from the front end that owns it. */
export function resumeHow(j: RotationJournal): string {
  return j.tool === 'cli' ? `langfuse-access rotate --resume ${j.id}` : 'the command "Langfuse Access: Resume Key Rotation" in VS Code';
}

/** Why a rollback is refused past the point of no return, and what resuming will do instead. */
export function abortRefusal(j: RotationJournal): string {
  const revokedAt = [...j.history].reverse().find(h => h.step === 'revoked' || h.step === 'revoking')?.at;
  return `Rotation ${j.id} is past the point of no return: the revoke of the old key ${rotationSubject(j)} started${revokedAt ? ` at ${revokedAt}` : ''}, `
    + `so its targets cannot go back to it and there is nothing to roll back to. Finish it instead: ${resumeHow(j)} will ${whatResumeDoes(j)}.`;
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
}

/**
 * The step a paused rotation waits at: the journal names the last step DONE, so a rotation waiting
 * for the deploy checklist has `step: 'verified'` and waits at "Evidence that the old key is out of use".
 */
export function waitingAt(j: RotationJournal): { step: RotationStep; index: number; total: number; title: string } {
  const order = stepsFor(j.mode);
  const step = order[order.indexOf(j.step) + 1] ?? j.step;
  return { step, index: order.indexOf(step) + 1, total: order.length, title: STEP_TITLES[step] };
}

export function resumeOffer(j: RotationJournal): ResumeOffer {
  const order = stepsFor(j.mode);
  const next = order[order.indexOf(j.step) + 1] ?? j.step;
  const key = `${j.oldKey ? shortPublicKey(j.oldKey.publicKey) : rotationSubject(j)} (project ${j.project.name})`;
  const what = j.oldKey ? 'rotation of' : 'creation of the';
  const past = pastPointOfNoReturn(j);
  const rollingBack = j.status === 'rollingBack';
  return {
    rotationId: j.id,
    question: rollingBack ? `Finish rolling back the ${what} ${key}?` : `Resume ${what} ${key} at step ${order.indexOf(next) + 1}/${order.length} (${STEP_TITLES[next]})?`,
    resumeDoes: rollingBack ? 'restore every target, delete the new key and wipe the pending secret' : whatResumeDoes(j),
    canAbort: j.status === 'active' && !past,
    pastPointOfNoReturn: past,
    rollingBack,
    whyNoAbort: past ? abortRefusal(j) : undefined,
  };
}
