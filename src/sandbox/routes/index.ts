import type { RouteHandler } from '../http/types';
import { adminOrganizationApiKeyById, adminOrganizationApiKeys, adminOrganizations } from './admin';
import { health, ingestion, scoreConfigs, traces } from './data';
import { observationsV2 } from './eventsOnly';
import { organizationApiKeys, organizationMemberships, organizationProjects } from './organizations';
import { projectApiKeyById, projectApiKeys } from './projectApiKeys';
import { projectMemberships } from './projectMemberships';
import { projectById, projectsIndex } from './projects';
import { scimDiscovery, scimUserById, scimUsers } from './scim';

interface Route { pattern: RegExp; handle: RouteHandler }

const route = (path: string, handle: RouteHandler): Route => ({ pattern: new RegExp(`^${path.replace(/:(\w+)/g, `(?<$1>[^/]+)`)}/?$`), handle });

/** Every route the sandbox serves, as Langfuse v4.16.0 lays them out (v2 observations only on 4.x worlds). */
export const ROUTES: Route[] = [
  route('/api/public/health', health),
  route('/api/public/projects', projectsIndex),
  route('/api/public/projects/:projectId', projectById),
  route('/api/public/projects/:projectId/apiKeys', projectApiKeys),
  route('/api/public/projects/:projectId/apiKeys/:apiKeyId', projectApiKeyById),
  route('/api/public/projects/:projectId/memberships', projectMemberships),
  route('/api/public/organizations/memberships', organizationMemberships),
  route('/api/public/organizations/projects', organizationProjects),
  route('/api/public/organizations/apiKeys', organizationApiKeys),
  route('/api/public/scim/ServiceProviderConfig', scimDiscovery('spc')),
  route('/api/public/scim/ResourceTypes', scimDiscovery('resourceTypes')),
  route('/api/public/scim/Schemas', scimDiscovery('schemas')),
  route('/api/public/scim/Users', scimUsers),
  route('/api/public/scim/Users/:id', scimUserById),
  route('/api/public/score-configs', scoreConfigs),
  route('/api/public/ingestion', ingestion),
  route('/api/public/traces', traces),
  route('/api/public/v2/observations', observationsV2),
  route('/api/admin/organizations', adminOrganizations),
  route('/api/admin/organizations/:organizationId/apiKeys', adminOrganizationApiKeys),
  route('/api/admin/organizations/:organizationId/apiKeys/:apiKeyId', adminOrganizationApiKeyById),
];

export function findRoute(path: string): { handle: RouteHandler; params: Record<string, string> } | undefined {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) {
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = safeDecode(v);
      return { handle: r.handle, params };
    }
  }
  return undefined;
}

function safeDecode(v: string): string {
  try { return decodeURIComponent(v); } catch { return v; }
}
