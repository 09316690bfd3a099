// What an apply killed half-way did, told exactly: each change it recorded as done, refused or
// skipped; the one in flight checked against the live state (or its rotation's journal); and what
// never started. Key rotations it left unfinished are resumed by the next apply (their new secret
// waits in the rotation's pending store, so nothing is lost).
import { l10n } from '../l10n/l10n';
import { createSubject, isFinished, rotationSubject, type RotationJournal } from '../rotation/journal';
import type { ApplyEntry, ApplyJournal } from './applyJournal';
import type { AccessPlan } from './planTypes';

export interface RecoveredApply {
  journal: ApplyJournal;
  /** The entries as they turned out; `pending` ones never started. */
  entries: ApplyEntry[];
}

/** Resolves every entry of interrupted applies; `fresh` is a plan of the live state now. */
export function resolveInterrupted(journals: readonly ApplyJournal[], rotations: readonly RotationJournal[], fresh: AccessPlan): RecoveredApply[] {
  return journals.map(journal => ({ journal, entries: journal.entries.map(e => resolveEntry(e, rotations, fresh)) }));
}

function resolveEntry(e: ApplyEntry, rotations: readonly RotationJournal[], fresh: AccessPlan): ApplyEntry {
  if (e.state !== 'started' && e.state !== 'waiting') return e.state === 'pending' ? { ...e, why: l10n.t('never started (the apply was interrupted first)') } : e;
  const rotation = rotationOf(e, rotations);
  if (rotation) {
    if (rotation.status === 'completed') return { ...e, state: 'done', rotationId: rotation.id, why: l10n.t('rotation {0} completed', rotation.id) };
    if (rotation.status === 'rolledBack') return { ...e, state: 'failed', rotationId: rotation.id, why: l10n.t('rotation {0} was rolled back', rotation.id) };
    return { ...e, state: 'waiting', rotationId: rotation.id, why: l10n.t('rotation {0} stopped at "{1}"; this apply resumes it', rotation.id, rotation.step) };
  }
  const still = fresh.changes.some(c => c.id === e.id && c.kind === e.kind);
  return still
    ? { ...e, state: 'pending', why: l10n.t('was in flight when the apply stopped; the live state shows it did not happen') }
    : { ...e, state: 'done', why: l10n.t('was in flight when the apply stopped; the live state shows it happened') };
}

/** The rotation an entry started: by the id it recorded, else by its key (killed before recording the id). */
function rotationOf(e: ApplyEntry, rotations: readonly RotationJournal[]): RotationJournal | undefined {
  if (e.rotationId) return rotations.find(r => r.id === e.rotationId);
  if (e.kind === 'key.rotate' && e.publicKey) return rotations.find(r => r.oldKey?.publicKey === e.publicKey && !isFinished(r));
  if (e.kind === 'key.create' && e.project && e.note) {
    const subject = createSubject(e.project, e.note);
    return rotations.find(r => rotationSubject(r) === subject && !isFinished(r));
  }
  return undefined;
}

/** Unfinished rotations that applies of this file started, which this tool can resume. */
export function rotationsToResume(journals: readonly ApplyJournal[], recovered: readonly RecoveredApply[], rotations: readonly RotationJournal[], tool: string): RotationJournal[] {
  const ids = new Set<string>();
  for (const r of recovered) for (const e of r.entries) if (e.state === 'waiting' && e.rotationId) ids.add(e.rotationId);
  for (const j of journals) for (const e of j.entries) if ((e.state === 'waiting' || e.state === 'started') && e.rotationId) ids.add(e.rotationId);
  return rotations.filter(r => ids.has(r.id) && !isFinished(r) && r.tool === tool);
}
