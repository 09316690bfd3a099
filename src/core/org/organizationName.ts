// The organization's name. Langfuse does not tell an organization key which organization it belongs
// to, but any project key does: `GET /api/public/projects` answers with the key's project and its
// `organization: { id, name }` (docs/langfuse-behaviour.md §1). A project key of one of this
// organization's projects, kept by the user (SecretStorage, the sandbox's credentials file), is asked.
import type { OrganizationOverview } from './organizationModel';

export interface OrganizationName { id: string; name: string }

export interface ProjectKeyCandidate {
  projectId: string;
  pair: { publicKey: string; secretKey: string };
}

type WhoAmI = (pair: ProjectKeyCandidate['pair']) => Promise<{ id: string; organization: OrganizationName }>;

/** What the overview alone says: a project key's connection knows its organization. */
export function organizationNameOf(overview: OrganizationOverview): OrganizationName | undefined {
  return overview.capabilities.organization;
}

/**
 * Asks the connection's own host with project keys of this organization's projects (at most
 * `limit`), until one answers as the project it was kept for. A key that fails or answers for
 * another project proves nothing and is skipped.
 */
export async function learnOrganizationName(projectIds: Iterable<string>, candidates: readonly ProjectKeyCandidate[], whoAmI: WhoAmI, limit = 3): Promise<OrganizationName | undefined> {
  const ids = new Set(projectIds);
  for (const candidate of candidates.filter(c => ids.has(c.projectId)).slice(0, limit)) {
    try {
      const answer = await whoAmI(candidate.pair);
      if (answer.id === candidate.projectId) return answer.organization;
    } catch {
      // revoked, rejected or unreachable: the next candidate may know
    }
  }
  return undefined;
}
