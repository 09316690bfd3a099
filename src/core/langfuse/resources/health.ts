import type { Api } from '../api';
import { HealthResponse, type Health } from '../schemas';

/** `GET /api/public/health`, unauthenticated: status and server version. */
export function health(api: Api): Promise<Health> {
  return api.call({ method: 'GET', path: '/api/public/health', anonymous: true }, HealthResponse);
}
