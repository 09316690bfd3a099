import type { Api } from '../api';
import { deleteConfirmed, isAmbiguous } from '../api';
import { DeleteProjectResponse, OrganizationProjectsResponse, SavedProject, type OrganizationProject } from '../schemas';

export interface ProjectInput {
  name: string;
  metadata?: Record<string, unknown>;
  /** Days; 0 = keep forever. Needs the data-retention entitlement when > 0. */
  retention?: number;
}

/** Projects of the organization (organization key, admin-api entitlement). */
export function projectsResource(api: Api) {
  const list = async (): Promise<OrganizationProject[]> =>
    (await api.call({ method: 'GET', path: '/api/public/organizations/projects' }, OrganizationProjectsResponse)).projects;

  return {
    list,

    /**
     * Creates a project (201). Never blindly retried: after an ambiguous failure the project is looked
     * up by name first, and only created again if it is not there.
     */
    async create(input: ProjectInput) {
      const send = () => api.call({ method: 'POST', path: '/api/public/projects', body: input }, SavedProject);
      try {
        return await send();
      } catch (err) {
        if (!isAmbiguous(err)) throw err;
        const existing = (await list()).find(p => p.name === input.name);
        if (existing) return { id: existing.id, name: existing.name, metadata: existing.metadata ?? {} };
        return send();
      }
    },

    /** Renames or changes metadata/retention; `name` is always required by Langfuse. */
    update: (projectId: string, input: ProjectInput) =>
      api.call({ method: 'PUT', path: `/api/public/projects/${encodeURIComponent(projectId)}`, body: input }, SavedProject),

    /** Deletes the project and, at once, all its API keys (202; data removal continues in the background). */
    delete: (projectId: string) =>
      deleteConfirmed(
        async () => { await api.call({ method: 'DELETE', path: `/api/public/projects/${encodeURIComponent(projectId)}` }, DeleteProjectResponse); },
        async () => !(await list()).some(p => p.id === projectId),
      ),
  };
}
