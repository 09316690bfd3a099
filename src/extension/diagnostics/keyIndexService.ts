import type { KeyIndex, KeyIndexEntry } from '../../core/rules/keyIndex';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ClientProvider } from '../langfuse/clientProvider';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import { keyIndexEntriesOf } from '../../core/org/keyListing';
import { KeySightings, type KeyListing } from '../../core/rules/keySightings';
import { SharedLoad } from '../../core/org/sharedLoad';
import { isCancellation, throwIfCancelled, type Work, type WorkProgress } from '../../core/flow/work';
import * as vscode from 'vscode';

/**
 * public key → project, built from every connection whose organization key may list keys (the
 * user's own key to the user's own host; nothing from the workspace is sent). Rebuilt on demand after
 * the tree changed keys or connections. A key is "revoked" only on the evidence of the connection that
 * listed it (core/rules/keySightings.ts); a key no connection can see any more is unknown.
 */
export class KeyIndexService extends Disposable {
  private readonly sightings = new KeySightings();
  private building: SharedLoad<void> | undefined;
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

  /**
   * Rebuilds the index, or joins the rebuild running now. A caller's cancellation ends its wait; the
   * requests stop when no caller waits any more, and a cancelled rebuild changes nothing.
   */
  rebuild(work: Work = {}): Promise<void> {
    if (!this.building || this.building.aborted) {
      const load: SharedLoad<void> = new SharedLoad(signal => this.build({ signal, onProgress: work.onProgress }).finally(() => { if (this.building === load) this.building = undefined; }));
      this.building = load;
    }
    return this.building.join(work.signal);
  }

  /**
   * After a change this window made (a rotation): a build already running may have read the keys
   * before the change, so this waits for it and builds again.
   */
  async rebuildAfterChange(): Promise<void> {
    await this.building?.promise.then(() => undefined, () => undefined);
    return this.rebuild();
  }

  private async build(work: Required<Pick<Work, 'signal'>> & Work): Promise<void> {
    const listings: KeyListing[] = [];
    for (const c of this.connections.list()) {
      const pair = await this.connections.keyPair(c.id);
      const source = `${c.id}\n${c.baseUrl}\n${pair?.publicKey ?? ''}`;
      try {
        const onProgress = work.onProgress && ((p: WorkProgress) => work.onProgress!({ ...p, message: p.message ? vscode.l10n.t('keys of {0}: {1}', c.name, p.message) : vscode.l10n.t('keys of {0}', c.name) }));
        // undefined: a project key or no admin API, so its organization's keys are unknown here
        listings.push({ source, entries: pair ? await keyIndexEntriesOf((await this.clients.get(c.id)).model, { name: c.name, baseUrl: c.baseUrl }, { signal: work.signal, onProgress }) : undefined });
      } catch (err) {
        if (isCancellation(err, work.signal)) throw err;
        listings.push({ source, entries: undefined });
        this.log.warn(`Key index: could not list the keys of "${c.name}":`, (err as Error).message);
      }
    }
    // A cancelled rebuild changes nothing.
    throwIfCancelled(work.signal);
    this.sightings.update(listings);
    this.changed.fire();
  }
}
