import type { Api } from '../api';
import { ObservationsV2Response } from '../schemas';

export interface ObservationsV2Query {
  /** ISO time: observations starting at or after it. */
  fromStartTime?: string;
  toStartTime?: string;
  /** Field groups; `core` is always returned (id, traceId, startTime, endTime, projectId, parentObservationId, type). */
  fields?: string;
  /** 1–1000, Langfuse's default 50. */
  limit?: number;
  cursor?: string;
}

/**
 * `GET /api/public/v2/observations` (project key): Langfuse v4's read path for tracing data, with cursor
 * paging and no total count (observations_getMany in web/public/generated/api/openapi.yml, langfuse/langfuse
 * at 62751446149b702b419a9292ddfc2280cdf74b8c).
 */
export function observationsResource(api: Api) {
  return {
    list: (query: ObservationsV2Query = {}) =>
      api.call({ method: 'GET', path: '/api/public/v2/observations', query: { ...query } }, ObservationsV2Response),
  };
}
export type ObservationsResource = ReturnType<typeof observationsResource>;
