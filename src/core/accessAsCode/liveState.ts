// The live side of a plan: members, and for the declared projects their project roles and keys.
// Read with the connection's one client (its host gate caps requests in flight at 16), every request
// issued as early as it can be: the three organization lists at once, and each project's two lists as
// soon as the project list is in. None of these lists is paginated (Langfuse's GET
// /api/public/organizations/{projects,memberships,apiKeys} and /api/public/projects/{id}/{memberships,
// apiKeys} answer in one piece), so that is the whole dependency chain: one round trip, then the
// fan-out — ⌈requests/16⌉ round trips in all. The key kind and the plan's entitlements are read off
// these same answers instead of a capability check first: that check is a chain of four requests
// (health → who-am-I → projects → one project's roles) whose later links would queue behind the
// fan-out in the host gate's FIFO and add two round trips at the end (test/bench/plan.bench.ts).
import { l10n } from '../l10n/l10n';
import { PlanGateError, WrongKeyKindError, type LangfuseClient } from '../langfuse/index';
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
  const lists = Promise.all([client.projects.list(), client.organizationMemberships.list(), client.organizationApiKeys.list()]);
  const details = lists.then(([projects]) => {
    const wanted = options.projects ? new Set(options.projects) : undefined;
    return Promise.all(projects.filter(p => !wanted || wanted.has(p.name)).map(async (p): Promise<LiveProject> => {
      const [overrides, apiKeys] = await Promise.all([
        // A plan without rbac-project-roles refuses this list (403): the project has no roles to plan.
        client.projectMemberships.list(p.id).catch(err => { if (err instanceof PlanGateError) return undefined; throw err; }),
        client.projectApiKeys.list(p.id),
      ]);
      return { id: p.id, name: p.name, overrides, apiKeys };
    }));
  });
  // Settled together so that a refusal never leaves a rejected promise unobserved.
  const [listed, detailed] = await Promise.allSettled([lists, details]);
  if (listed.status === 'rejected') throw refusal(listed.reason);
  if (detailed.status === 'rejected') throw refusal(detailed.reason);
  const [projects, members, organizationApiKeys] = listed.value;
  return {
    members,
    projectNames: projects.map(p => ({ id: p.id, name: p.name })),
    projects: detailed.value,
    organizationApiKeys,
    readAt: (options.now?.() ?? new Date()).toISOString(),
  };
}

/** The organization lists' "wrong key kind" and "no admin API" answers, said in access-as-code terms. */
function refusal(err: unknown): unknown {
  if (err instanceof WrongKeyKindError && err.needed === 'organization') return new LiveStateError(l10n.t('Access as code needs an organization API key: this connection uses a project key, which can read only its own project.'));
  if (err instanceof PlanGateError && err.entitlement === 'admin-api') return new LiveStateError(l10n.t('Access as code needs the admin API (Langfuse Cloud Team/Enterprise or self-hosted Enterprise); this organization\'s plan does not include it.'));
  return err;
}
