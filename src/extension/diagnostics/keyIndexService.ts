import type { KeyIndex, KeyIndexEntry } from '../../core/rules/keyIndex';
import type { Logger } from '../../core/log/logger';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ClientProvider } from '../langfuse/clientProvider';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import { keyIndexEntriesOf, withRevoked } from '../../core/org/keyListing';
import { SharedLoad } from '../../core/org/sharedLoad';
import { isCancellation, throwIfCancelled, type Work, type WorkProgress } from '../../core/flow/work';
import * as vscode from 'vscode';

/**
 * public key → project, built from every connection whose organization key may list keys (the
 * user's own key to the user's own host; nothing from the workspace is sent). Rebuilt on demand after
 * the tree changed keys. Keys seen before and gone now are marked revoked.
 */
export class KeyIndexService extends Disposable {
  private entries = new Map<string, KeyIndexEntry>();
  private readonly seen = new Map<string, KeyIndexEntry>();
  private complete = false;
  private building: SharedLoad<void> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly connections: ConnectionStore, private readonly clients: ClientProvider, private readonly log: Logger) {
    super();
  }

  index(): KeyIndex | undefined {
    if (this.entries.size === 0 && this.seen.size === 0) return undefined;
    return loadChunk('workspace').keyIndexFromEntries(withRevoked(this.entries, this.seen), this.complete);
  }

  lookup(publicKey: string): KeyIndexEntry | undefined {
    return this.entries.get(publicKey);
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
    const next = new Map<string, KeyIndexEntry>();
    let complete = this.connections.list().length > 0;
    for (const c of this.connections.list()) {
      try {
        const onProgress = work.onProgress && ((p: WorkProgress) => work.onProgress!({ ...p, message: p.message ? vscode.l10n.t('keys of {0}: {1}', c.name, p.message) : vscode.l10n.t('keys of {0}', c.name) }));
        const entries = await keyIndexEntriesOf((await this.clients.get(c.id)).model, { name: c.name, baseUrl: c.baseUrl }, { signal: work.signal, onProgress });
        if (!entries) { complete = false; continue; } // project key or no admin API: its keys are unknown here
        for (const [pk, e] of entries) next.set(pk, e);
      } catch (err) {
        if (isCancellation(err, work.signal)) throw err;
        complete = false;
        this.log.warn(`Key index: could not list the keys of "${c.name}":`, (err as Error).message);
      }
    }
    throwIfCancelled(work.signal);
    for (const [pk, e] of this.entries) this.seen.set(pk, e);
    for (const pk of next.keys()) this.seen.delete(pk);
    this.entries = next;
    this.complete = complete;
    this.changed.fire();
  }
}
