// What the key index may claim about a key the organization no longer lists. Only one thing proves a
// key was revoked: the connection that listed it before still exists (same host, same key pair),
// listed its keys again successfully, and the key is gone. A key no connection can see any more —
// the connection was removed or changed, or could not list this time — is unknown, not revoked.
import type { KeyIndexEntry } from './keyIndex';

/** One connection's answer to "which keys do you list": undefined entries = it could not tell. */
export interface KeyListing {
  /** Who listed: the connection with its host and key pair, e.g. `id\nbaseUrl\npublicKey`. */
  source: string;
  entries: ReadonlyMap<string, KeyIndexEntry> | undefined;
}

export class KeySightings {
  private seen = new Map<string, { entry: KeyIndexEntry; source: string }>();
  private current = new Map<string, KeyIndexEntry>();
  /** The sources whose listing succeeded in the last round: only they can prove a key gone. */
  private answered = new Set<string>();
  private listedAll = false;

  /** A new round of listings from every connection there is now. */
  update(listings: readonly KeyListing[]): void {
    const answered = new Map(listings.filter(l => l.entries).map(l => [l.source, l.entries!]));
    const present = new Set(listings.map(l => l.source));
    const current = new Map<string, KeyIndexEntry>();
    for (const [source, entries] of answered) {
      for (const [publicKey, entry] of entries) {
        current.set(publicKey, entry);
        this.seen.set(publicKey, { entry, source });
      }
    }
    // Evidence ends with its connection: what a removed or changed connection saw proves nothing now.
    for (const [publicKey, sighting] of this.seen) if (!present.has(sighting.source)) this.seen.delete(publicKey);
    this.current = current;
    this.answered = new Set(answered.keys());
    this.listedAll = listings.length > 0 && answered.size === listings.length;
  }

  /** The current keys, plus the keys revoked on the evidence above. */
  entries(): Map<string, KeyIndexEntry> {
    const merged = new Map(this.current);
    for (const [publicKey, { entry, source }] of this.seen) {
      if (merged.has(publicKey) || !this.answered.has(source)) continue;
      merged.set(publicKey, { ...entry, revoked: true });
    }
    return merged;
  }

  lookup(publicKey: string): KeyIndexEntry | undefined {
    return this.current.get(publicKey);
  }

  /** Every connection listed its keys this round, so a key none lists is not of the connected organizations. */
  get complete(): boolean {
    return this.listedAll;
  }

  get empty(): boolean {
    return this.current.size === 0 && this.seen.size === 0;
  }
}
