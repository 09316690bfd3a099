// Builds the KeyIndex from an organization snapshot (the extension loads it with an organization key:
// keys per project, plus the organization's own keys). Plain data, so the entries can be cached in
// workspace state and the index rebuilt offline. A key seen before and missing now was deleted.
import type { KeyIndex, KeyIndexEntry } from './keyIndex';
import { keyIndexFromEntries } from './keyIndex';

interface KeySummaryLike {
  publicKey: string;
  createdAt: string;
  displaySecretKey: string;
  note: string | null;
}

/** The parts of src/core/langfuse's OrganizationSnapshot the index needs (structurally compatible). */
export interface SnapshotLike {
  projects: ReadonlyArray<{ project: { id: string; name: string }; apiKeys: readonly KeySummaryLike[] }>;
  organizationApiKeys?: readonly KeySummaryLike[];
}

export const ORGANIZATION_PROJECT_ID = '(organization)';

export function keyIndexEntries(snapshot: SnapshotLike, previous: Readonly<Record<string, KeyIndexEntry>> = {}): Record<string, KeyIndexEntry> {
  const entries: Record<string, KeyIndexEntry> = {};
  const add = (k: KeySummaryLike, projectId: string, projectName: string, scope: KeyIndexEntry['scope']): void => {
    const e: KeyIndexEntry = { projectId, projectName, createdAt: k.createdAt, displaySecretKey: k.displaySecretKey, scope };
    if (k.note) e.note = k.note;
    entries[k.publicKey] = e;
  };
  for (const p of snapshot.projects) for (const k of p.apiKeys) add(k, p.project.id, p.project.name, 'project');
  for (const k of snapshot.organizationApiKeys ?? []) add(k, ORGANIZATION_PROJECT_ID, 'the organization', 'organization');
  for (const [publicKey, old] of Object.entries(previous)) {
    if (!entries[publicKey]) entries[publicKey] = { ...old, revoked: true };
  }
  return entries;
}

/** The index over a complete snapshot: a key it does not list is not a key of this organization. */
export function keyIndexFromSnapshot(snapshot: SnapshotLike, previous?: Readonly<Record<string, KeyIndexEntry>>): KeyIndex {
  return keyIndexFromEntries(keyIndexEntries(snapshot, previous), true);
}
