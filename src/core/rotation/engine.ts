// The key-rotation state machine, shared by the VS Code wizard and the CLI.
//
// Order (normal and manual mode): plan → persist the new secret → create the key → push to every
// target (snapshot first, read back after) → verify the new pair → evidence the old key is out of
// use → revoke the old key (after a confirmation naming project and key) → re-check → report.
// Compromised mode revokes right after the new pair is stored and answers who-am-I, and gathers the
// evidence afterwards. The old key is NEVER revoked before the new secret is stored in every target
// and the new pair verified: `confirmRevoke()` (revokeSteps.ts) checks that itself instead of trusting the caller.
//
// Every step is an idempotent function of the journal: a run killed anywhere is resumed by calling
// `run()` again, which looks before it acts (lists keys, re-reads targets). Secrets never enter the
// journal; they live in the PendingSecretStore until the rotation completes or is rolled back.
import { formatSinkTarget, parseSinkTarget } from '../secrets/spec';
import type { HeldLock } from '../state/lock';
import { StepContext } from './context';
import { createKey, prepareNewPair } from './createSteps';
import { RotationBusyError, RotationInputError, RotationStateError, toolLabel } from './errors';
import { gatherEvidence } from './evidenceStep';
import { createSubject, isFinished, JournalStore, newRotationId, rotationSubject, type RotationJournal } from './journal';
import { PUBLIC_KEY_FORMAT, SECRET_KEY_FORMAT } from './newKeyPair';
import { push, verify } from './pushSteps';
import { complete, confirmRevoke, recheck, revoke } from './revokeSteps';
import { rollBack } from './rollback';
import { acquireRotationLock } from './rotationLock';
import { abortRefusal, pastPointOfNoReturn } from './pointOfNoReturn';
import { editTargets } from './editTargets';
import { forward } from './forward';
import { checkForeignHosts } from './foreignHost';
import { oldKeyOf, refuseUntrustedTargets } from './startChecks';
import { checkTargets } from './targetChecks';
import { l10n } from '../l10n/l10n';
import { nextStep, reached, stepTitle, type RotationStep } from './steps';
import type { RotationCallbacks, RotationDeps, RotationPlan, RunResult } from './types';


export class RotationEngine {
  readonly journals: JournalStore;
  private readonly held = new Map<string, HeldLock>();
  private readonly now: () => Date;
  private readonly ctx: StepContext;

  constructor(private readonly deps: RotationDeps) {
    this.journals = new JournalStore(deps.stateDir);
    this.now = deps.now ?? (() => new Date());
    this.ctx = new StepContext(deps, this.journals, this.held, this.now);
  }

  /** Every rotation in the state folder (both tools'), newest first. */
  list() {
    return this.journals.list();
  }

  load(id: string): RotationJournal {
    const journal = this.journals.load(id);
    if (!journal) throw new RotationStateError(l10n.t('There is no rotation {0} in {1}. List them with "{2}".', id, this.journals.dir, 'langfuse-access rotate --list'));
    return journal;
  }

  /** The unfinished rotation of this key (or creation of this declared key), whichever tool owns it. */
  unfinishedFor(subject: string): RotationJournal | undefined {
    return this.list().journals.find(j => !isFinished(j) && (rotationSubject(j) === subject || j.oldKey?.publicKey === subject));
  }

  /** Unfinished rotations this front end can resume (the other tool's are only shown). */
  resumable(): RotationJournal[] {
    return this.list().journals.filter(j => !isFinished(j) && j.tool === this.deps.tool);
  }

  /**
   * What `start()` checks before anything exists, without changing anything, so front ends can run it
   * before their confirmation: no other rotation of the key, the old key still in its project, and
   * every target readable, holding the old key or none, a file writable (RotationTargetError names each).
   */
  async preflight(plan: RotationPlan): Promise<void> {
    const creating = plan.mode === 'create';
    const busy = this.unfinishedFor(plan.oldPublicKey ?? createSubject(plan.project.name, plan.note ?? ''));
    if (busy) throw this.busyError(busy);
    const targets = [...new Set(plan.targets.map(t => formatSinkTarget(parseSinkTarget(t))))];
    refuseUntrustedTargets(targets, plan.workspaceTrusted && (this.deps.workspaceTrusted?.() ?? true));
    const admin = plan.mode === 'manual' ? undefined : this.deps.admin;
    const projectId = plan.project.id ?? (admin && (await admin.projects.list()).find(p => p.name === plan.project.name)?.id);
    if (admin && projectId && !creating) await oldKeyOf(admin, { id: projectId, name: plan.project.name }, plan.oldPublicKey!, this.deps.stateDir, this.list().journals);
    await checkTargets(targets, plan.oldPublicKey, this.deps.sinkFor);
  }

  /**
   * Checks the plan, takes the key's lock and writes the journal at step `planned`. Nothing is
   * created or written anywhere yet. Then call `run()` (or `step()` for one step at a time).
   */
  async start(plan: RotationPlan, callbacks: RotationCallbacks = {}): Promise<RotationJournal> {
    const creating = plan.mode === 'create';
    if (creating ? !plan.note : !PUBLIC_KEY_FORMAT.test(plan.oldPublicKey ?? '')) {
      throw new RotationInputError(creating ? l10n.t('A new key needs its note.') : l10n.t('"{0}" is not a Langfuse public key (pk-lf-…).', plan.oldPublicKey ?? ''));
    }
    if (plan.note !== undefined && !plan.note.trim()) throw new RotationInputError(l10n.t('The new key\'s note must not be empty.'));
    const targets = [...new Set(plan.targets.map(t => formatSinkTarget(parseSinkTarget(t))))];
    if (targets.length === 0) throw new RotationInputError(l10n.t('Name at least one target to receive the new key pair ({0}).', 'env:PATH, aws-sm:SECRET_ID, pass:ENTRY, vault:MOUNT/PATH'));
    for (const t of targets) this.deps.sinkFor(t); // configuration errors now, not after the key exists
    if (plan.mode !== 'manual' && !this.deps.admin) {
      throw new RotationInputError(l10n.t('This connection cannot create or delete keys (it needs an organization key on a plan with the admin API). Use manual mode: create the new pair in the Langfuse UI and paste it.'));
    }
    const subject = plan.oldPublicKey ?? createSubject(plan.project.name, plan.note ?? '');
    const busy = this.unfinishedFor(subject);
    if (busy) throw this.busyError(busy);
    refuseUntrustedTargets(targets, plan.workspaceTrusted && (this.deps.workspaceTrusted?.() ?? true));
    const foreignHostsConfirmed = await checkForeignHosts(targets, plan.connection.baseUrl, [], callbacks, this.now());
    await checkTargets(targets, plan.oldPublicKey, this.deps.sinkFor);

    this.journals.sweepStrays();
    const now = this.now();
    const id = newRotationId(now);
    const lock = acquireRotationLock(this.deps.stateDir, subject, this.deps.tool, id);
    try {
      // Again under the lock: another process may have started (and paused) a rotation meanwhile.
      const raced = this.unfinishedFor(subject);
      if (raced) throw this.busyError(raced);
      const project = { ...plan.project };
      let oldKey: { id: string; note: string | null } | undefined;
      if (this.deps.admin) {
        if (!project.id) {
          const found = (await this.deps.admin.projects.list()).find(p => p.name === project.name);
          if (!found) throw new RotationInputError(l10n.t('There is no project "{0}" in this organization.', project.name));
          project.id = found.id;
        }
        if (!creating) oldKey = await oldKeyOf(this.deps.admin, { id: project.id, name: project.name }, plan.oldPublicKey!, this.deps.stateDir, this.list().journals);
      }
      if (plan.oldSecretKey !== undefined && !SECRET_KEY_FORMAT.test(plan.oldSecretKey)) throw new RotationInputError(l10n.t('The old secret key given is not a Langfuse secret key (sk-lf-…).'));
      const stamp = now.toISOString();
      const journal: RotationJournal = {
        v: 1, id, tool: this.deps.tool, pid: process.pid, actor: this.deps.actor, mode: plan.mode,
        connection: plan.connection, project,
        oldKey: plan.oldPublicKey === undefined ? undefined : { publicKey: plan.oldPublicKey, ...(oldKey ? { id: oldKey.id, note: oldKey.note } : {}) }, newKeyNote: plan.note,
        targets: targets.map(target => ({ target })), scanPaths: plan.scanPaths ?? [], scanExclude: plan.scanExclude, probeTraces: plan.probeTraces ?? false,
        workspaceTrusted: plan.workspaceTrusted, ...(foreignHostsConfirmed.length ? { foreignHostsConfirmed } : {}),
        status: 'active', step: 'planned', notes: [], history: [{ step: 'planned', at: stamp }], createdAt: stamp, updatedAt: stamp,
      };
      // Journal first: a kill between the two writes then leaves a resumable rotation (without the
      // old secret, so the 401 re-check is skipped and says so) instead of an orphan secret file.
      this.journals.save(journal);
      if (plan.oldSecretKey) await this.deps.secrets.save({ rotationId: id, oldSecretKey: plan.oldSecretKey, snapshots: {} });
      this.held.set(subject, lock);
      this.ctx.audit(journal, 'rotation.planned', 'started', {});
      this.ctx.emit(callbacks, this.ctx.stepEvent(journal, 'planned', creating
        ? l10n.t('Rotation {0} creates the key "{1}" in project {2}, {3} target(s).', id, plan.note ?? '', project.name, targets.length)
        : l10n.t('Rotation {0} of {1} in project {2} ({3} mode), {4} target(s).', id, plan.oldPublicKey ?? '', project.name, plan.mode, targets.length)));
      return journal;
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** Runs steps until the rotation completes or waits for a person. */
  async run(id: string, callbacks: RotationCallbacks = {}): Promise<RunResult> {
    for (;;) {
      const result = await this.step(id, callbacks);
      if (result.outcome !== 'progressed') return result;
    }
  }

  /** Advances the rotation by exactly one step (or continues a rollback). */
  async step(id: string, callbacks: RotationCallbacks = {}): Promise<RunResult> {
    let journal = this.claim(id);
    try {
      if (journal.status === 'rollingBack') return await rollBack(this.ctx, journal, callbacks);
      const target = nextStep(journal.mode, journal.step);
      if (!target) return { journal, outcome: 'completed' };
      if (journal.waiting) { journal.waiting = undefined; this.ctx.save(journal); }
      journal = reached(journal.mode, target, 'revoked')
        ? await forward(() => this.reach(this.load(id), target, callbacks), this.deps.retryDelaysMs, (attempt, err) => this.ctx.emit(callbacks, { kind: 'note', message: l10n.t('The old key may be gone, so the rotation must finish: retrying "{0}" (attempt {1}) after: {2}', stepTitle(target), attempt + 1, err.message) }))
        : await this.reach(journal, target, callbacks);
      if (journal.waiting) return { journal, outcome: 'waiting' };
      if (journal.status === 'completed') { this.ctx.release(journal); return { journal, outcome: 'completed' }; }
      return { journal, outcome: 'progressed' };
    } catch (err) {
      this.fail(journal, callbacks, err);
      throw err;
    }
  }

  /**
   * Abandons the rotation before the revoke: restores every target to what it held, deletes the new
   * key, wipes the pending secrets. After the revoke has started there is no way back (the old key
   * may already be gone) and this refuses, saying what resuming will do instead.
   */
  async abort(id: string, callbacks: RotationCallbacks = {}): Promise<RunResult> {
    const journal = this.claim(id);
    if (journal.status === 'active') {
      if (pastPointOfNoReturn(journal)) throw new RotationStateError(abortRefusal(journal));
      journal.status = 'rollingBack';
      journal.waiting = undefined;
      this.ctx.record(journal, journal.step, 'rollback started');
      this.ctx.save(journal);
      this.ctx.audit(journal, 'rotation.rollback', 'started', {});
    }
    try {
      return await rollBack(this.ctx, journal, callbacks);
    } catch (err) {
      this.fail(journal, callbacks, err);
      throw err;
    }
  }

  /** Changes the targets of an unfinished rotation before its revoke (editTargets.ts); run() then pushes to the new ones. */
  async editTargets(id: string, targets: readonly string[], callbacks: RotationCallbacks = {}): Promise<RotationJournal> {
    const journal = this.claim(id);
    try {
      return await editTargets(this.ctx, journal, targets, callbacks);
    } catch (err) {
      this.fail(journal, callbacks, err);
      throw err;
    }
  }

  /** Lets go of every lock this engine holds (the CLI calls it before exiting). */
  close(): void {
    for (const lock of this.held.values()) lock.release();
    this.held.clear();
  }

  // ── steps ────────────────────────────────────────────────────────────────────────────────────

  private async reach(j: RotationJournal, step: RotationStep, cb: RotationCallbacks): Promise<RotationJournal> {
    const ctx = this.ctx;
    switch (step) {
      case 'creating': return prepareNewPair(ctx, j, cb);
      case 'created': return createKey(ctx, j, cb);
      case 'pushing': return ctx.advance(j, 'pushing', cb, l10n.t('Pushing the new pair to {0} target(s).', j.targets.length));
      case 'pushed': return push(ctx, j, cb);
      case 'verified': return verify(ctx, j, cb);
      case 'evidenced': return gatherEvidence(ctx, j, cb);
      case 'revoking': return confirmRevoke(ctx, j, cb);
      case 'revoked': return revoke(ctx, j, cb);
      case 'rechecked': return recheck(ctx, j, cb);
      case 'completed': return complete(ctx, j, cb);
      case 'planned': return j;
    }
  }













  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /** Loads a rotation this front end may work on and takes (or keeps) its key's lock. */
  private claim(id: string): RotationJournal {
    const journal = this.load(id);
    if (isFinished(journal)) throw new RotationStateError(journal.status === 'completed' ? l10n.t('Rotation {0} is already completed.', id) : l10n.t('Rotation {0} is already rolled back.', id));
    if (journal.tool !== this.deps.tool) throw this.busyError(journal);
    const subject = rotationSubject(journal);
    if (!this.held.has(subject)) {
      this.held.set(subject, acquireRotationLock(this.deps.stateDir, subject, this.deps.tool, id));
      this.journals.removeStrayTemps(id);
    }
    return journal;
  }

  private busyError(j: RotationJournal): RotationBusyError {
    if (j.tool !== this.deps.tool) {
      return new RotationBusyError({ tool: j.tool, rotationId: j.id },
        j.oldKey
          ? l10n.t('{0} is being rotated by {1} (rotation {2}, at step "{3}", started {4} by {5}). Only that tool holds its new secret: continue or abort it there.', rotationSubject(j), toolLabel(j.tool), j.id, j.step, j.createdAt, j.actor)
          : l10n.t('{0} is being created by {1} (rotation {2}, at step "{3}", started {4} by {5}). Only that tool holds its new secret: continue or abort it there.', rotationSubject(j), toolLabel(j.tool), j.id, j.step, j.createdAt, j.actor));
    }
    return new RotationBusyError({ tool: j.tool, rotationId: j.id },
      j.tool === 'cli'
        ? l10n.t('{0} already has an unfinished rotation {1} (step "{2}"). Resume it ({3}) or abort it ({4}).', rotationSubject(j), j.id, j.step, `langfuse-access rotate --resume ${j.id}`, `--abort ${j.id}`)
        : l10n.t('{0} already has an unfinished rotation {1} (step "{2}"). Resume or abort it first (it may be open in another VS Code window).', rotationSubject(j), j.id, j.step));
  }











  private fail(j: RotationJournal, cb: RotationCallbacks, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.ctx.audit(j, `rotation.${j.status === 'rollingBack' ? 'rollback' : nextStep(j.mode, j.step) ?? j.step}`, 'failure', { error: message });
    this.ctx.emit(cb, { kind: 'error', message });
  }






}

