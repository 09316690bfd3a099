import * as vscode from 'vscode';
import { ConnectionConfig, ConnectionList, KeyPair } from '../../core/connections/connection';
import type { Logger } from '../../core/log/logger';
import { SecretKeys, Settings } from '../../core/names';
import { Disposable } from '../lifecycle';
import { secretStorageError } from './secretStorageNotice';

export type Connection = ConnectionConfig;

/**
 * Connections: non-secret fields in the application-scoped setting `langfuseAccess.connections`,
 * the key pair only in SecretStorage. Fires `onDidChange` when either side changes, including
 * changes made by another window (SecretStorage.onDidChange / onDidChangeConfiguration).
 */
export class ConnectionStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
  ) {
    super();
    this.register(secrets.onDidChange(e => { if (SecretKeys.isConnection(e.key)) this.changed.fire(); }));
    this.register(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(Settings.connections)) this.changed.fire(); }));
  }

  list(): Connection[] {
    // inspect().globalValue: a workspace must never be able to add or redirect connections.
    const raw = vscode.workspace.getConfiguration().inspect<unknown>(Settings.connections)?.globalValue ?? [];
    const parsed = ConnectionList.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log.warn(`Ignoring malformed ${Settings.connections} setting: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return Array.isArray(raw) ? raw.flatMap(item => { const one = ConnectionConfig.safeParse(item); return one.success ? [one.data] : []; }) : [];
  }

  get(id: string): Connection | undefined {
    return this.list().find(c => c.id === id);
  }

  async keyPair(id: string): Promise<KeyPair | undefined> {
    const raw = await this.secrets.get(SecretKeys.connection(id));
    if (!raw) return undefined;
    try {
      const parsed = KeyPair.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch { /* fall through */ }
    this.log.warn(`The stored key pair of connection ${id} is unreadable; re-enter it with "Edit connection".`);
    return undefined;
  }

  /** Adds or replaces a connection. The secret goes to SecretStorage first, so a failure never leaves a connection without its key. */
  async save(connection: Connection, pair: KeyPair): Promise<void> {
    try {
      await this.secrets.store(SecretKeys.connection(connection.id), JSON.stringify(pair));
    } catch (err) {
      throw secretStorageError(err);
    }
    const others = this.list().filter(c => c.id !== connection.id);
    await vscode.workspace.getConfiguration().update(Settings.connections, [...others, connection], vscode.ConfigurationTarget.Global);
  }

  async remove(id: string): Promise<void> {
    await vscode.workspace.getConfiguration().update(Settings.connections, this.list().filter(c => c.id !== id), vscode.ConfigurationTarget.Global);
    await this.secrets.delete(SecretKeys.connection(id));
  }
}
