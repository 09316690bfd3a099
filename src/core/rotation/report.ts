// The rotation report as plain data (for the wizard's summary document) and as text (CLI). Built
// from the journal only, so it never contains a secret.
import { forTerminal } from '../display/terminal';
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
      ? (e.references.length ? `The old public key still appears in ${e.references.length} place(s), listed under References` : `No reference to the old public key in ${e.scanned.join(', ')}`)
      : 'No workspace files were scanned for the old public key');
    evidence.push(e.targetsHoldingOld.length ? `Targets still holding the old key: ${e.targetsHoldingOld.join(', ')}` : 'No target holds the old key');
    evidence.push(e.checklistConfirmed ? 'Deploy checklist confirmed' : 'Deploy checklist not confirmed');
    if (e.targetsUnreadable?.length) evidence.push(`Targets that could not be read after the revoke: ${e.targetsUnreadable.join('; ')}`);
    if (e.probe) evidence.push(describeProbe(e.probe, j.project.name).replace('since the cut-over', `since ${e.probe.since}`));
    evidence.push('Langfuse records no key usage, so none of this proves the old key is unused.');
  }
  let recheck: string | undefined;
  if (j.recheck) {
    recheck = j.recheck.oldPair === 'unauthorized' ? 'The old pair answers 401; the new pair works.'
      : j.recheck.oldPair === 'still-valid' ? 'The old pair STILL answers.' : `The new pair works; the old pair was not re-checked${j.recheck.note ? ` (${j.recheck.note})` : ''}.`;
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
    `Rotation ${t(r.id)} (${r.mode} mode, ${t(r.tool)}, by ${t(r.actor)}): ${r.status === 'active' ? 'in progress' : r.status === 'rollingBack' ? 'rolling back' : r.status === 'rolledBack' ? 'rolled back' : 'completed'}`,
    `Project ${t(r.project)}: ${t(r.oldPublicKey ?? r.subject)} → ${r.newPublicKey ? t(r.newPublicKey) : '(no new key yet)'}`,
    'Steps:',
    ...r.steps.map((s, i) => `  ${s.done ? '[x]' : '[ ]'} ${i + 1}/${r.steps.length} ${s.title}${s.at ? `  ${s.at}` : ''}`),
    'Targets:',
    ...r.targets.map(x => `  ${t(x.target)}: before ${x.heldBefore ? t(x.heldBefore) : '(nothing)'}${x.pushedVersion ? `, pushed version ${t(x.pushedVersion)}` : ''}${x.restored ? ', restored' : ''}${x.problem ? `, PROBLEM: ${t(x.problem)}` : ''}${x.foreignHostsConfirmed ? `, points its SDK at ${x.foreignHostsConfirmed.map(t).join(', ')} (confirmed)` : ''}`),
  ];
  if (r.evidence.length) lines.push('Evidence:', ...r.evidence.map(e => `  - ${t(e)}`));
  if (r.references.length) lines.push('References to the old public key:', ...r.references.map(ref => `  - ${t(ref)}`));
  if (r.recheck) lines.push(`Re-check: ${t(r.recheck)}`);
  if (r.waiting) lines.push(`Waiting: ${t(r.waiting)}`);
  if (r.notes.length) lines.push('Notes:', ...r.notes.map(n => `  - ${t(n)}`));
  return `${lines.join('\n')}\n`;
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
    case 'note': return `    note: ${t(e.message)}\n`;
    case 'waiting': return `Waiting (${t(e.reason)}): ${t(e.message)}\n`;
    case 'error': return `Error: ${t(e.message)}\n`;
  }
}

/** `rotate --list`: one tab-separated line per rotation. */
export function formatRotationList(journals: readonly RotationJournal[]): string {
  return journals.map(j => `${[j.id, j.tool, j.status, j.step, j.project.name, rotationSubject(j)].map(forTerminal).join('\t')}${j.waiting ? `\twaiting: ${forTerminal(j.waiting.reason)}` : ''}\n`).join('');
}
