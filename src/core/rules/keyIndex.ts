// What the rules may know about keys beyond the workspace, supplied by the caller. Both are offline
// data by the time a rule runs: the index is built ahead of time from the connected organization (the
// extension lists keys per project with an organization key), and who-am-I answers are fetched before
// a check (`lint --online`, or an explicit request in a trusted workspace) and passed in as a map.
import { createHash } from 'node:crypto';

export interface KeyIndexEntry {
  projectId: string;
  projectName: string;
  /** ISO date-time from the key list (docs/langfuse-behaviour.md §2.4). */
  createdAt?: string;
  /** The key was seen before and is gone from the organization now (deleted keys answer 401 at once). */
  revoked?: boolean;
  /** `sk-lf-...abcd` from the key list: lets a pair be checked offline by its last four characters. */
  displaySecretKey?: string;
  note?: string;
  /** Organization keys can manage members and keys: they never belong in an SDK's .env. */
  scope?: 'project' | 'organization';
  /** The user's connection whose organization lists the key (its name and base URL, from the user's settings). */
  connectionName?: string;
  connectionBaseUrl?: string;
}

export interface KeyIndex {
  /** The entry for a public key, or undefined when the index does not know it. */
  lookup(publicKey: string): KeyIndexEntry | undefined;
  /** True when the index lists every key of the organization, so a miss means "not a key of this organization". */
  readonly complete: boolean;
}

export function keyIndexFromEntries(entries: Record<string, KeyIndexEntry> | ReadonlyMap<string, KeyIndexEntry>, complete: boolean): KeyIndex {
  const map = entries instanceof Map ? entries : new Map(Object.entries(entries));
  return { complete, lookup: publicKey => map.get(publicKey) };
}

export type WhoAmIResult =
  /** The project the server answers as: identity comes from the secret key alone (docs/langfuse-behaviour.md §13). */
  | { status: 'ok'; projectId: string; projectName: string }
  /** 401: the pair is unknown to that server (deleted, another region or instance, or mistyped). */
  | { status: 'rejected' }
  | { status: 'unavailable'; reason: string };

/** Asks the connection's host (never a host named by the workspace) who a key pair is. Never called while typing. */
export interface WhoAmIResolver {
  whoAmI(pair: { publicKey: string; secretKey: string }, signal?: AbortSignal): Promise<WhoAmIResult>;
}

/** A map key for a pair that does not keep the secret in memory longer than needed. */
export function pairKey(publicKey: string, secretKey: string): string {
  return `${publicKey}#${createHash('sha256').update(secretKey).digest('hex').slice(0, 32)}`;
}

/** A fingerprint for comparing secret keys across files without holding or printing them. */
export function secretFingerprint(secretKey: string): string {
  return `sk#${createHash('sha256').update(secretKey).digest('hex').slice(0, 32)}`;
}
