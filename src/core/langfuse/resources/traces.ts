import { randomUUID } from 'node:crypto';
import type { Api } from '../api';
import { ValidationError } from '../errors';
import { IngestionResponse, TracesResponse } from '../schemas';

/** The minimal trace path a key-rotation probe needs (project key). */
export function tracesResource(api: Api) {
  return {
    /** Sends one trace through the legacy batch ingestion endpoint; resolves with its id once accepted. */
    async create(trace: { id?: string; name: string; timestamp?: string; tags?: string[] }): Promise<string> {
      const id = trace.id ?? randomUUID();
      const timestamp = trace.timestamp ?? new Date().toISOString();
      const res = await api.call({
        method: 'POST', path: '/api/public/ingestion',
        body: { batch: [{ id: randomUUID(), type: 'trace-create', timestamp, body: { id, name: trace.name, timestamp, tags: trace.tags ?? [] } }] },
      }, IngestionResponse);
      const failed = res.errors.find(e => e.id);
      if (failed) throw new ValidationError(undefined, `Langfuse refused the probe trace (${failed.status}${failed.message ? `: ${failed.message}` : ''}). Check that the key is a project key of a live project.`, { status: failed.status });
      return id;
    },
    list: (query: { fromTimestamp?: string; toTimestamp?: string; name?: string; page?: number; limit?: number } = {}) =>
      api.call({ method: 'GET', path: '/api/public/traces', query }, TracesResponse),
  };
}
