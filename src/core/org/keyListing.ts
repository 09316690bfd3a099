import type { KeyIndexEntry } from '../rules/keyIndex';
import type { Work } from '../flow/work';
import { loadAllProjects } from './loadProjects';
import type { OrganizationModel } from './organizationModel';

/**
 * Every key an organization key can list (its organization keys and every project's keys), as key
 * index entries by public key; undefined when the connection cannot list them (a project key, a plan
 * without the admin API), so the index knows it is incomplete.
 */
export async function keyIndexEntriesOf(model: OrganizationModel, connection: { name: string; baseUrl: string }, work: Work = {}): Promise<Map<string, KeyIndexEntry> | undefined> {
  const source = { connectionName: connection.name, connectionBaseUrl: connection.baseUrl };
  const { overview, details } = await loadAllProjects(model, work);
  if (!overview.projects) return undefined;
  const entries = new Map<string, KeyIndexEntry>();
  for (const k of overview.organizationApiKeys ?? []) {
    entries.set(k.publicKey, { projectId: '', projectName: '(organization key)', scope: 'organization', createdAt: k.createdAt, displaySecretKey: k.displaySecretKey, note: k.note ?? undefined, ...source });
  }
  for (const p of overview.projects) {
    for (const k of details.get(p.id)?.apiKeys ?? []) {
      entries.set(k.publicKey, { projectId: p.id, projectName: p.name, scope: 'project', createdAt: k.createdAt, displaySecretKey: k.displaySecretKey, note: k.note ?? undefined, ...source });
    }
  }
  return entries;
}
