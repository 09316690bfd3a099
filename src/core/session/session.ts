import type { AuditEvent } from '../audit/entry';
import { l10n } from '../l10n/l10n';
import { hostLabel } from '../connections/connection';
import { decide, type AccessAction, type Decision, type OrgAccessState } from '../guards/accessGuards';
import type { LangfuseClient } from '../langfuse/index';
import type { Role } from '../langfuse/roles';
import type { CreatedApiKey, SavedProject } from '../langfuse/schemas';
import { maskSecretKey } from '../log/redact';
import type { OrganizationModel } from '../org/organizationModel';
import { projectOf, type SessionAction, type SessionActionKind } from './actions';
import { planChange, type LiveFacts } from './changes';
import type { SessionConnection } from './clientPool';
import type { SessionHost } from './host';
import { permissionsOf, type Permissions, type Verdict } from './permissions';
import { SessionRotations } from './rotations';

/** What became of an action: the guard's decision is always there, as data. */
export type ActionOutcome =
  | { status: 'done'; decision: Decision; created?: CreatedApiKey; project?: SavedProject; message: string }
  | { status: 'refused'; decision: Decision }
  | { status: 'cancelled'; decision: Decision };

/**
 * Everything an edge does with one Langfuse connection goes through here: guards (last OWNER, the
 * acting identity's role, no grant above one's own role, OWNER/ADMIN confirmed twice), the
 * confirmation, the request, the audit entry and the cache invalidation. Plain data in and out.
 */
export class Session {
  readonly client: LangfuseClient;
  readonly model: OrganizationModel;

  constructor(readonly host: SessionHost, readonly connection: SessionConnection) {
    ({ client: this.client, model: this.model } = host.clients.get(connection));
  }

  /**
   * `confirmed`: the action is one change of a plan the user confirmed as a whole (an access-as-code
   * apply), so its own "change" question is not asked again; the guards still run on live state, and
   * an OWNER/ADMIN grant is still asked (the second time).
   */
  async perform(action: SessionAction, options: { confirmed?: boolean } = {}): Promise<ActionOutcome> {
    const projectId = projectOf(action);
    const facts = await this.liveFacts(projectId);
    const change = planChange(action, facts);
    const decision = this.decide(change.guard, facts);
    const audit = this.withConnection(change.audit);
    if (!decision.allowed) {
      this.host.record({ ...audit, outcome: 'refused', details: { ...audit.details, reason: decision.reason, rule: decision.rule } });
      await this.host.port.prompter.refuse(decision.reason);
      return { status: 'refused', decision };
    }
    const { prompter } = this.host.port;
    if (!options.confirmed && !await prompter.confirm(change.confirmation)) return { status: 'cancelled', decision };
    if (decision.confirm && !await prompter.confirm({ id: 'elevated-grant', message: l10n.t('Are you sure? {0}', decision.confirm), button: l10n.t('Yes, Grant It') })) {
      return { status: 'cancelled', decision };
    }
    let result: CreatedApiKey | SavedProject | void;
    try {
      result = await change.perform(this.client);
    } catch (err) {
      this.host.record({ ...audit, outcome: 'failure', details: { ...audit.details, error: (err as Error).message } });
      throw err;
    } finally {
      this.model.invalidate(projectId === undefined ? { overview: true } : { projectId, ...(action.kind === 'project.delete' ? { overview: true } : {}) });
    }
    if (action.kind === 'project.create' && result) {
      const project = result as SavedProject;
      this.host.record({ ...audit, resource: { ...audit.resource, id: project.id }, outcome: 'success' });
      return { status: 'done', decision, project, message: change.done() };
    }
    this.host.record({ ...audit, outcome: 'success' });
    const created = result as CreatedApiKey | undefined;
    if (created) {
      this.host.record(this.withConnection({
        action: 'apiKey.created', outcome: 'success',
        resource: { kind: 'apiKey', id: created.id, name: created.publicKey, project: facts.project?.name },
        details: { note: created.note, displaySecretKey: maskSecretKey(created.secretKey) },
      }));
      return { status: 'done', decision, created, message: change.done(created) };
    }
    return { status: 'done', decision, message: change.done() };
  }

  /**
   * A refusal found before anything was asked (what the identity may do here, core/session/permissions.ts):
   * recorded and shown like perform's, so the audit log tells the same story either way.
   */
  async refuseBeforeAsking(action: SessionActionKind, resource: AuditEvent['resource'], verdict: Verdict): Promise<void> {
    const reason = verdict.reason ?? l10n.t('Permission denied.');
    this.host.record(this.withConnection({ action, resource, outcome: 'refused', details: { reason, rule: verdict.rule, stage: 'before input' } }));
    await this.host.port.prompter.refuse(reason);
  }

  /** The guard's answer for an action without asking or changing anything (plans, menus). */
  async check(guard: AccessAction): Promise<Decision> {
    const facts = await this.liveFacts('projectId' in guard ? guard.projectId : undefined);
    return this.decide(guard, facts);
  }

  /** What the acting identity may do in the organization and in the given projects; `signal` stops the loads (a picker closed while they ran). */
  async permissions(projectIds: string[] = [], signal?: AbortSignal): Promise<Permissions> {
    const overview = await this.model.overview(signal);
    const projects = await Promise.all(projectIds.map(async id => ({ id, name: overview.projects?.find(p => p.id === id)?.name ?? id, overrides: (await this.model.project(id, signal)).overrides ?? [] })));
    return permissionsOf(this.host.port.actor().email, { members: overview.members ?? [], projects });
  }

  /** Key rotations on this connection, guarded like any key change. */
  rotations(options: { manual?: boolean } = {}): Promise<SessionRotations> {
    return SessionRotations.open(this, options);
  }

  decide(guard: AccessAction, facts: Pick<LiveFacts, 'members' | 'project'>): Decision {
    const projectRoles = new Map<string, { userId: string; role: Role }[]>();
    if (facts.project) projectRoles.set(facts.project.id, facts.project.overrides);
    const state: OrgAccessState = { members: facts.members, projectRoles };
    return decide(guard, this.host.port.actor().email, state);
  }

  /** Fresh members (and the project's roles and keys) straight from the server, not the tree's cache. */
  async liveFacts(projectId: string | undefined): Promise<LiveFacts> {
    this.model.invalidate({ overview: true });
    if (projectId !== undefined) this.model.invalidate({ projectId });
    const overview = await this.model.overview();
    const facts: LiveFacts = { members: overview.members ?? [] };
    if (projectId !== undefined) {
      const known = overview.projects?.find(p => p.id === projectId);
      if (known) {
        const details = await this.model.project(projectId);
        facts.project = { id: known.id, name: known.name, overrides: details.overrides ?? [], apiKeys: details.apiKeys };
      }
    }
    return facts;
  }

  /** Every entry of this session names its connection and host the same way, in both edges. */
  withConnection<T extends Omit<AuditEvent, 'outcome'>>(event: T): T {
    return { ...event, resource: { ...event.resource, connection: this.connection.id, host: hostLabel(this.connection.baseUrl) } };
  }
}
