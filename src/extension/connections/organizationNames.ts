import * as vscode from 'vscode';
import { parseStoredProjectKey } from '../../core/keys/storedKey';
import type { Logger } from '../../core/log/logger';
import { SecretKeys, StateKeys } from '../../core/names';
import type { OrganizationOverview } from '../../core/org/organizationModel';
import { learnOrganizationName, organizationNameOf, type OrganizationName, type ProjectKeyCandidate } from '../../core/org/organizationName';
import { storedKeys } from '../keys/storedKeyList';
import type { ClientProvider } from '../langfuse/clientProvider';
import { Disposable } from '../lifecycle';
import type { ConnectionStore } from './connectionStore';

type Known = Record<string, OrganizationName & { baseUrl: string }>;

/**
 * Organization names per connection (not secret), kept in globalState: from a project key's
 * who-am-I answer (core/org/organizationName.ts). Asked once per connection and window, only with
 * the user's own keys and only their connection's host.
 */
export class OrganizationNames extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly asked = new Set<string>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly connections: ConnectionStore, private readonly clients: ClientProvider, private readonly log: Logger) {
    super();
  }

  get(connectionId: string): string | undefined {
    const known = this.known()[connectionId];
    return known && known.baseUrl === this.connections.get(connectionId)?.baseUrl ? known.name : undefined;
  }

  async remember(connectionId: string, organization: OrganizationName): Promise<void> {
    const baseUrl = this.connections.get(connectionId)?.baseUrl;
    if (!baseUrl || this.get(connectionId) === organization.name) return;
    await this.context.globalState.update(StateKeys.organizationNames, { ...this.known(), [connectionId]: { ...organization, baseUrl } });
    this.changed.fire();
  }

  /** After a connection's overview loaded: its own answer, else (once, in the background) a stored project key's. */
  learn(connectionId: string, overview: OrganizationOverview): void {
    const direct = organizationNameOf(overview);
    if (direct) { void this.remember(connectionId, direct); return; }
    if (this.get(connectionId) || this.asked.has(connectionId) || !overview.projects) return;
    this.asked.add(connectionId);
    const projectIds = overview.projects.map(p => p.id);
    void this.fromStoredKeys(connectionId, projectIds).catch(err => this.log.warn(`The organization name of ${connectionId} could not be learnt:`, (err as Error).message));
  }

  /** Asks with project pairs the user supplied (a sandbox credentials file) for a connection just saved. */
  async learnWith(connectionId: string, candidates: ProjectKeyCandidate[]): Promise<void> {
    const baseUrl = this.connections.get(connectionId)?.baseUrl;
    if (!baseUrl) return;
    const found = await learnOrganizationName(candidates.map(c => c.projectId), candidates, pair => this.clients.temporaryClient(baseUrl, pair).whoAmI());
    if (found) await this.remember(connectionId, found);
  }

  private async fromStoredKeys(connectionId: string, projectIds: string[]): Promise<void> {
    const baseUrl = this.connections.get(connectionId)?.baseUrl;
    if (!baseUrl) return;
    const candidates: ProjectKeyCandidate[] = [];
    for (const info of storedKeys(this.context).filter(k => k.baseUrl === baseUrl && projectIds.includes(k.projectId))) {
      const stored = parseStoredProjectKey(await this.context.secrets.get(SecretKeys.projectKey(info.publicKey)));
      if (stored) candidates.push({ projectId: stored.projectId, pair: { publicKey: stored.publicKey, secretKey: stored.secretKey } });
    }
    const found = await learnOrganizationName(projectIds, candidates, pair => this.clients.temporaryClient(baseUrl, pair).whoAmI());
    if (found) await this.remember(connectionId, found);
  }

  private known(): Known {
    return this.context.globalState.get<Known>(StateKeys.organizationNames) ?? {};
  }
}
