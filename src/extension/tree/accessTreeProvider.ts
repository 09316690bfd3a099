import * as vscode from 'vscode';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import { MissingKeyPairError, type ClientProvider } from '../langfuse/clientProvider';
import { loadChunk } from '../lazy';
import { Disposable } from '../lifecycle';
import { parentOf, type AccessNode } from '../../core/org/accessNodes';
import { isCancellation, type Work } from '../../core/flow/work';
import type { AccessRows } from '../../core/org/accessRows';
import type { Permissions } from '../../core/session/permissions';
import { SANDBOX_CONNECTION_ID } from '../../core/names';
import type { OrganizationNames } from '../connections/organizationNames';
import { renderNode, type KeyPolicy } from './renderNode';

/**
 * The Access view: connection → organization → members, organization keys, projects → members and
 * API keys. Children load lazily through each connection's OrganizationModel, which caches them;
 * errors become rows with a Retry or Fix Connection action instead of pop-ups.
 */
export class AccessTreeProvider extends Disposable implements vscode.TreeDataProvider<AccessNode> {
  private readonly changed = this.register(new vscode.EventEmitter<AccessNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** The identity's permissions per connection and the keys' labels (core/org/accessRows.ts), once the core chunk is loaded. */
  private rows: AccessRows | undefined;

  constructor(
    private readonly connections: ConnectionStore,
    private readonly clients: ClientProvider,
    private readonly log: Logger,
    private readonly organizationNames?: OrganizationNames,
    private readonly policy: () => KeyPolicy = defaultPolicy,
  ) {
    super();
    this.register(connections.onDidChange(() => this.refresh()));
    this.register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(Settings.rotationMaxAgeDays) || e.affectsConfiguration(Settings.keyNoteConvention) || e.affectsConfiguration(Settings.actingAs)) this.changed.fire(undefined);
    }));
    if (organizationNames) this.register(organizationNames.onDidChange(() => this.changed.fire(undefined)));
  }

  /** Redraws every row from what is loaded, without reloading (the session already dropped what an action changed). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  /** What the acting identity may do on a connection, as last computed for its rows. */
  permissionsOf(connectionId: string): Permissions | undefined {
    return this.rows?.permissionsOf(connectionId);
  }

  /** Reloads the part of the tree a node stands for (everything when no node is given). */
  refresh(node?: AccessNode): void {
    if (node) {
      this.clients.peek(node.connectionId)?.invalidate(loadChunk('core').invalidationFor(node));
    } else {
      for (const c of this.connections.list()) this.clients.peek(c.id)?.invalidate();
    }
    this.changed.fire(undefined);
  }

  /** Structural parents, so rows can be revealed (e.g. "open key in tree" from a .env quick fix). */
  getParent(node: AccessNode): AccessNode | undefined {
    return parentOf(node, this.clients.peek(node.connectionId)?.peekOverview()?.projects?.length ?? 0);
  }

  /** The tree row of a project key, loading what is needed; undefined if no connection has it. */
  async findKey(publicKey: string, work: Work = {}): Promise<AccessNode | undefined> {
    for (const c of this.connections.list()) {
      try {
        const found = await loadChunk('core').findKeyNode(c.id, (await this.clients.get(c.id)).model, publicKey, work);
        if (found) return found;
      } catch (err) {
        if (isCancellation(err, work.signal)) throw err;
        // otherwise this connection cannot tell; ask the next
      }
    }
    return undefined;
  }

  getTreeItem(node: AccessNode): vscode.TreeItem {
    const connections = this.connections.list();
    return renderNode(node, {
      connection: connections.find(c => c.id === node.connectionId), policy: this.policy(),
      permissions: this.rows?.permissionsOf(node.connectionId),
      organizationName: this.organizationNames?.get(node.connectionId),
      expandConnection: connections.length === 1 || node.connectionId === SANDBOX_CONNECTION_ID,
      keyLabel: this.rows?.keyLabelOf(node),
    });
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
    const { session } = await this.clients.get(node.connectionId);
    this.rows ??= new (loadChunk('core').AccessRows)(this.log);
    return this.rows.children(node, session, overview => this.organizationNames?.learn(node.connectionId, overview));
  }

  private errorRow(node: AccessNode, err: unknown): AccessNode {
    if (err instanceof MissingKeyPairError) {
      return { kind: 'message', connectionId: node.connectionId, key: `error-${node.kind}-${'project' in node ? node.project.id : ''}`, severity: 'error', label: vscode.l10n.t('Key pair missing on this machine'), detail: err.message, action: 'fixConnection' };
    }
    const { row, expected } = loadChunk('core').errorNode(node, err);
    if (expected) this.log.warn(`Loading ${node.kind} of ${node.connectionId} failed:`, (err as Error).message);
    else this.log.error(`Loading ${node.kind} of ${node.connectionId} failed:`, err);
    return row;
  }
}

function defaultPolicy(): KeyPolicy {
  const config = vscode.workspace.getConfiguration();
  return {
    maxAgeDays: config.get<number>(Settings.rotationMaxAgeDays) ?? DEFAULT_ROTATION_MAX_AGE_DAYS,
    noteConvention: config.get<string>(Settings.keyNoteConvention) ?? '{service}-{environment}',
    now: new Date(),
  };
}
