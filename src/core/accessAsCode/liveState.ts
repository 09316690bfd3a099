// The live side of a plan: members, and for the declared projects their project roles and keys.
// Read with the connection's one client (its host gate caps requests in flight at 16), every request
// issued as early as it can be: the capability check runs alongside the organization lists, and each
// project's two lists start as soon as the project list is in. The large-world benchmark
// (test/bench/accessPlan.bench.ts) holds this to ⌈requests/16⌉ + 3 round trips.
import { PlanGateError, type LangfuseClient } from '../langfuse/index';
import type { ApiKeySummary, Membership } from '../langfuse/schemas';

export interface LiveProject {
  id: string;
  name: string;
  /** Explicit project roles (NONE included); undefined when the plan has no project roles. */
  overrides: Membership[] | undefined;
  apiKeys: ApiKeySummary[];
}

export interface LiveOrganization {
  members: Membership[];
  /** Every project of the organization, by name. */
  projectNames: { id: string; name: string }[];
  /** The projects read in detail (the declared ones that exist). */
  projects: LiveProject[];
  organizationApiKeys: ApiKeySummary[];
  readAt: string;
}

/** Access as code needs what the public API offers an organization key on a plan with the admin API. */
export class LiveStateError extends Error {
  override readonly name = 'LiveStateError';
}

/** Reads the organization; `projects` names the projects to read in detail (undefined: all). */
export async function readLiveOrganization(client: LangfuseClient, options: { projects?: readonly string[]; now?: () => Date } = {}): Promise<LiveOrganization> {
  const capabilities = client.detectCapabilities();
  const lists = Promise.all([client.projects.list(), client.organizationMemberships.list(), client.organizationApiKeys.list()]);
  const details = lists.then(([projects]) => {
    const wanted = options.projects ? new Set(options.projects) : undefined;
    return Promise.all(projects.filter(p => !wanted || wanted.has(p.name)).map(async (p): Promise<LiveProject> => {
      const [overrides, apiKeys] = await Promise.all([
        client.projectMemberships.list(p.id).catch(err => { if (err instanceof PlanGateError) return undefined; throw err; }),
        client.projectApiKeys.list(p.id),
      ]);
      return { id: p.id, name: p.name, overrides, apiKeys };
    }));
  });
  // Settled together so that a refusal below never leaves a rejected promise unobserved.
  const [caps, listed, detailed] = await Promise.allSettled([capabilities, lists, details]);
  if (caps.status === 'rejected') throw caps.reason;
  if (caps.value.keyKind !== 'organization') throw new LiveStateError('Access as code needs an organization API key: this connection uses a project key, which can read only its own project.');
  if (!caps.value.adminApi) throw new LiveStateError('Access as code needs the admin API (Langfuse Cloud Team/Enterprise or self-hosted Enterprise); this organization\'s plan does not include it.');
  if (listed.status === 'rejected') throw listed.reason;
  if (detailed.status === 'rejected') throw detailed.reason;
  const [projects, members, organizationApiKeys] = listed.value;
  return {
    members,
    projectNames: projects.map(p => ({ id: p.id, name: p.name })),
    projects: detailed.value,
    organizationApiKeys,
    readAt: (options.now?.() ?? new Date()).toISOString(),
  };
}
