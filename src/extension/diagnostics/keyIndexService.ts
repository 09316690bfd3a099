import type { KeyIndex, KeyIndexEntry } from '../../core/rules/keyIndex';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ClientProvider } from '../langfuse/clientProvider';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import { keyIndexEntriesOf } from '../../core/org/keyListing';
import { KeySightings, type KeyListing } from '../../core/rules/keySightings';
import * as vscode from 'vscode';

/**
 * public key → project, built from every connection whose organization key may list keys (the
 * user's own key to the user's own host; nothing from the workspace is sent). Rebuilt on demand after
 * the tree changed keys or connections. A key is "revoked" only on the evidence of the connection that
 * listed it (core/rules/keySightings.ts); a key no connection can see any more is unknown.
 */
export class KeyIndexService extends Disposable {
  private readonly sightings = new KeySightings();
  private building: Promise<void> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly connections: ConnectionStore, private readonly clients: ClientProvider, private readonly log: Logger) {
    super();
  }

  index(): KeyIndex | undefined {
    if (this.sightings.empty) return undefined;
    return loadChunk('workspace').keyIndexFromEntries(this.sightings.entries(), this.sightings.complete);
  }

  lookup(publicKey: string): KeyIndexEntry | undefined {
    return this.sightings.lookup(publicKey);
  }

  rebuild(): Promise<void> {
    this.building ??= this.build().finally(() => { this.building = undefined; });
    return this.building;
  }

  /**
   * After a change this window made (a rotation): a build already running may have read the keys
   * before the change, so this waits for it and builds again.
   */
  async rebuildAfterChange(): Promise<void> {
    await this.building;
    return this.rebuild();
  }

  private async build(): Promise<void> {
    const listings: KeyListing[] = [];
    for (const c of this.connections.list()) {
      const pair = await this.connections.keyPair(c.id);
      const source = `${c.id}\n${c.baseUrl}\n${pair?.publicKey ?? ''}`;
      try {
        // undefined: a project key or no admin API, so its organization's keys are unknown here
        listings.push({ source, entries: pair ? await keyIndexEntriesOf((await this.clients.get(c.id)).model, { name: c.name, baseUrl: c.baseUrl }) : undefined });
      } catch (err) {
        listings.push({ source, entries: undefined });
        this.log.warn(`Key index: could not list the keys of "${c.name}":`, (err as Error).message);
      }
    }
    this.sightings.update(listings);
    this.changed.fire();
  }
}
