import * as vscode from 'vscode';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import { PLANS_WITH_ADMIN_API } from '../../core/langfuse/errorMapping';
import { projectRoster, ROLE_RANK, type Role } from '../../core/langfuse/roles';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import { MissingKeyPairError, type ClientProvider } from '../langfuse/clientProvider';
import { asLangfuseError } from '../langfuse/errors';
import { Disposable } from '../lifecycle';
import type { AccessNode, NodeOf } from './nodes';
import { renderNode, type KeyPolicy } from './renderNode';

/**
 * The Access view: connection → organization → members, organization keys, projects → members and
 * API keys. Children load lazily through each connection's OrganizationModel, which caches them;
 * errors become rows with a Retry or Fix Connection action instead of pop-ups.
 */
export class AccessTreeProvider extends Disposable implements vscode.TreeDataProvider<AccessNode> {
  private readonly changed = this.register(new vscode.EventEmitter<AccessNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly connections: ConnectionStore,
    private readonly clients: ClientProvider,
    private readonly log: Logger,
    private readonly policy: () => KeyPolicy = defaultPolicy,
  ) {
    super();
    this.register(connections.onDidChange(() => this.refresh()));
    this.register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(Settings.rotationMaxAgeDays) || e.affectsConfiguration(Settings.keyNoteConvention)) this.changed.fire(undefined);
    }));
  }

  /** Reloads the part of the tree a node stands for (everything when no node is given). */
  refresh(node?: AccessNode): void {
    if (node) {
      const model = this.clients.peek(node.connectionId);
      if ('project' in node) model?.invalidate({ projectId: node.project.id });
      else if (node.kind === 'organization' || node.kind === 'orgMembers' || node.kind === 'orgKeys') model?.invalidate({ overview: true });
      else model?.invalidate();
    } else {
      for (const c of this.connections.list()) this.clients.peek(c.id)?.invalidate();
    }
    this.changed.fire(undefined);
  }

  /** Structural parents, so rows can be revealed (e.g. "open key in tree" from a .env quick fix). */
  getParent(node: AccessNode): AccessNode | undefined {
    const connectionId = node.connectionId;
    const organization = (): AccessNode => ({ kind: 'organization', connectionId, projectCount: this.clients.peek(connectionId)?.peekOverview()?.projects?.length ?? 0 });
    switch (node.kind) {
      case 'connection': return undefined;
      case 'message':
      case 'organization': return { kind: 'connection', connectionId };
      case 'project': return node.readOnly ? { kind: 'connection', connectionId } : organization();
      case 'orgMembers':
      case 'orgKeys': return organization();
      case 'orgMember': return { kind: 'orgMembers', connectionId };
      case 'orgKey': return { kind: 'orgKeys', connectionId };
      case 'projectMembers':
      case 'projectKeys': return { kind: 'project', connectionId, project: node.project };
      case 'projectMember': return { kind: 'projectMembers', connectionId, project: node.project };
      case 'projectKey': return { kind: 'projectKeys', connectionId, project: node.project };
    }
  }

  /** The tree row of a project key, loading what is needed; undefined if no connection has it. */
  async findKey(publicKey: string): Promise<AccessNode | undefined> {
    for (const c of this.connections.list()) {
      try {
        const { model } = await this.clients.get(c.id);
        const overview = await model.overview();
        for (const project of overview.projects ?? []) {
          const key = (await model.project(project.id)).apiKeys.find(k => k.publicKey === publicKey);
          if (key) return { kind: 'projectKey', connectionId: c.id, project: { id: project.id, name: project.name }, key };
        }
      } catch { /* this connection cannot tell */ }
    }
    return undefined;
  }

  getTreeItem(node: AccessNode): vscode.TreeItem {
    return renderNode(node, { connection: this.connections.get(node.connectionId), policy: this.policy() });
  }

  async getChildren(node?: AccessNode): Promise<AccessNode[]> {
    if (!node) return this.connections.list().map(c => ({ kind: 'connection', connectionId: c.id }));
    try {
      return await this.childrenOf(node);
    } catch (err) {
      return [this.errorRow(node, err)];
    }
  }

  private async childrenOf(node: AccessNode): Promise<AccessNode[]> {
    const connectionId = node.connectionId;
    switch (node.kind) {
      case 'connection': {
        const { model } = await this.clients.get(connectionId);
        const overview = await model.overview();
        const caps = overview.capabilities;
        if (caps.keyKind === 'project') {
          return [
            { kind: 'project', connectionId, project: caps.project ?? { id: '?', name: 'project' }, readOnly: true },
            { kind: 'message', connectionId, key: 'project-key', severity: 'info', label: 'Project key: read-only view of one project',
              detail: `Connect with an organization API key on ${PLANS_WITH_ADMIN_API} to see and manage members, projects and keys.` },
          ];
        }
        if (!overview.projects) {
          return [{ kind: 'message', connectionId, key: 'plan-gate', severity: 'warning', label: 'The plan does not include the admin API',
            detail: `Members, projects and keys are managed through the admin API, part of ${PLANS_WITH_ADMIN_API}. Plan changes can take up to 5 minutes to show.`, action: 'retry' }];
        }
        return [{ kind: 'organization', connectionId, projectCount: overview.projects.length }];
      }
      case 'organization': {
        const overview = await (await this.clients.get(connectionId)).model.overview();
        return [
          { kind: 'orgMembers', connectionId },
          { kind: 'orgKeys', connectionId },
          ...(overview.projects ?? []).map(p => ({ kind: 'project' as const, connectionId, project: { id: p.id, name: p.name } })),
        ];
      }
      case 'orgMembers': {
        const overview = await (await this.clients.get(connectionId)).model.overview();
        return byRoleThenName(overview.members ?? [], m => m.role).map(member => ({ kind: 'orgMember', connectionId, member }));
      }
      case 'orgKeys': {
        const overview = await (await this.clients.get(connectionId)).model.overview();
        return (overview.organizationApiKeys ?? []).map(key => ({ kind: 'orgKey', connectionId, key }));
      }
      case 'project':
        if (node.readOnly) {
          return [{ kind: 'message', connectionId, key: `ro-${node.project.id}`, severity: 'info', label: 'Members and API keys need an organization key',
            detail: 'A project key can read its own project\'s data but cannot list its members or keys — not even rotate itself.' }];
        }
        return [{ kind: 'projectMembers', connectionId, project: node.project }, { kind: 'projectKeys', connectionId, project: node.project }];
      case 'projectMembers':
        return this.projectMembers(node);
      case 'projectKeys': {
        const details = await (await this.clients.get(connectionId)).model.project(node.project.id);
        if (details.apiKeys.length === 0) return [{ kind: 'message', connectionId, key: `nokeys-${node.project.id}`, severity: 'info', label: 'No API keys' }];
        return details.apiKeys.map(key => ({ kind: 'projectKey', connectionId, project: node.project, key }));
      }
      default:
        return [];
    }
  }

  private async projectMembers(node: NodeOf<'projectMembers'>): Promise<AccessNode[]> {
    const { model } = await this.clients.get(node.connectionId);
    const [overview, details] = await Promise.all([model.overview(), model.project(node.project.id)]);
    const rows = projectRoster(overview.members ?? [], details.overrides ?? [])
      .map(r => ({ kind: 'projectMember' as const, connectionId: node.connectionId, project: node.project, ...r }));
    const sorted = byRoleThenName(rows, r => r.effective);
    if (details.overrides === undefined) {
      return [...sorted, { kind: 'message', connectionId: node.connectionId, key: `norbac-${node.project.id}`, severity: 'info', label: 'Roles inherited from the organization',
        detail: 'Project-level roles need the rbac-project-roles entitlement (same plans as the admin API).' }];
    }
    return sorted;
  }

  private errorRow(node: AccessNode, err: unknown): AccessNode {
    const connectionId = node.connectionId;
    const key = `error-${node.kind}-${'project' in node ? node.project.id : ''}`;
    if (err instanceof MissingKeyPairError) return { kind: 'message', connectionId, key, severity: 'error', label: 'Key pair missing on this machine', detail: err.message, action: 'fixConnection' };
    const lfErr = asLangfuseError(err);
    if (lfErr) {
      this.log.warn(`Loading ${node.kind} of ${connectionId} failed:`, lfErr.message);
      const fix = lfErr.kind === 'unauthorized' || lfErr.kind === 'insecureUrl' || lfErr.kind === 'invalidKey' || lfErr.kind === 'wrongKeyKind';
      const label = lfErr.kind === 'unauthorized' ? 'Key pair rejected (wrong or revoked)'
        : lfErr.kind === 'rateLimited' ? 'Rate limited by Langfuse'
        : lfErr.kind === 'network' || lfErr.kind === 'timeout' ? 'Langfuse did not answer'
        : lfErr.kind === 'planGate' ? 'Not included in the plan'
        : 'Could not load';
      return { kind: 'message', connectionId, key, severity: 'error', label, detail: lfErr.message, action: fix ? 'fixConnection' : 'retry' };
    }
    this.log.error(`Loading ${node.kind} of ${connectionId} failed:`, err);
    return { kind: 'message', connectionId, key, severity: 'error', label: 'Could not load', detail: (err as Error).message, action: 'retry' };
  }
}

function byRoleThenName<T extends { member: { name: string | null; email: string | null } } | { name: string | null; email: string | null }>(items: T[], role: (t: T) => Role): T[] {
  const name = (t: T) => ('member' in t ? t.member : t) as { name: string | null; email: string | null };
  return [...items].sort((a, b) => ROLE_RANK[role(b)] - ROLE_RANK[role(a)] || (name(a).name ?? name(a).email ?? '').localeCompare(name(b).name ?? name(b).email ?? ''));
}

function defaultPolicy(): KeyPolicy {
  const config = vscode.workspace.getConfiguration();
  return {
    maxAgeDays: config.get<number>(Settings.rotationMaxAgeDays) ?? DEFAULT_ROTATION_MAX_AGE_DAYS,
    noteConvention: config.get<string>(Settings.keyNoteConvention) ?? '{service}-{environment}',
    now: new Date(),
  };
}
