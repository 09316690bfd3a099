import { l10n } from '../../l10n/l10n';
import { randomUUID } from 'node:crypto';
import type { Api } from '../api';
import { UnsupportedError, ValidationError } from '../errors';
import { IngestionResponse, TracesResponse } from '../schemas';

/**
 * Langfuse v3's trace routes (project key). A v4 server in its default events_only write mode no longer
 * serves them: the list answers a self-explaining 404 and ingestion refuses trace events inside its 207
 * (https://langfuse.com/docs/v4); read through observations.list there.
 */
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
      if (failed) {
        const detail = typeof failed.error === 'string' ? failed.error.slice(0, 600) : undefined;
        const said = [failed.message, detail].filter(Boolean).join(': ');
        if (failed.message === 'Event type not accepted') {
          throw new UnsupportedError(l10n.t('Langfuse does not accept trace events through POST /api/public/ingestion on this server ({0}: {1}).', failed.status, said), { status: failed.status, serverMessage: said });
        }
        throw new ValidationError(undefined, said
          ? l10n.t('Langfuse refused the trace ({0}: {1}). Check that the key is a project key of a live project.', failed.status, said)
          : l10n.t('Langfuse refused the trace ({0}). Check that the key is a project key of a live project.', failed.status), { status: failed.status, serverMessage: said || undefined });
      }
      return id;
    },
    list: (query: { fromTimestamp?: string; toTimestamp?: string; name?: string; page?: number; limit?: number } = {}) =>
      api.call({ method: 'GET', path: '/api/public/traces', query }, TracesResponse),
  };
}
