import type { LangfuseClient } from '../../core/langfuse/index';
import { l10n } from '../../core/l10n/l10n';
import type { OrganizationModel } from '../../core/org/organizationModel';
import type { Session, SessionHost, SessionPort } from '../../core/session/index';
import type { Connection, ConnectionStore } from '../connections/connectionStore';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';

export class MissingKeyPairError extends Error {
  constructor(readonly connection: Connection) {
    super(l10n.t('The key pair of "{0}" is not in SecretStorage on this machine (VS Code keeps secrets per machine and does not sync them). Use "Edit Connection" to enter it again.', connection.name));
  }
}

/**
 * The window's session host (created on first use: this is where the core chunk is loaded) and the
 * saved connections as sessions. The tree and every action share the host's one client and
 * organization model per connection, dropped when the connection's URL or key pair changes.
 */
export class ClientProvider extends Disposable {
  private sessionHost: SessionHost | undefined;

  constructor(private readonly connections: ConnectionStore, private readonly port: () => SessionPort) {
    super();
    this.register(connections.onDidChange(() => void this.prune()));
    this.register({ dispose: () => this.sessionHost?.close() });
  }

  host(): SessionHost {
    return this.sessionHost ??= new (loadChunk('core').SessionHost)(this.port());
  }

  async session(connectionId: string): Promise<Session> {
    const connection = this.connections.get(connectionId);
    if (!connection) throw new Error(l10n.t('There is no connection "{0}" any more.', connectionId));
    const pair = await this.connections.keyPair(connectionId);
    if (!pair) throw new MissingKeyPairError(connection);
    return this.host().session({ id: connection.id, name: connection.name, baseUrl: connection.baseUrl, pair });
  }

  async get(connectionId: string): Promise<{ connection: Connection; client: LangfuseClient; model: OrganizationModel; session: Session }> {
    const session = await this.session(connectionId);
    return { connection: this.connections.get(connectionId)!, client: session.client, model: session.model, session };
  }

  /** The model if the connection has been loaded before (no secret read, no request). */
  peek(connectionId: string): OrganizationModel | undefined {
    return this.sessionHost?.clients.peek(connectionId);
  }

  /** A throwaway client for a pair that is not saved yet (checking a new connection). */
  temporaryClient(baseUrl: string, pair: { publicKey: string; secretKey: string }): LangfuseClient {
    return this.host().clients.client(baseUrl, pair);
  }

  private async prune(): Promise<void> {
    const ids = new Set(this.connections.list().map(c => c.id));
    this.sessionHost?.clients.retain(id => ids.has(id));
  }
}
