import * as vscode from 'vscode';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import { MissingKeyPairError, type ClientProvider } from '../langfuse/clientProvider';
import { loadChunk } from '../lazy';
import { Disposable } from '../lifecycle';
import { parentOf, type AccessNode } from '../../core/org/accessNodes';
import { isCancellation, type Work } from '../../core/flow/work';
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
    const { model } = await this.clients.get(node.connectionId);
    return loadChunk('core').childrenOf(node, model);
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
