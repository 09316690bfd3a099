// The key-rotation state machine, shared by the VS Code wizard and the CLI.
//
// Order (normal and manual mode): plan → persist the new secret → create the key → push to every
// target (snapshot first, read back after) → verify the new pair → evidence the old key is out of
// use → revoke the old key (after a confirmation naming project and key) → re-check → report.
// Compromised mode revokes right after the new pair is stored and answers who-am-I, and gathers the
// evidence afterwards. The old key is NEVER revoked before the new secret is stored in every target
// and the new pair verified: `revoke()` checks that itself instead of trusting the caller.
//
// Every step is an idempotent function of the journal: a run killed anywhere is resumed by calling
// `run()` again, which looks before it acts (lists keys, re-reads targets). Secrets never enter the
// journal; they live in the PendingSecretStore until the rotation completes or is rolled back.
import { UnauthorizedError, type LangfuseClient } from '../langfuse';
import { shortPublicKey } from '../log/redact';
import { formatSinkTarget, parseSinkTarget } from '../secrets/spec';
import type { HeldLock } from '../state/lock';
import { probeTraces, scanForPublicKey } from './evidence';
import { RotationBusyError, RotationError, RotationInputError, RotationStateError, toolLabel } from './errors';
import { isFinished, JournalStore, newRotationId, type Evidence, type RotationJournal } from './journal';
import { generateKeyPair, provenanceNote } from './newKeyPair';
import type { PendingSecrets } from './pendingSecrets';
import { pushTargets, restoreTargets, verifyTargets } from './targets';
import { acquireRotationLock } from './rotationLock';
import { canRollBack, nextStep, reached, STEP_TITLES, stepsFor, type RotationStep } from './steps';
import type { KeyPairInput, RotationCallbacks, RotationDeps, RotationEvent, RotationPlan, RunResult, WaitReason } from './types';

const KEY = /^pk-lf-[A-Za-z0-9_-]{1,200}$/;
const SECRET = /^sk-lf-[A-Za-z0-9_-]{1,200}$/;

export class RotationEngine {
  readonly journals: JournalStore;
  private readonly held = new Map<string, HeldLock>();
  private readonly now: () => Date;

  constructor(private readonly deps: RotationDeps) {
    this.journals = new JournalStore(deps.stateDir);
    this.now = deps.now ?? (() => new Date());
  }

  /** Every rotation in the state folder (both tools'), newest first. */
  list() {
    return this.journals.list();
  }

  load(id: string): RotationJournal {
    const journal = this.journals.load(id);
    if (!journal) throw new RotationStateError(`There is no rotation ${id} in ${this.journals.dir}. List them with "langfuse-access rotate --list".`);
    return journal;
  }

  /** The unfinished rotation of this key, whichever tool owns it. */
  unfinishedFor(publicKey: string): RotationJournal | undefined {
    return this.list().journals.find(j => !isFinished(j) && j.oldKey.publicKey === publicKey);
  }

  /** Unfinished rotations this front end can resume (the other tool's are only shown). */
  resumable(): RotationJournal[] {
    return this.list().journals.filter(j => !isFinished(j) && j.tool === this.deps.tool);
  }

  /**
   * Checks the plan, takes the key's lock and writes the journal at step `planned`. Nothing is
   * created or written anywhere yet. Then call `run()` (or `step()` for one step at a time).
   */
  async start(plan: RotationPlan, callbacks: RotationCallbacks = {}): Promise<RotationJournal> {
    if (!KEY.test(plan.oldPublicKey)) throw new RotationInputError(`"${plan.oldPublicKey}" is not a Langfuse public key (pk-lf-…).`);
    const targets = [...new Set(plan.targets.map(t => formatSinkTarget(parseSinkTarget(t))))];
    if (targets.length === 0) throw new RotationInputError('Name at least one target to receive the new key pair (env:PATH, aws-sm:SECRET_ID, pass:ENTRY, vault:MOUNT/PATH).');
    for (const t of targets) this.deps.sinkFor(t); // configuration errors now, not after the key exists
    if (plan.mode !== 'manual' && !this.deps.admin) {
      throw new RotationInputError('This connection cannot create or delete keys (it needs an organization key on a plan with the admin API). Use manual mode: create the new pair in the Langfuse UI and paste it.');
    }
    const busy = this.unfinishedFor(plan.oldPublicKey);
    if (busy) throw this.busyError(busy);

    const now = this.now();
    const id = newRotationId(now);
    const lock = acquireRotationLock(this.deps.stateDir, plan.oldPublicKey, this.deps.tool, id);
    try {
      // Again under the lock: another process may have started (and paused) a rotation meanwhile.
      const raced = this.unfinishedFor(plan.oldPublicKey);
      if (raced) throw this.busyError(raced);
      const project = { ...plan.project };
      let oldKeyId: string | undefined;
      if (this.deps.admin) {
        if (!project.id) {
          const found = (await this.deps.admin.projects.list()).find(p => p.name === project.name);
          if (!found) throw new RotationInputError(`There is no project "${project.name}" in this organization.`);
          project.id = found.id;
        }
        const key = (await this.deps.admin.projectApiKeys.list(project.id)).find(k => k.publicKey === plan.oldPublicKey);
        if (!key) throw new RotationInputError(`${plan.oldPublicKey} is not a key of project ${project.name}. Check the key and the project.`);
        oldKeyId = key.id;
      }
      if (plan.oldSecretKey !== undefined && !SECRET.test(plan.oldSecretKey)) throw new RotationInputError('The old secret key given is not a Langfuse secret key (sk-lf-…).');
      const stamp = now.toISOString();
      const journal: RotationJournal = {
        v: 1, id, tool: this.deps.tool, pid: process.pid, actor: this.deps.actor, mode: plan.mode,
        connection: plan.connection, project, oldKey: { publicKey: plan.oldPublicKey, id: oldKeyId },
        targets: targets.map(target => ({ target })), scanPaths: plan.scanPaths ?? [], probeTraces: plan.probeTraces ?? false,
        status: 'active', step: 'planned', notes: [], history: [{ step: 'planned', at: stamp }], createdAt: stamp, updatedAt: stamp,
      };
      if (plan.oldSecretKey) await this.deps.secrets.save({ rotationId: id, oldSecretKey: plan.oldSecretKey, snapshots: {} });
      this.journals.save(journal);
      this.held.set(plan.oldPublicKey, lock);
      this.audit(journal, 'rotation.planned', 'started', {});
      this.emit(callbacks, this.stepEvent(journal, 'planned', `Rotation ${id} of ${plan.oldPublicKey} in project ${project.name} (${plan.mode} mode), ${targets.length} target(s).`));
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
      if (journal.status === 'rollingBack') return await this.rollBack(journal, callbacks);
      const target = nextStep(journal.mode, journal.step);
      if (!target) return { journal, outcome: 'completed' };
      if (journal.waiting) { journal.waiting = undefined; this.save(journal); }
      journal = await this.reach(journal, target, callbacks);
      if (journal.waiting) return { journal, outcome: 'waiting' };
      if (journal.status === 'completed') { this.release(journal); return { journal, outcome: 'completed' }; }
      return { journal, outcome: 'progressed' };
    } catch (err) {
      this.fail(journal, callbacks, err);
      throw err;
    }
  }

  /**
   * Abandons the rotation before the revoke: restores every target to what it held, deletes the new
   * key, wipes the pending secrets. After the revoke has started there is no way back (the old key
   * may already be gone) and this refuses, saying so.
   */
  async abort(id: string, callbacks: RotationCallbacks = {}): Promise<RunResult> {
    const journal = this.claim(id);
    if (journal.status === 'active') {
      if (!canRollBack(journal.mode, journal.step)) {
        throw new RotationStateError(`Rotation ${id} is past the point of no return: the old key ${journal.oldKey.publicKey} has been (or is being) revoked, so its targets cannot go back to it. Resume the rotation to finish it.`);
      }
      journal.status = 'rollingBack';
      journal.waiting = undefined;
      this.record(journal, journal.step, 'rollback started');
      this.save(journal);
      this.audit(journal, 'rotation.rollback', 'started', {});
    }
    try {
      return await this.rollBack(journal, callbacks);
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
    switch (step) {
      case 'creating': return this.prepareNewPair(j, cb);
      case 'created': return this.createKey(j, cb);
      case 'pushing': return this.advance(j, 'pushing', cb, `Pushing the new pair to ${j.targets.length} target(s).`);
      case 'pushed': return this.push(j, cb);
      case 'verified': return this.verify(j, cb);
      case 'evidenced': return this.gatherEvidence(j, cb);
      case 'revoking': return this.confirmRevoke(j, cb);
      case 'revoked': return this.revoke(j, cb);
      case 'rechecked': return this.recheck(j, cb);
      case 'completed': return this.complete(j, cb);
      case 'planned': return j;
    }
  }

  /** Admin: generate the pair and persist its secret BEFORE Langfuse knows it. Manual: take the pasted pair. */
  private async prepareNewPair(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    if (j.mode === 'manual') {
      let pair = pending.newPair;
      if (!pair) {
        const note = provenanceNote(j.oldKey.publicKey, this.now(), this.deps.actor);
        pair = await cb.provideNewPair?.({
          rotationId: j.id, project: j.project.name, baseUrl: j.connection.baseUrl, oldPublicKey: j.oldKey.publicKey, suggestedNote: note,
          instructions: `Create a new API key in the Langfuse UI (project ${j.project.name} → Settings → API Keys) with the note "${note}", then paste the public and the secret key. The secret is shown only once.`,
        });
        if (!pair) return this.wait(j, cb, 'new-pair', `Waiting for the new key pair created in the Langfuse UI for project ${j.project.name}.`);
        await this.checkPastedPair(j, pair);
        pending.newPair = { publicKey: pair.publicKey, secretKey: pair.secretKey };
        await this.deps.secrets.save(pending);
        this.checkpoint('persisted-new-secret');
      } else {
        await this.checkPastedPair(j, pair);
      }
      j.newKey = { publicKey: pair.publicKey };
      return this.advance(j, 'creating', cb, `New pair ${pair.publicKey} answers for project ${j.project.name}; its secret is kept in ${this.deps.secrets.describe()} until the rotation ends.`);
    }
    if (!pending.newPair) {
      pending.newPair = (this.deps.generatePair ?? generateKeyPair)();
      await this.deps.secrets.save(pending);
      this.checkpoint('persisted-new-secret');
    }
    j.newKey = { publicKey: pending.newPair.publicKey, note: provenanceNote(j.oldKey.publicKey, this.now(), this.deps.actor) };
    return this.advance(j, 'creating', cb, `New secret for ${pending.newPair.publicKey} stored in ${this.deps.secrets.describe()} before creating the key.`);
  }

  private async checkPastedPair(j: RotationJournal, pair: KeyPairInput): Promise<void> {
    if (!KEY.test(pair.publicKey) || !SECRET.test(pair.secretKey)) throw new RotationInputError('The pasted pair is not a Langfuse key pair (pk-lf-… and sk-lf-…). Copy both values again from the Langfuse UI.');
    if (pair.publicKey === j.oldKey.publicKey) throw new RotationInputError(`The pasted public key is the old key ${j.oldKey.publicKey}. Create a NEW key in the Langfuse UI.`);
    const who = await this.client(pair, j).whoAmI();
    if (j.project.id ? who.id !== j.project.id : who.name !== j.project.name) {
      throw new RotationInputError(`The pasted pair belongs to project ${who.name} (${who.id}), not ${j.project.name}. Create the key in project ${j.project.name}.`);
    }
    j.project.id = who.id;
  }

  /** Creates the key with the persisted pair, or finds it if an earlier run already did. */
  private async createKey(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    const pair = this.newPair(j, pending);
    if (j.mode === 'manual') return this.advance(j, 'created', cb, `Using the pair created in the Langfuse UI: ${pair.publicKey}.`);
    const admin = this.admin();
    const projectId = this.projectId(j);
    const existing = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === pair.publicKey);
    if (existing) {
      j.newKey = { ...j.newKey, publicKey: existing.publicKey, id: existing.id, createdAt: existing.createdAt };
      return this.advance(j, 'created', cb, `New key ${pair.publicKey} exists (created by an earlier run).`);
    }
    const created = await admin.projectApiKeys.create(projectId, { note: j.newKey?.note, publicKey: pair.publicKey, secretKey: pair.secretKey });
    if (created.publicKey !== pair.publicKey || created.secretKey !== pair.secretKey) {
      // A server that ignores predefined keys generated its own pair: persist that one at once.
      pending.newPair = { publicKey: created.publicKey, secretKey: created.secretKey };
      await this.deps.secrets.save(pending);
      j.notes.push('The server generated its own key pair instead of the predefined one; that pair was stored instead.');
    }
    this.checkpoint('key-created');
    j.newKey = { publicKey: created.publicKey, id: created.id, createdAt: created.createdAt, note: created.note ?? undefined };
    return this.advance(j, 'created', cb, `Created ${created.publicKey} in project ${j.project.name} (note "${created.note ?? ''}").`);
  }

  private async push(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    const pair = this.newPair(j, pending);
    await pushTargets(j, pending, pair, {
      sinkFor: this.deps.sinkFor, secrets: this.deps.secrets, save: () => this.save(j), checkpoint: n => this.checkpoint(n), emit: e => this.emit(cb, e),
    });
    j.cutoverAt = this.now().toISOString();
    return this.advance(j, 'pushed', cb, `Every target holds ${pair.publicKey} (read back and compared).`);
  }

  private async verify(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pair = this.newPair(j, await this.pending(j));
    const who = await this.client(pair, j).whoAmI();
    if (who.id !== this.projectId(j)) throw new RotationError('failed', `The new pair ${pair.publicKey} answers for project ${who.name}, not ${j.project.name}. Abort the rotation.`);
    await verifyTargets(j, pair, this.deps.sinkFor, e => this.emit(cb, e));
    const pending = await this.pending(j);
    if (pending.oldSecretKey && j.oldKey.secretAnswered === undefined) {
      // Checked before any revoke, so that a 401 afterwards proves the revoke and not a wrong secret.
      j.oldKey.secretAnswered = await this.answers({ publicKey: j.oldKey.publicKey, secretKey: pending.oldSecretKey }, j);
      if (!j.oldKey.secretAnswered) this.note(j, cb, `The old secret found in the targets does not authenticate ${j.oldKey.publicKey} (wrong secret, or the key is already gone); the 401 re-check will not count.`);
    }
    return this.advance(j, 'verified', cb, `The new pair answers who-am-I for project ${who.name}, and every target holds it.`);
  }

  private async gatherEvidence(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    const pair = this.newPair(j, pending);
    const old = j.oldKey.publicKey;
    const scan = scanForPublicKey(j.scanPaths, old, [this.deps.stateDir]);
    const targetsHoldingOld: string[] = [];
    for (const t of j.targets) if ((await this.deps.sinkFor(t.target).read()).publicKey === old) targetsHoldingOld.push(t.target);
    const evidence: Evidence = {
      at: this.now().toISOString(), scanned: j.scanPaths, references: scan.references, targetsHoldingOld,
      checklistConfirmed: j.evidence?.checklistConfirmed ?? false, probe: j.evidence?.probe,
    };
    if (scan.truncated) this.note(j, cb, `The workspace scan stopped after ${scan.filesScanned - 1} files; narrow the scan paths for a complete answer.`);
    if (j.probeTraces && j.cutoverAt) {
      const traces = await probeTraces(this.client(pair, j), j.cutoverAt);
      evidence.probe = { since: j.cutoverAt, traces, at: evidence.at };
      this.emit(cb, { kind: 'note', message: traces > 0
        ? `Traces are arriving: ${traces} trace(s) in project ${j.project.name} since the cut-over (read with the new key). This does not show which key sent them.`
        : `No traces in project ${j.project.name} since the cut-over yet (read with the new key).` });
    }
    j.evidence = evidence;
    const blocking = j.mode !== 'compromised';
    if (blocking && targetsHoldingOld.length > 0) {
      this.save(j);
      return this.wait(j, cb, 'targets-hold-old', `These targets hold the old key again: ${targetsHoldingOld.join(', ')}. Someone changed them after the push; put the new pair back (or abort the rotation), then resume.`);
    }
    if (blocking && scan.references.length > 0) {
      this.save(j);
      const list = scan.references.slice(0, 20).map(r => `${r.file}:${r.line}`).join(', ');
      return this.wait(j, cb, 'references', `The old public key ${old} still appears in ${scan.references.length} place(s): ${list}. Update them, then resume.`);
    }
    if (!evidence.checklistConfirmed) {
      const items = [
        ...j.targets.map(t => `The new pair ${pair.publicKey} is in ${t.target}.`),
        'Every service that reads these keys has been redeployed or restarted and works with the new pair.',
        'No other copy of the old key (CI variables, other machines, notebooks) is still in use.',
      ];
      evidence.checklistConfirmed = (await cb.confirmChecklist?.({ rotationId: j.id, project: j.project.name, oldPublicKey: old, newPublicKey: pair.publicKey, items, evidence })) ?? false;
      if (!evidence.checklistConfirmed && blocking) {
        this.save(j);
        return this.wait(j, cb, 'checklist', 'Waiting for the deploy checklist to be confirmed (new keys in the secret managers, services restarted).');
      }
    }
    const parts = [
      `${j.scanPaths.length ? `no reference to ${shortPublicKey(old)} in ${scan.filesScanned} scanned file(s)` : 'no workspace scanned'}`,
      'no target holds the old key',
      evidence.checklistConfirmed ? 'deploy checklist confirmed' : 'deploy checklist NOT confirmed',
    ];
    return this.advance(j, 'evidenced', cb, `Evidence: ${parts.join('; ')}. Langfuse records no key usage, so this cannot prove the old key is unused.`);
  }

  private async confirmRevoke(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    // The one rule that must hold whatever the caller does: the new secret is stored and verified first.
    if (!pending.newPair || !reached(j.mode, j.step, 'verified') || j.targets.some(t => !t.pushed)) {
      throw new RotationStateError(`Refusing to revoke ${j.oldKey.publicKey}: the new pair is not yet stored in every target and verified.`);
    }
    const newKey = pending.newPair.publicKey;
    const request = {
      rotationId: j.id, project: j.project.name, oldPublicKey: j.oldKey.publicKey, newPublicKey: newKey, mode: j.mode,
      question: j.mode === 'manual'
        ? `Have you deleted ${j.oldKey.publicKey} in project ${j.project.name} in the Langfuse UI?`
        : `Revoke ${j.oldKey.publicKey} in project ${j.project.name} now? This cannot be undone.`,
      warning: j.mode === 'compromised'
        ? `Compromised mode: ${j.oldKey.publicKey} is revoked now, before anyone confirmed the services moved to ${newKey}. Every service still using the old key fails at once.`
        : undefined,
      manualInstructions: j.mode === 'manual'
        ? `Open the Langfuse UI → project ${j.project.name} → Settings → API Keys and delete the key ${j.oldKey.publicKey}.`
        : undefined,
    };
    const yes = await cb.confirmRevoke?.(request);
    if (!yes) {
      this.audit(j, 'rotation.revoke', 'refused', {});
      return this.wait(j, cb, j.mode === 'manual' ? 'manual-deletion' : 'confirm-revoke', j.mode === 'manual' ? request.manualInstructions ?? '' : `Waiting for confirmation to revoke ${j.oldKey.publicKey} in project ${j.project.name}.`);
    }
    return this.advance(j, 'revoking', cb, j.mode === 'manual' ? `You deleted ${j.oldKey.publicKey} in the Langfuse UI; checking.` : `Revoking ${j.oldKey.publicKey}: from here on there is no rollback.`);
  }

  private async revoke(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    if (j.mode === 'manual') {
      if (pending.oldSecretKey && j.oldKey.secretAnswered !== false) {
        if (await this.answers({ publicKey: j.oldKey.publicKey, secretKey: pending.oldSecretKey }, j)) {
          j.step = 'evidenced';
          this.save(j);
          return this.wait(j, cb, 'old-key-still-valid', `${j.oldKey.publicKey} still answers: it has not been deleted yet. Delete it in the Langfuse UI, then confirm again.`);
        }
      }
      return this.advance(j, 'revoked', cb, `${j.oldKey.publicKey} is deleted (you deleted it in the Langfuse UI).`);
    }
    const admin = this.admin();
    const projectId = this.projectId(j);
    const key = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === j.oldKey.publicKey);
    if (key) {
      await admin.projectApiKeys.delete(projectId, key.id);
      this.checkpoint('key-deleted');
    }
    return this.advance(j, 'revoked', cb, `Revoked ${j.oldKey.publicKey} in project ${j.project.name}.`);
  }

  private async recheck(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    const pending = await this.pending(j);
    const pair = this.newPair(j, pending);
    const newWorks = await this.answers(pair, j);
    if (!newWorks) throw new RotationError('failed', `The new pair ${pair.publicKey} no longer answers. Check the key in the Langfuse UI; its secret is still in ${this.deps.secrets.describe()}.`);
    let oldPair: 'unauthorized' | 'still-valid' | 'not-checked' = 'not-checked';
    let note: string | undefined;
    if (!pending.oldSecretKey) note = 'The old secret was not available (no target held it), so the 401 re-check was skipped.';
    else if (j.oldKey.secretAnswered === false) note = 'The old secret found did not authenticate before the revoke, so a 401 now proves nothing; re-check skipped.';
    else oldPair = (await this.answers({ publicKey: j.oldKey.publicKey, secretKey: pending.oldSecretKey }, j)) ? 'still-valid' : 'unauthorized';
    j.recheck = { oldPair, newPair: true, note, at: this.now().toISOString() };
    if (oldPair === 'still-valid') {
      this.save(j);
      throw new RotationError('failed', `${j.oldKey.publicKey} still answers after the revoke. Delete it in the Langfuse UI, then resume.`);
    }
    if (note) this.note(j, cb, note);
    return this.advance(j, 'rechecked', cb, `${oldPair === 'unauthorized' ? `The old pair answers 401; ` : ''}the new pair works.`);
  }

  private async complete(j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
    // Wiped first: the targets hold the new secret now, and a journal marked completed is never resumed.
    await this.deps.secrets.wipe(j.id);
    this.checkpoint('secrets-wiped');
    j.status = 'completed';
    return this.advance(j, 'completed', cb, `Rotation ${j.id} completed: ${j.oldKey.publicKey} → ${j.newKey?.publicKey}.`);
  }

  private async rollBack(j: RotationJournal, cb: RotationCallbacks): Promise<RunResult> {
    const pending = await this.deps.secrets.load(j.id) ?? { rotationId: j.id, snapshots: {} };
    const problems = await restoreTargets(j, pending, {
      sinkFor: this.deps.sinkFor, save: () => this.save(j), checkpoint: n => this.checkpoint(n), emit: e => this.emit(cb, e),
    });
    if (problems.length > 0) {
      this.audit(j, 'rotation.rollback', 'failure', { problems });
      return { journal: this.wait(j, cb, 'restore-conflict', `Could not restore ${problems.join('; ')}. Fix the target by hand, then run the abort again.`), outcome: 'waiting' };
    }
    const newPublicKey = j.newKey?.publicKey ?? pending.newPair?.publicKey;
    const mayExist = reached(j.mode, j.step, 'creating');
    if (newPublicKey && mayExist && j.mode !== 'manual') {
      const admin = this.admin();
      const projectId = this.projectId(j);
      const key = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === newPublicKey);
      if (key) {
        await admin.projectApiKeys.delete(projectId, key.id);
        this.checkpoint('new-key-deleted');
        this.note(j, cb, `Deleted the new key ${newPublicKey}.`);
      }
    } else if (newPublicKey && mayExist) {
      this.note(j, cb, `Delete the new key ${newPublicKey} in the Langfuse UI (project ${j.project.name} → Settings → API Keys): this connection cannot delete keys.`);
    }
    await this.deps.secrets.wipe(j.id);
    this.checkpoint('secrets-wiped');
    j.status = 'rolledBack';
    j.waiting = undefined;
    this.record(j, j.step, 'rolled back');
    this.save(j);
    this.audit(j, 'rotation.rollback', 'success', {});
    this.emit(cb, { kind: 'note', message: `Rotation ${j.id} rolled back: every target holds what it held before, and ${j.oldKey.publicKey} was never revoked.` });
    this.release(j);
    return { journal: j, outcome: 'rolledBack' };
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /** Loads a rotation this front end may work on and takes (or keeps) its key's lock. */
  private claim(id: string): RotationJournal {
    const journal = this.load(id);
    if (isFinished(journal)) throw new RotationStateError(`Rotation ${id} is already ${journal.status === 'completed' ? 'completed' : 'rolled back'}.`);
    if (journal.tool !== this.deps.tool) throw this.busyError(journal);
    if (!this.held.has(journal.oldKey.publicKey)) {
      this.held.set(journal.oldKey.publicKey, acquireRotationLock(this.deps.stateDir, journal.oldKey.publicKey, this.deps.tool, id));
      this.journals.removeStrayTemps(id);
    }
    return journal;
  }

  private busyError(j: RotationJournal): RotationBusyError {
    if (j.tool !== this.deps.tool) {
      return new RotationBusyError({ tool: j.tool, rotationId: j.id },
        `${j.oldKey.publicKey} is being rotated by ${toolLabel(j.tool)} (rotation ${j.id}, at step "${j.step}", started ${j.createdAt} by ${j.actor}). Only that tool holds its new secret: continue or abort it there.`);
    }
    return new RotationBusyError({ tool: j.tool, rotationId: j.id },
      `${j.oldKey.publicKey} already has an unfinished rotation ${j.id} (step "${j.step}"). Resume it (langfuse-access rotate --resume ${j.id}) or abort it (--abort ${j.id}).`);
  }

  private release(j: RotationJournal): void {
    this.journals.removeStrayTemps(j.id);
    this.held.get(j.oldKey.publicKey)?.release();
    this.held.delete(j.oldKey.publicKey);
  }

  private async pending(j: RotationJournal): Promise<PendingSecrets> {
    return (await this.deps.secrets.load(j.id)) ?? { rotationId: j.id, snapshots: {} };
  }

  private newPair(j: RotationJournal, pending: PendingSecrets): KeyPairInput {
    if (!pending.newPair) {
      throw new RotationError('failed', `The new secret of rotation ${j.id} is missing from ${this.deps.secrets.describe()}. If the new key exists, delete it in the Langfuse UI and start a new rotation.`);
    }
    return pending.newPair;
  }

  private admin(): LangfuseClient {
    if (!this.deps.admin) throw new RotationStateError('This step needs an organization key with the admin API; resume with the connection that started the rotation.');
    return this.deps.admin;
  }

  private projectId(j: RotationJournal): string {
    if (!j.project.id) throw new RotationStateError(`The id of project ${j.project.name} is not known yet.`);
    return j.project.id;
  }

  private client(pair: KeyPairInput, j: RotationJournal): LangfuseClient {
    return this.deps.clientFor(pair, j.connection.baseUrl);
  }

  /** True when the pair answers who-am-I for this project; false on 401. Other errors propagate. */
  private async answers(pair: KeyPairInput, j: RotationJournal): Promise<boolean> {
    try {
      const who = await this.client(pair, j).whoAmI();
      return !j.project.id || who.id === j.project.id;
    } catch (err) {
      if (err instanceof UnauthorizedError) return false;
      throw err;
    }
  }

  private advance(j: RotationJournal, step: RotationStep, cb: RotationCallbacks, message: string): RotationJournal {
    j.step = step;
    j.waiting = undefined;
    this.record(j, step);
    this.save(j);
    this.checkpoint(`journal:${step}`);
    this.audit(j, `rotation.${step}`, 'success', { message });
    this.emit(cb, this.stepEvent(j, step, message));
    return j;
  }

  private wait(j: RotationJournal, cb: RotationCallbacks, reason: WaitReason, message: string): RotationJournal {
    j.waiting = { reason, message };
    this.save(j);
    this.emit(cb, { kind: 'waiting', reason, message });
    return j;
  }

  private note(j: RotationJournal, cb: RotationCallbacks, message: string): void {
    if (!j.notes.includes(message)) j.notes.push(message);
    this.emit(cb, { kind: 'note', message });
  }

  private fail(j: RotationJournal, cb: RotationCallbacks, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.audit(j, `rotation.${j.status === 'rollingBack' ? 'rollback' : nextStep(j.mode, j.step) ?? j.step}`, 'failure', { error: message });
    this.emit(cb, { kind: 'error', message });
  }

  private record(j: RotationJournal, step: string, note?: string): void {
    j.history.push({ step, at: this.now().toISOString(), ...(note ? { note } : {}) });
  }

  private save(j: RotationJournal): void {
    j.pid = process.pid;
    j.updatedAt = this.now().toISOString();
    this.journals.save(j);
  }

  private stepEvent(j: RotationJournal, step: RotationStep, message: string): RotationEvent {
    const order = stepsFor(j.mode);
    return { kind: 'step', step, index: order.indexOf(step) + 1, total: order.length, title: STEP_TITLES[step], message };
  }

  private emit(cb: RotationCallbacks, event: RotationEvent): void {
    cb.onEvent?.(event);
  }

  private checkpoint(name: string): void {
    this.deps.checkpoint?.(name);
  }

  private audit(j: RotationJournal, action: string, outcome: 'success' | 'failure' | 'refused' | 'started' | 'cancelled', extra: Record<string, unknown>): void {
    this.deps.audit?.({
      action, outcome, journal: j,
      details: {
        rotationId: j.id, mode: j.mode, step: j.step, oldPublicKey: j.oldKey.publicKey, newPublicKey: j.newKey?.publicKey,
        targets: j.targets.map(t => t.target), ...extra,
      },
    });
  }
}

