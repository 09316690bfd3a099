// Which project a public key belongs to, offline, in the order the issue fixes: known public keys
// from the access file, then its naming-convention prefix, then the cached organization index.
import type { AccessConfig } from '../access/accessSchema';
import type { KeyIndex, KeyIndexEntry } from './keyIndex';
import { l10n } from '../l10n/l10n';

export type KeySource = 'access-file' | 'key-prefix' | 'key-index';

export interface ResolvedKey {
  project: string;
  source: KeySource;
  /** Index data for the key when the index knows it, whatever source named the project. */
  indexed?: KeyIndexEntry;
}

export function describeSource(source: KeySource): string {
  switch (source) {
    case 'access-file': return l10n.t('listed under publicKeys in the access file');
    case 'key-prefix': return l10n.t('by the keyPrefix naming convention in the access file');
    case 'key-index': return l10n.t('from the connected organization\'s key list');
  }
}

export function resolvePublicKey(publicKey: string, access: AccessConfig | undefined, index: KeyIndex | undefined): ResolvedKey | undefined {
  const indexed = index?.lookup(publicKey);
  const withIndex = (r: ResolvedKey): ResolvedKey => (indexed ? { ...r, indexed } : r);
  if (access) {
    for (const env of Object.values(access.environments)) {
      if (env.publicKeys?.includes(publicKey)) return withIndex({ project: env.project, source: 'access-file' });
    }
    let best: { project: string; length: number } | undefined;
    for (const env of Object.values(access.environments)) {
      const prefix = env.keyPrefix;
      if (prefix && publicKey.startsWith(prefix) && (!best || prefix.length > best.length)) best = { project: env.project, length: prefix.length };
    }
    if (best) return withIndex({ project: best.project, source: 'key-prefix' });
  }
  if (indexed) return { project: indexed.projectName, source: 'key-index', indexed };
  return undefined;
}

/** Access files may name a project by name or by id; the index knows both. */
export function sameProject(expected: string, resolved: ResolvedKey): boolean {
  if (resolved.project === expected) return true;
  return resolved.source === 'key-index' && resolved.indexed?.projectId === expected;
}
