import type { Api } from '../api';
import { ApiKeysResponse, type ApiKeySummary } from '../schemas';

/**
 * Organization API keys: list only. Langfuse offers no public endpoint to create or delete them
 * (UI by an organization OWNER, or the self-hosted instance Admin API).
 */
export function organizationApiKeysResource(api: Api) {
  return {
    list: async (): Promise<ApiKeySummary[]> => (await api.call({ method: 'GET', path: '/api/public/organizations/apiKeys' }, ApiKeysResponse)).apiKeys,
  };
}
