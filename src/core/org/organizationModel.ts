import type { Capabilities, LangfuseClient } from '../langfuse/index';
import type { ApiKeySummary, Membership, OrganizationProject } from '../langfuse/schemas';
import { SharedLoad } from './sharedLoad';

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

/**
 * What the tree shows for one connection, loaded lazily and at most once per part: the overview
 * (capabilities, projects, members, organization keys: 3–4 requests) when the connection is expanded,
 * a project's roles and keys (2 requests) when that project is expanded. Concurrent callers share one
 * request (no re-fetch storms); a refresh drops the cached part and the next read loads it again, and
 * so does a failed load once it has settled (readers that shared it all see the same error).
 * A reader may pass a signal: cancelling ends its wait, and the load's remaining requests stop once
 * no reader wants it (see SharedLoad); a cancelled load is forgotten, never cached half-done.
 * Pure: the extension renders it, the benchmark drives it directly.
 */
export class OrganizationModel {
  private overviewState?: SharedLoad<OrganizationOverview>;
  private readonly projectState = new Map<string, SharedLoad<ProjectDetails>>();

  constructor(readonly client: LangfuseClient) {}

  overview(signal?: AbortSignal): Promise<OrganizationOverview> {
    if (!this.overviewState || this.overviewState.aborted) {
      const state = shared(inner => this.loadOverview(inner), () => { if (this.overviewState === state) this.overviewState = undefined; });
      this.overviewState = state;
    }
    return this.overviewState.join(signal);
  }

  /** The overview if it has loaded, without starting a load. */
  peekOverview(): OrganizationOverview | undefined {
    return this.overviewState?.value;
  }

  project(projectId: string, signal?: AbortSignal): Promise<ProjectDetails> {
    let state = this.projectState.get(projectId);
    if (!state || state.aborted) {
      const created = shared(inner => this.loadProject(projectId, inner), () => { if (this.projectState.get(projectId) === created) this.projectState.delete(projectId); });
      this.projectState.set(projectId, created);
      state = created;
    }
    return state.join(signal);
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

  private async loadOverview(signal: AbortSignal): Promise<OrganizationOverview> {
    const client = this.client.withSignal(signal);
    const capabilities = await client.detectCapabilities();
    if (capabilities.keyKind !== 'organization' || !capabilities.adminApi) return { capabilities };
    const [projects, members, organizationApiKeys] = await Promise.all([
      client.projects.list(),
      client.organizationMemberships.list(),
      client.organizationApiKeys.list(),
    ]);
    return { capabilities, projects: [...projects].sort((a, b) => a.name.localeCompare(b.name)), members, organizationApiKeys };
  }

  private async loadProject(projectId: string, signal: AbortSignal): Promise<ProjectDetails> {
    const { capabilities } = await this.overview(signal);
    const client = this.client.withSignal(signal);
    const [overrides, apiKeys] = await Promise.all([
      capabilities.rbacProjectRoles ? client.projectMemberships.list(projectId) : Promise.resolve(undefined),
      client.projectApiKeys.list(projectId),
    ]);
    return { overrides, apiKeys };
  }
}

/** A shared load that is forgotten once it fails, so the next read retries it. */
function shared<T>(load: (signal: AbortSignal) => Promise<T>, forget: () => void): SharedLoad<T> {
  const state = new SharedLoad(load);
  state.promise.catch(forget);
  return state;
}
