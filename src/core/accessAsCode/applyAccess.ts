// Apply: converge the organization on the file, safely. It re-reads the live state and refuses
// every change whose subject moved since the plan (naming what moved), runs the session's guards on
// each change, asks once for the whole plan and separately for revokes and removals (which also need
// allowDestroy), journals every step so a killed apply is reported exactly and picked up by the next
// one, and creates or rotates keys through the rotation engine. No second way to change access.
import { hostLabel } from '../connections/connection';
import { acquireLock, LockBusyError } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';
import * as path from 'node:path';
import type { Session } from '../session/session';
import type { SessionRotations } from '../session/rotations';
import { planAccess, type AccessWorkspace } from './accessPlanner';
import { ApplyJournalStore, applyLockFile, type ApplyEntry, type ApplyJournal, type EntryState } from './applyJournal';
import { textHash } from './fingerprint';
import { performChange, runRotation } from './performChange';
import type { AccessPlan } from './planTypes';
import { resolveInterrupted, rotationsToResume, type RecoveredApply } from './recover';
import { selectChanges } from './selectChanges';
import { refuseUntrusted } from './trust';
import { l10n } from '../l10n/l10n';

export interface ApplyRequest {
  ws: AccessWorkspace;
  /** A saved plan (`apply --plan FILE`); without one, apply plans now. */
  saved?: AccessPlan;
  /** Revokes and removals run only with this (the CLI's --allow-destroy) and after their own confirmation. */
  allowDestroy: boolean;
  /** Only these changes (by id) and what they need first: the editor's "Apply this change". */
  only?: readonly string[];
}

export interface ApplyReport {
  status: 'applied' | 'nothing' | 'cancelled' | 'refused' | 'incomplete';
  /** Why the whole plan was refused (the file changed, another host, another apply running). */
  message?: string;
  journalId?: string;
  plan?: AccessPlan;
  entries: ApplyEntry[];
  recovered: RecoveredApply[];
  resumed: { rotationId: string; state: EntryState; why?: string }[];
  /** Drift the saved plan did not contain (plan again to see it). */
  newDrift: string[];
}

export async function applyAccess(session: Session, request: ApplyRequest): Promise<ApplyReport> {
  refuseUntrusted(session, 'apply');
  const { port } = session.host;
  const { ws } = request;
  const report: ApplyReport = { status: 'nothing', entries: [], recovered: [], resumed: [], newDrift: [] };
  ensurePrivateDir(path.dirname(applyLockFile(port.stateDir, ws.file.path, session.connection.baseUrl)));
  let lock;
  try {
    lock = await acquireLock(applyLockFile(port.stateDir, ws.file.path, session.connection.baseUrl), { tool: port.tool, purpose: `applying ${ws.file.path}`, waitMs: 0 });
  } catch (err) {
    if (!(err instanceof LockBusyError)) throw err;
    return { ...report, status: 'refused', message: l10n.t('Another apply of this file is running ({0}). Wait for it to finish.', err.message) };
  }
  let rotations: SessionRotations | undefined;
  try {
    const refusal = request.saved && savedPlanRefusal(request.saved, session, ws);
    if (refusal) return { ...report, status: 'refused', message: refusal };
    const store = new ApplyJournalStore(port.stateDir);
    const now = () => port.clock.now();
    const plan = request.saved ?? await planAccess(session, ws);
    report.plan = plan;
    const rotationJournals = session.host.rotations().journals;
    const interrupted = store.unfinished(ws.file.path, session.connection.baseUrl);
    const current = interrupted.length && request.saved ? await planAccess(session, ws) : plan;
    report.recovered = resolveInterrupted(interrupted, rotationJournals, current);
    const ofThisFile = store.list().journals.filter(j => j.file === ws.file.path && j.connection.baseUrl === session.connection.baseUrl);
    const resumable = rotationsToResume(ofThisFile, report.recovered, rotationJournals, port.tool);
    const candidates = selectChanges(plan.changes, request.only);
    const journal: ApplyJournal = {
      v: 1, id: ApplyJournalStore.newId(now()), tool: port.tool, pid: process.pid, actor: port.actor().label,
      file: ws.file.path, fileHash: textHash(ws.file.text), connection: { id: session.connection.id, baseUrl: session.connection.baseUrl },
      planFingerprint: plan.fingerprint, status: 'running', resumedRotations: [], createdAt: now().toISOString(), updatedAt: now().toISOString(),
      entries: candidates.map(c => ({ id: c.id, kind: c.kind, summary: c.summary, destroy: c.destroy, project: c.project, note: c.note, publicKey: c.publicKey, state: 'pending' as const })),
    };
    const closeRecovered = () => {
      for (const r of report.recovered) store.save({ ...r.journal, status: 'interrupted', recoveredBy: journal.id, entries: r.entries }, now());
    };
    const refuse = (e: ApplyEntry, why: string) => {
      Object.assign(e, { state: 'refused', why });
      session.host.record(session.withConnection({ action: 'access.apply.change', outcome: 'refused', resource: { kind: 'accessChange', id: e.id, project: e.project }, details: { change: e.kind, reason: why } }));
    };
    // What the reviewed plan showed as refused stays refused, whatever the live state says now.
    journal.entries.forEach((e, i) => { if (candidates[i].verdict.status === 'refused') refuse(e, candidates[i].verdict.reason ?? candidates[i].verdict.rule); });
    const runnable = journal.entries.filter(e => e.state === 'pending');
    report.entries = journal.entries;
    if (runnable.length === 0 && resumable.length === 0) {
      closeRecovered();
      return { ...report, status: candidates.length ? 'incomplete' : 'nothing' };
    }

    const { prompter } = port;
    const list = [...resumable.map(r => r.oldKey
      ? l10n.t('finish rotating {0} of {1} (rotation {2}, interrupted)', r.oldKey.publicKey, r.project.name, r.id)
      : l10n.t('finish creating the key "{0}" of {1} (rotation {2}, interrupted)', r.newKeyNote ?? '', r.project.name, r.id)), ...runnable.map(e => e.summary)];
    const refusedCount = journal.entries.length - runnable.length;
    if (!await prompter.confirm({ id: 'plan-apply', button: l10n.t('Apply'), message: applyQuestion(list.length, session.connection.name ?? session.connection.id ?? hostLabel(session.connection.baseUrl), refusedCount), detail: list.map(l => `• ${l}`).join('\n') })) {
      closeRecovered();
      return { ...report, status: 'cancelled' };
    }
    const destroys = runnable.filter(e => e.destroy);
    if (destroys.length) {
      const allowed = request.allowDestroy && await prompter.confirm({ id: 'plan-destroy', button: l10n.t('Revoke and Remove'), message: l10n.t('Also revoke or remove {0} thing(s) not in the exhaustive lists? This cannot be undone.', destroys.length), detail: destroys.map(e => `• ${e.summary}`).join('\n') });
      for (const e of destroys) if (!allowed) { e.state = 'skipped'; e.why = request.allowDestroy ? l10n.t('revokes and removals were not confirmed') : needsAllowDestroy(); }
    }
    store.save(journal, now());
    closeRecovered();
    port.checkpoint?.('apply:journal');
    session.host.record(session.withConnection({ action: 'access.apply', outcome: 'started', resource: { kind: 'accessFile', name: ws.file.path }, details: { apply: journal.id, planFingerprint: plan.fingerprint, changes: candidates.length } }));
    const openRotations = async () => (rotations ??= await session.rotations());

    for (const r of resumable) {
      const entry: ApplyEntry = { id: r.id, kind: r.oldKey ? 'key.rotate' : 'key.create', summary: '', destroy: false, state: 'started', rotationId: r.id };
      try { await runRotation(await openRotations(), entry); } catch (err) { entry.state = 'failed'; entry.why = (err as Error).message; }
      report.resumed.push({ rotationId: r.id, state: entry.state, why: entry.why });
      journal.resumedRotations.push(r.id);
      store.save(journal, now());
    }
    const fresh = resumable.length || request.saved ? await planAccess(session, ws) : plan;
    const ctx = { session, ws, rotations: openRotations, save: () => store.save(journal, now()), checkpoint: (n: string) => port.checkpoint?.(n) };
    let stopped = false;
    for (const [i, entry] of journal.entries.entries()) {
      if (entry.state !== 'pending') continue;
      if (stopped) { entry.why = l10n.t('not run: an earlier change failed'); continue; }
      const planned = candidates[i];
      const live = fresh.changes.find(c => c.id === planned.id && c.kind === planned.kind);
      const skip = !live ? { state: 'already' as const, why: l10n.t('the organization already matches the file here') }
        : live.live !== planned.live ? { state: 'moved' as const, why: l10n.t('moved since the plan: live was {0}, now {1}. Plan again.', planned.from, live.from) }
        : live.verdict.status === 'refused' ? { state: 'refused' as const, why: live.verdict.reason ?? live.verdict.rule } : undefined;
      if (skip) {
        if (skip.state === 'already') Object.assign(entry, skip); else refuse(entry, skip.why);
        if (skip.state === 'moved') entry.state = 'moved';
        store.save(journal, now());
        continue;
      }
      entry.state = 'started';
      store.save(journal, now());
      port.checkpoint?.(`apply:started:${i}`);
      try {
        await performChange(live!, entry, ctx);
      } catch (err) {
        entry.state = 'failed';
        entry.why = (err as Error).message;
        stopped = true;
      }
      store.save(journal, now());
      port.checkpoint?.(`apply:done:${i}`);
    }
    journal.status = 'finished';
    store.save(journal, now());
    report.newDrift = fresh.changes.filter(f => !plan.changes.some(c => c.id === f.id && c.kind === f.kind)).map(f => f.summary);
    report.entries = journal.entries;
    report.journalId = journal.id;
    const complete = journal.entries.every(e => e.state === 'done' || e.state === 'already') && report.resumed.every(r => r.state === 'done');
    report.status = complete ? 'applied' : 'incomplete';
    session.host.record(session.withConnection({ action: 'access.apply', outcome: complete ? 'success' : 'failure', resource: { kind: 'accessFile', name: ws.file.path }, details: { apply: journal.id, ...countStates(journal.entries) } }));
    return report;
  } finally {
    rotations?.close();
    session.model.invalidate();
    lock.release();
  }
}

function savedPlanRefusal(saved: AccessPlan, session: Session, ws: AccessWorkspace): string | undefined {
  if (saved.file !== ws.file.path) return l10n.t('The plan was made for {0}, not {1}.', saved.file, ws.file.path);
  if (saved.fileHash !== textHash(ws.file.text)) return l10n.t('{0} changed since the plan was made ({1}). Plan again: apply only applies what was reviewed.', ws.file.path, saved.createdAt);
  if (saved.connection.host !== hostLabel(session.connection.baseUrl)) return l10n.t('The plan was made against {0}, but this connection points at {1}.', saved.connection.host, hostLabel(session.connection.baseUrl));
  return undefined;
}

function countStates(entries: readonly ApplyEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.state] = (out[e.state] ?? 0) + 1;
  return out;
}


/** Why a revoke or removal was left out of a run without --allow-destroy (the report recognises it). */
export function needsAllowDestroy(): string {
  return l10n.t('revokes and removals need --allow-destroy');
}

function applyQuestion(count: number, connection: string, refused: number): string {
  return refused
    ? l10n.t('Apply {0} change(s) to the organization behind connection {1}? ({2} more refused by the guards.)', count, connection, refused)
    : l10n.t('Apply {0} change(s) to the organization behind connection {1}?', count, connection);
}
