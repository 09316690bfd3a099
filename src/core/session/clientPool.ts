import { createLangfuseClient } from '../langfuse/client';
import type { LangfuseClient } from '../langfuse/index';
import type { Logger } from '../log/logger';
import { OrganizationModel } from '../org/organizationModel';

/** A Langfuse connection as the session sees it: where, and with which key pair (never logged). */
export interface SessionConnection {
  id?: string;
  name?: string;
  baseUrl: string;
  pair: { publicKey: string; secretKey: string };
}

interface Entry { key: string; client: LangfuseClient; model: OrganizationModel }

/**
 * One client and one organization model per connection, created on first use and replaced when the
 * connection's URL or key pair changes. Every client of the process comes from the one client
 * module, so all of them share one gate per host (concurrency cap, pool, rate-limit budget).
 */
export class ClientPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly logger?: Logger) {}

  get(connection: SessionConnection): { client: LangfuseClient; model: OrganizationModel } {
    const id = connection.id ?? connection.baseUrl;
    const key = `${connection.baseUrl}\n${connection.pair.publicKey}\n${connection.pair.secretKey.length}`;
    let entry = this.entries.get(id);
    if (!entry || entry.key !== key) {
      const client = this.client(connection.baseUrl, connection.pair);
      entry = { key, client, model: new OrganizationModel(client) };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** The model if the connection has been used before (no request). */
  peek(connectionId: string): OrganizationModel | undefined {
    return this.entries.get(connectionId)?.model;
  }

  /** A client for a pair that belongs to no saved connection (a new connection's check, a rotated key). */
  client(baseUrl: string, pair: { publicKey: string; secretKey: string }): LangfuseClient {
    return createLangfuseClient({ baseUrl, ...pair, logger: this.logger });
  }

  /** Forgets connections that no longer exist (or whose pair changed: they are rebuilt on next use). */
  retain(isCurrent: (connectionId: string) => boolean): void {
    for (const id of this.entries.keys()) if (!isCurrent(id)) this.entries.delete(id);
  }
}
