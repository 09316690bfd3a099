// What every step of the rotation uses: the dependencies, the journal store, and small helpers that
// record a step (journal, audit, event) or make the rotation wait for a person. Shared by the
// engine and the step modules (createSteps, pushSteps, evidenceStep, revokeSteps, rollback).
import { UnauthorizedError, type LangfuseClient } from '../langfuse';
import type { HeldLock } from '../state/lock';
import { l10n } from '../l10n/l10n';
import { RotationError, RotationStateError } from './errors';
import { rotationSubject, type JournalStore, type RotationJournal } from './journal';
import type { PendingSecrets } from './pendingSecrets';
import { stepTitle, stepsFor, type RotationStep } from './steps';
import type { KeyPairInput, RotationCallbacks, RotationDeps, RotationEvent, WaitReason } from './types';

export class StepContext {
  constructor(
    readonly deps: RotationDeps,
    readonly journals: JournalStore,
    /** Locks this engine holds, by old public key. */
    readonly held: Map<string, HeldLock>,
    readonly now: () => Date,
  ) {}

  release(j: RotationJournal): void {
    this.journals.removeStrayTemps(j.id);
    this.held.get(rotationSubject(j))?.release();
    this.held.delete(rotationSubject(j));
  }

  async pending(j: RotationJournal): Promise<PendingSecrets> {
    return (await this.deps.secrets.load(j.id)) ?? { rotationId: j.id, snapshots: {} };
  }

  newPair(j: RotationJournal, pending: PendingSecrets): KeyPairInput {
    if (!pending.newPair) {
      throw new RotationError('failed', l10n.t('The new secret of rotation {0} is missing from {1}. If the new key exists, delete it in the Langfuse UI and start a new rotation.', j.id, this.deps.secrets.describe()));
    }
    return pending.newPair;
  }

  /** Trusted when the plan was trusted and the front end's workspace still is. */
  trusted(j: RotationJournal): boolean {
    return j.workspaceTrusted !== false && (this.deps.workspaceTrusted?.() ?? true);
  }

  admin(): LangfuseClient {
    if (!this.deps.admin) throw new RotationStateError(l10n.t('This step needs an organization key with the admin API; resume with the connection that started the rotation.'));
    return this.deps.admin;
  }

  projectId(j: RotationJournal): string {
    if (!j.project.id) throw new RotationStateError(l10n.t('The id of project {0} is not known yet.', j.project.name));
    return j.project.id;
  }

  client(pair: KeyPairInput, j: RotationJournal): LangfuseClient {
    return this.deps.clientFor(pair, j.connection.baseUrl);
  }

  /** True when the pair answers who-am-I for this project; false on 401. Other errors propagate. */
  async answers(pair: KeyPairInput, j: RotationJournal): Promise<boolean> {
    try {
      const who = await this.client(pair, j).whoAmI();
      return !j.project.id || who.id === j.project.id;
    } catch (err) {
      if (err instanceof UnauthorizedError) return false;
      throw err;
    }
  }

  /** `extra`: more details for the step's audit entry (never a secret). */
  advance(j: RotationJournal, step: RotationStep, cb: RotationCallbacks, message: string, extra: Record<string, unknown> = {}): RotationJournal {
    j.step = step;
    j.waiting = undefined;
    this.record(j, step);
    this.save(j);
    this.checkpoint(`journal:${step}`);
    this.audit(j, `rotation.${step}`, 'success', { message, ...extra });
    this.emit(cb, this.stepEvent(j, step, message));
    return j;
  }

  wait(j: RotationJournal, cb: RotationCallbacks, reason: WaitReason, message: string): RotationJournal {
    j.waiting = { reason, message };
    this.save(j);
    this.emit(cb, { kind: 'waiting', reason, message });
    return j;
  }

  note(j: RotationJournal, cb: RotationCallbacks, message: string): void {
    if (!j.notes.includes(message)) j.notes.push(message);
    this.emit(cb, { kind: 'note', message });
  }

  record(j: RotationJournal, step: string, note?: string): void {
    j.history.push({ step, at: this.now().toISOString(), ...(note ? { note } : {}) });
  }

  save(j: RotationJournal): void {
    j.pid = process.pid;
    j.updatedAt = this.now().toISOString();
    this.journals.save(j);
  }

  stepEvent(j: RotationJournal, step: RotationStep, message: string): RotationEvent {
    const order = stepsFor(j.mode);
    return { kind: 'step', step, index: order.indexOf(step) + 1, total: order.length, title: stepTitle(step), message };
  }

  emit(cb: RotationCallbacks, event: RotationEvent): void {
    cb.onEvent?.(event);
  }

  checkpoint(name: string): void {
    this.deps.checkpoint?.(name);
  }

  audit(j: RotationJournal, action: string, outcome: 'success' | 'failure' | 'refused' | 'started' | 'cancelled', extra: Record<string, unknown>): void {
    this.deps.audit?.({
      action, outcome, journal: j,
      details: {
        rotationId: j.id, mode: j.mode, step: j.step, oldPublicKey: j.oldKey?.publicKey, newKeyNote: j.newKeyNote, newPublicKey: j.newKey?.publicKey,
        targets: j.targets.map(t => t.target), ...extra,
      },
    });
  }
}
