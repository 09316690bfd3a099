import type { LangfuseClient } from '../../core/langfuse/index';
import type { Logger } from '../../core/log/logger';
import { OrganizationModel } from '../../core/org/organizationModel';
import type { Connection, ConnectionStore } from '../connections/connectionStore';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';

export class MissingKeyPairError extends Error {
  constructor(readonly connection: Connection) {
    super(`The key pair of "${connection.name}" is not in SecretStorage on this machine (VS Code keeps secrets per machine and does not sync them). Use "Edit Connection" to enter it again.`);
  }
}

interface Entry { publicKey: string; baseUrl: string; client: LangfuseClient; model: OrganizationModel }

/**
 * One client and one organization model per connection, created on first use (this is where the
 * lazily-built Langfuse chunk is loaded) and dropped when the connection's URL or key pair changes.
 */
export class ClientProvider extends Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly connections: ConnectionStore, private readonly log: Logger) {
    super();
    this.register(connections.onDidChange(() => void this.prune()));
  }

  async get(connectionId: string): Promise<{ connection: Connection; client: LangfuseClient; model: OrganizationModel }> {
    const connection = this.connections.get(connectionId);
    if (!connection) throw new Error(`There is no connection "${connectionId}" any more.`);
    const pair = await this.connections.keyPair(connectionId);
    if (!pair) throw new MissingKeyPairError(connection);
    let entry = this.entries.get(connectionId);
    if (!entry || entry.publicKey !== pair.publicKey || entry.baseUrl !== connection.baseUrl) {
      const { createLangfuseClient } = loadChunk('langfuse');
      const client = createLangfuseClient({ baseUrl: connection.baseUrl, ...pair, logger: this.log });
      entry = { publicKey: pair.publicKey, baseUrl: connection.baseUrl, client, model: new OrganizationModel(client) };
      this.entries.set(connectionId, entry);
    }
    return { connection, client: entry.client, model: entry.model };
  }

  /** The model if the connection has been loaded before (no secret read, no request). */
  peek(connectionId: string): OrganizationModel | undefined {
    return this.entries.get(connectionId)?.model;
  }

  /** A throwaway client for a pair that is not saved yet (checking a new connection). */
  temporaryClient(baseUrl: string, pair: { publicKey: string; secretKey: string }): LangfuseClient {
    return loadChunk('langfuse').createLangfuseClient({ baseUrl, ...pair, logger: this.log });
  }

  private async prune(): Promise<void> {
    for (const [id, entry] of this.entries) {
      const connection = this.connections.get(id);
      const pair = connection ? await this.connections.keyPair(id) : undefined;
      if (!connection || !pair || pair.publicKey !== entry.publicKey || connection.baseUrl !== entry.baseUrl) this.entries.delete(id);
    }
  }
}
