// The rotation report as plain data (for the wizard's summary document) and as text (CLI). Built
// from the journal only, so it never contains a secret.
import { forTerminal } from '../display/terminal';
import { l10n } from '../l10n/l10n';
import { toolLabel } from './errors';
import { rotationSubject, type RotationJournal } from './journal';
import { resumeOffer } from './pointOfNoReturn';
import type { RotationEvent } from './types';
import { reached, stepTitle, stepsFor, type RotationStep } from './steps';
import { describeProbe } from './traceProbe';

export interface RotationReport {
  id: string;
  tool: string;
  actor: string;
  status: RotationJournal['status'];
  mode: RotationJournal['mode'];
  project: string;
  /** The old key; absent when the rotation creates a key. */
  oldPublicKey?: string;
  /** What the rotation is about: the old key, or the key it creates. */
  subject: string;
  newPublicKey?: string;
  steps: { step: RotationStep; title: string; done: boolean; at?: string }[];
  targets: { target: string; heldBefore?: string; pushedVersion?: string; restored: boolean; problem?: string; foreignHostsConfirmed?: string[] }[];
  evidence: string[];
  /** Every `file:line` still naming the old public key when the evidence was gathered (the notification only sums them up). */
  references: string[];
  recheck?: string;
  waiting?: string;
  notes: string[];
}

export function rotationReport(j: RotationJournal): RotationReport {
  const at = (step: string) => [...j.history].reverse().find(h => h.step === step)?.at;
  const evidence: string[] = [];
  if (j.evidence) {
    const e = j.evidence;
    evidence.push(e.scanned.length
      ? (e.references.length ? l10n.t('The old public key still appears in {0} place(s), listed under References', e.references.length) : l10n.t('No reference to the old public key in {0}', e.scanned.join(', ')))
      : l10n.t('No workspace files were scanned for the old public key'));
    evidence.push(e.targetsHoldingOld.length ? l10n.t('Targets still holding the old key: {0}', e.targetsHoldingOld.join(', ')) : l10n.t('No target holds the old key'));
    evidence.push(e.checklistConfirmed ? l10n.t('Deploy checklist confirmed') : l10n.t('Deploy checklist not confirmed'));
    if (e.targetsUnreadable?.length) evidence.push(l10n.t('Targets that could not be read after the revoke: {0}', e.targetsUnreadable.join('; ')));
    if (e.probe) evidence.push(describeProbe(e.probe, j.project.name, e.probe.since));
    evidence.push(l10n.t('Langfuse records no key usage, so none of this proves the old key is unused.'));
  }
  let recheck: string | undefined;
  if (j.recheck) {
    recheck = j.recheck.oldPair === 'unauthorized' ? l10n.t('The old pair answers 401; the new pair works.')
      : j.recheck.oldPair === 'still-valid' ? l10n.t('The old pair STILL answers.')
      : j.recheck.note ? l10n.t('The new pair works; the old pair was not re-checked ({0}).', j.recheck.note) : l10n.t('The new pair works; the old pair was not re-checked.');
  }
  return {
    id: j.id, tool: toolLabel(j.tool), actor: j.actor, status: j.status, mode: j.mode, project: j.project.name,
    oldPublicKey: j.oldKey?.publicKey, subject: rotationSubject(j), newPublicKey: j.newKey?.publicKey,
    steps: stepsFor(j.mode).map(step => ({ step, title: stepTitle(step), done: reached(j.mode, j.step, step), at: reached(j.mode, j.step, step) ? at(step) : undefined })),
    targets: j.targets.map(t => {
      const foreign = (j.foreignHostsConfirmed ?? []).filter(c => c.target === t.target).flatMap(c => c.hosts);
      return { target: t.target, heldBefore: t.before?.publicKey, pushedVersion: t.pushed?.version, restored: Boolean(t.restored), problem: t.restoreProblem, ...(foreign.length ? { foreignHostsConfirmed: foreign } : {}) };
    }),
    evidence, references: (j.evidence?.references ?? []).map(r => `${r.file}:${r.line}`), recheck, waiting: j.waiting?.message, notes: j.notes,
  };
}

/** The report as text. Every value from outside (file names, project, targets, messages) is escaped for a terminal: one line each. */
export function formatRotationReport(r: RotationReport): string {
  const t = forTerminal;
  const lines = [
    l10n.t('Rotation {0} ({1}, {2}, by {3}): {4}', t(r.id), modeLabel(r.mode), t(r.tool), t(r.actor), statusLabel(r.status)),
    r.newPublicKey ? l10n.t('Project {0}: {1} → {2}', t(r.project), t(r.oldPublicKey ?? r.subject), t(r.newPublicKey))
      : l10n.t('Project {0}: {1} → (no new key yet)', t(r.project), t(r.oldPublicKey ?? r.subject)),
    l10n.t('Steps:'),
    ...r.steps.map((s, i) => `  ${s.done ? '[x]' : '[ ]'} ${i + 1}/${r.steps.length} ${s.title}${s.at ? `  ${s.at}` : ''}`),
    l10n.t('Targets:'),
    ...r.targets.map(x => `  ${t(x.target)}: ${targetFacts(x).join(', ')}`),
  ];
  if (r.evidence.length) lines.push(l10n.t('Evidence:'), ...r.evidence.map(e => `  - ${t(e)}`));
  if (r.references.length) lines.push(l10n.t('References to the old public key:'), ...r.references.map(ref => `  - ${t(ref)}`));
  if (r.recheck) lines.push(l10n.t('Re-check: {0}', t(r.recheck)));
  if (r.waiting) lines.push(l10n.t('Waiting: {0}', t(r.waiting)));
  if (r.notes.length) lines.push(l10n.t('Notes:'), ...r.notes.map(n => `  - ${t(n)}`));
  return `${lines.join('\n')}\n`;
}

/** What happened to one target, as a list of self-contained facts ("before pk-lf-…", "restored"). */
function targetFacts(x: RotationReport['targets'][number]): string[] {
  const t = forTerminal;
  return [
    x.heldBefore ? l10n.t('before {0}', t(x.heldBefore)) : l10n.t('before (nothing)'),
    ...(x.pushedVersion ? [l10n.t('pushed version {0}', t(x.pushedVersion))] : []),
    ...(x.restored ? [l10n.t('restored')] : []),
    ...(x.problem ? [l10n.t('PROBLEM: {0}', t(x.problem))] : []),
    ...(x.foreignHostsConfirmed ? [l10n.t('points its SDK at {0} (confirmed)', x.foreignHostsConfirmed.map(t).join(', '))] : []),
  ];
}

function modeLabel(mode: RotationReport['mode']): string {
  switch (mode) {
    case 'normal': return l10n.t('normal mode');
    case 'compromised': return l10n.t('compromised mode');
    case 'manual': return l10n.t('manual mode');
    case 'create': return l10n.t('create mode');
  }
}

function statusLabel(status: RotationReport['status']): string {
  switch (status) {
    case 'active': return l10n.t('in progress');
    case 'rollingBack': return l10n.t('rolling back');
    case 'rolledBack': return l10n.t('rolled back');
    default: return l10n.t('completed');
  }
}

/** The question a front end asks on start-up: "Resume rotation of pk-lf-…abcd at step 5/11 (Push to targets)?" (see resumeOffer for the choices it may offer). */
export function resumeQuestion(j: RotationJournal): string {
  return resumeOffer(j).question;
}

/** One progress event as a line of text (the CLI's stderr, the extension's log). */
export function formatRotationEvent(e: RotationEvent, t: (text: string) => string = forTerminal): string {
  // Messages name files, targets and projects: escaped as values (one event, one line).
  switch (e.kind) {
    case 'step': return `[${e.index}/${e.total}] ${t(e.title)}: ${t(e.message)}\n`;
    case 'target': return `    ${t(e.status)}: ${t(e.message)}\n`;
    case 'note': return `    ${l10n.t('note: {0}', t(e.message))}\n`;
    case 'waiting': return `${l10n.t('Waiting ({0}): {1}', t(e.reason), t(e.message))}\n`;
    case 'error': return `${l10n.t('Error: {0}', t(e.message))}\n`;
  }
}

/** `rotate --list`: one tab-separated line per rotation. */
export function formatRotationList(journals: readonly RotationJournal[]): string {
  return journals.map(j => `${[j.id, j.tool, j.status, j.step, j.project.name, rotationSubject(j)].map(forTerminal).join('\t')}${j.waiting ? `\twaiting: ${forTerminal(j.waiting.reason)}` : ''}\n`).join('');
}
