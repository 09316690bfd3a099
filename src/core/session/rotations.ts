// Key rotation through the session: the same guard as any key change (apiKeys:CUD in the project,
// checked before anything is created), the engine wired once for both edges (pending secrets and
// sink settings from the port, clients from the pool, audit entries like every other action).
import * as path from 'node:path';
import type { Decision } from '../guards/accessGuards';
import { l10n } from '../l10n/l10n';
import type { LangfuseClient } from '../langfuse/index';
import { shortPublicKey } from '../log/redact';
import { StateFiles } from '../names';
import { rotationConfirmation } from '../rotation/confirmation';
import { RotationEngine } from '../rotation/engine';
import { RotationInputError } from '../rotation/errors';
import { resumeOffer } from '../rotation/pointOfNoReturn';
import { restrictedModeRotationRefusal } from '../rotation/startChecks';
import { RotationTargetError } from '../rotation/targetChecks';
import { rotationSubject, type RotationJournal } from '../rotation/journal';
import type { RotationCallbacks, RotationPlan, RunResult } from '../rotation/types';
import { createSink } from '../secrets/createSink';
import type { Session } from './session';

export type RotationStart =
  | { status: 'started'; decision: Decision; journal: RotationJournal }
  | { status: 'refused'; decision: Decision }
  /** Not a question of role: Restricted Mode, or a target that cannot take the new pair. Shown like a refusal; nothing was created. */
  | { status: 'unusable'; rule: 'restricted-mode' | 'target-unusable'; reason: string }
  | { status: 'cancelled'; decision: Decision };

export class SessionRotations {
  private constructor(private readonly session: Session, readonly engine: RotationEngine, readonly adminAvailable: boolean) {}

  /** `manual`: the user creates and deletes keys in Langfuse's UI, so the engine gets no admin client. */
  static async open(session: Session, options: { manual?: boolean } = {}): Promise<SessionRotations> {
    const { host } = session;
    const { port } = host;
    const capabilities = options.manual ? undefined : (await session.model.overview()).capabilities;
    const admin: LangfuseClient | undefined = capabilities?.keyKind === 'organization' && capabilities.adminApi ? session.client : undefined;
    const sinks = await port.sinkSettings();
    const engine = new RotationEngine({
      stateDir: port.stateDir,
      tool: port.tool,
      actor: port.actor().label,
      secrets: port.pendingSecrets,
      admin,
      clientFor: (pair, baseUrl) => host.clients.client(baseUrl, pair),
      sinkFor: target => createSink(target, { ...sinks, lockDir: path.join(port.stateDir, StateFiles.locksDir), tool: port.tool === 'extension' ? 'vscode' : 'cli' }),
      audit: e => host.record(session.withConnection({
        action: e.action, outcome: e.outcome, details: e.details,
        resource: { kind: 'rotation', id: e.journal.id, name: rotationSubject(e.journal), project: e.journal.project.name },
      })),
      now: () => port.clock.now(),
      workspaceTrusted: () => port.workspaceTrusted?.() ?? true,
      checkpoint: port.checkpoint,
    });
    return new SessionRotations(session, engine, !!admin);
  }

  /**
   * Decides, confirms and writes the journal; nothing is created anywhere yet. An identity that may
   * not create keys in the project is refused here, before the new key exists. A manual rotation
   * happens in Langfuse's UI, which checks the user's role itself (and the key cannot list members).
   * `create` mode makes a new key (guarded like creating one); `confirmed`: the rotation is part of a
   * plan the user already confirmed as a whole (an access-as-code apply), so it is not asked again.
   */
  async start(plan: RotationPlan, options: { confirmed?: boolean } = {}): Promise<RotationStart> {
    const untrusted = this.restrictedModeRefusal();
    if (untrusted) return this.refuse(plan, { status: 'unusable', rule: 'restricted-mode', reason: untrusted });
    if (plan.mode !== 'manual' && !this.adminAvailable) {
      throw new RotationInputError(l10n.t('This connection cannot create or delete keys (it needs an organization key on a plan with the admin API). Use manual mode: create the new pair in the Langfuse UI and paste it.'));
    }
    const decision = plan.mode === 'manual' ? { allowed: true as const, rule: 'allowed' as const } : await this.decide(plan.project, plan.mode === 'create' ? 'apiKey.create' : 'apiKey.rotate');
    const { prompter } = this.session.host.port;
    if (!decision.allowed) return this.refuse(plan, { status: 'refused', decision });
    // Every target is checked before the user confirms and before anything is created.
    try {
      await this.engine.preflight(plan);
    } catch (err) {
      if (!(err instanceof RotationTargetError)) throw err;
      return this.refuse(plan, { status: 'unusable', rule: 'target-unusable', reason: err.message });
    }
    const message = plan.mode === 'create'
      ? l10n.t('Create the key "{0}" in {1} into {2} target(s): {3}?', plan.note ?? '', plan.project.name, plan.targets.length, plan.targets.join(', '))
      : rotationConfirmation({ oldPublicKey: plan.oldPublicKey!, project: plan.project.name, mode: plan.mode, targets: plan.targets });
    const button = plan.mode === 'create' ? l10n.t('Create Key') : plan.mode === 'compromised' ? l10n.t('Rotate Now') : l10n.t('Start Rotation');
    if (!options.confirmed && !await prompter.confirm({ id: 'rotation-start', message, button })) return { status: 'cancelled', decision };
    return { status: 'started', decision, journal: await this.engine.start(plan, this.callbacks()) };
  }

  run(id: string): Promise<RunResult> {
    return this.engine.run(id, this.callbacks());
  }

  /**
   * Why no rotation may start, resume, change or roll back in this edge now (VS Code's Restricted
   * Mode; the CLI has none), or undefined.
   */
  restrictedModeRefusal(): string | undefined {
    return restrictedModeRotationRefusal(this.session.host.port.workspaceTrusted?.() ?? true);
  }

  /** Changes a paused rotation's targets before its revoke (checked like at the start); run() then pushes to the new ones. */
  editTargets(journal: RotationJournal, targets: readonly string[]): Promise<RotationJournal> {
    return this.engine.editTargets(journal.id, targets, this.callbacks());
  }

  /**
   * Rolls back a rotation that has not revoked yet, after the user confirms. Past the point of no
   * return the refusal (what resuming will do instead) is shown, without asking anything first.
   */
  async abort(journal: RotationJournal): Promise<RunResult | undefined> {
    const offer = resumeOffer(journal);
    if (offer.pastPointOfNoReturn) {
      await this.session.host.port.prompter.refuse(offer.whyNoAbort!);
      return undefined;
    }
    const message = journal.newKey
      ? l10n.t('Abort rotation {0}? Every target gets back what it held before and the new key {1} is deleted.', journal.id, shortPublicKey(journal.newKey.publicKey))
      : l10n.t('Abort rotation {0}? Every target gets back what it held before.', journal.id);
    if (!await this.session.host.port.prompter.confirm({ id: 'rotation-abort', message, button: l10n.t('Abort and Roll Back') })) return undefined;
    return this.engine.abort(journal.id, this.callbacks());
  }

  close(): void {
    this.engine.close();
  }

  private async refuse(plan: RotationPlan, refusal: Extract<RotationStart, { status: 'refused' | 'unusable' }>): Promise<RotationStart> {
    const { reason, rule } = refusal.status === 'refused' ? refusal.decision as Decision & { allowed: false } : refusal;
    this.session.host.record(this.session.withConnection({
      action: 'rotation.start', outcome: 'refused', resource: { kind: 'rotation', name: plan.oldPublicKey ?? `new key "${plan.note ?? ''}"`, project: plan.project.name },
      details: { mode: plan.mode, reason, rule },
    }));
    await this.session.host.port.prompter.refuse(reason);
    return refusal;
  }

  private async decide(project: { id?: string; name: string }, kind: 'apiKey.rotate' | 'apiKey.create'): Promise<Decision> {
    const overview = await this.session.model.overview();
    const id = project.id ?? overview.projects?.find(p => p.name === project.name)?.id;
    if (!id) {
      const facts = await this.session.liveFacts(undefined);
      return this.session.decide({ kind, projectId: project.name, projectName: project.name }, facts);
    }
    const facts = await this.session.liveFacts(id);
    return this.session.decide({ kind, projectId: id, projectName: facts.project?.name ?? project.name }, facts);
  }

  private callbacks(): RotationCallbacks {
    const { prompter } = this.session.host.port;
    return {
      onEvent: event => prompter.progress(event),
      provideNewPair: request => prompter.newKeyPair(request),
      confirmChecklist: request => prompter.confirm({
        id: 'rotation-checklist', button: l10n.t('All Done: Continue'),
        message: l10n.t('Before the old key {0} of {1} is revoked, confirm the deploy checklist for {2}:\n{3}', shortPublicKey(request.oldPublicKey), request.project, request.newPublicKey, request.items.map(i => `  - ${i}`).join('\n')),
      }),
      confirmRevoke: request => prompter.confirm({
        id: 'rotation-revoke', message: request.question,
        detail: [request.warning && l10n.t('WARNING: {0}', request.warning), request.manualInstructions].filter(Boolean).join('\n') || undefined,
        button: request.mode === 'manual' ? l10n.t('I Deleted It') : l10n.t('Revoke {0} in {1}', shortPublicKey(request.oldPublicKey), request.project),
      }),
      confirmForeignHost: request => prompter.confirm({
        id: 'rotation-foreign-host', message: request.question, hosts: request.foreignHosts.map(h => h.host),
        button: l10n.t('Write to {0}', request.foreignHosts.map(h => h.host).join(', ')),
      }),
    };
  }
}
