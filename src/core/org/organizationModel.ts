import type { Capabilities, LangfuseClient } from '../langfuse/index';
import type { ApiKeySummary, Membership, OrganizationProject } from '../langfuse/schemas';

export interface OrganizationOverview {
  capabilities: Capabilities;
  /** Present for organization keys whose plan has the admin API. */
  projects?: OrganizationProject[];
  members?: Membership[];
  organizationApiKeys?: ApiKeySummary[];
}

export interface ProjectDetails {
  /** Explicit project roles; undefined when the plan lacks project roles (rbac-project-roles). */
  overrides: Membership[] | undefined;
  apiKeys: ApiKeySummary[];
}

type Loaded<T> = { promise: Promise<T>; value?: T; error?: unknown };

/**
 * What the tree shows for one connection, loaded lazily and at most once per part: the overview
 * (capabilities, projects, members, organization keys: 3–4 requests) when the connection is expanded,
 * a project's roles and keys (2 requests) when that project is expanded. Concurrent callers share one
 * request (no re-fetch storms); a refresh drops the cached part and the next read loads it again, and
 * so does a failed load once it has settled (readers that shared it all see the same error).
 * Pure: the extension renders it, the benchmark drives it directly.
 */
export class OrganizationModel {
  private overviewState?: Loaded<OrganizationOverview>;
  private readonly projectState = new Map<string, Loaded<ProjectDetails>>();

  constructor(readonly client: LangfuseClient) {}

  overview(): Promise<OrganizationOverview> {
    if (!this.overviewState) {
      const state = track(this.loadOverview(), () => { if (this.overviewState === state) this.overviewState = undefined; });
      this.overviewState = state;
    }
    return this.overviewState.promise;
  }

  /** The overview if it has loaded, without starting a load. */
  peekOverview(): OrganizationOverview | undefined {
    return this.overviewState?.value;
  }

  project(projectId: string): Promise<ProjectDetails> {
    let state = this.projectState.get(projectId);
    if (!state) {
      const created = track(this.loadProject(projectId), () => { if (this.projectState.get(projectId) === created) this.projectState.delete(projectId); });
      this.projectState.set(projectId, created);
      state = created;
    }
    return state.promise;
  }

  peekProject(projectId: string): ProjectDetails | undefined {
    return this.projectState.get(projectId)?.value;
  }

  /** Drops everything, or one project's details, so the next read reloads it. */
  invalidate(scope: { projectId?: string; overview?: boolean } = {}): void {
    if (scope.projectId === undefined && scope.overview === undefined) {
      this.overviewState = undefined;
      this.projectState.clear();
      return;
    }
    if (scope.overview) this.overviewState = undefined;
    if (scope.projectId !== undefined) this.projectState.delete(scope.projectId);
  }

  private async loadOverview(): Promise<OrganizationOverview> {
    const capabilities = await this.client.detectCapabilities();
    if (capabilities.keyKind !== 'organization' || !capabilities.adminApi) return { capabilities };
    const [projects, members, organizationApiKeys] = await Promise.all([
      this.client.projects.list(),
      this.client.organizationMemberships.list(),
      this.client.organizationApiKeys.list(),
    ]);
    return { capabilities, projects: [...projects].sort((a, b) => a.name.localeCompare(b.name)), members, organizationApiKeys };
  }

  private async loadProject(projectId: string): Promise<ProjectDetails> {
    const { capabilities } = await this.overview();
    const [overrides, apiKeys] = await Promise.all([
      capabilities.rbacProjectRoles ? this.client.projectMemberships.list(projectId) : Promise.resolve(undefined),
      this.client.projectApiKeys.list(projectId),
    ]);
    return { overrides, apiKeys };
  }
}

/** Remembers a load's value; a failed load is forgotten once it settles, so the next read retries it. */
function track<T>(promise: Promise<T>, forget: () => void): Loaded<T> {
  const state: Loaded<T> = { promise };
  promise.then(v => { state.value = v; }, e => { state.error = e; forget(); });
  return state;
}
