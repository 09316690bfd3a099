import { l10n } from '../../l10n/l10n';
import type { Api } from '../api';
import { deleteConfirmed, isAmbiguous } from '../api';
import { AmbiguousCreateError } from '../errors';
import { ApiKeysResponse, CreatedApiKey, SuccessResponse, type ApiKeySummary, type CreatedApiKey as CreatedApiKeyT } from '../schemas';

export interface CreateKeyInput {
  note?: string;
  /** A predefined pair (both or neither; `pk-lf-` / `sk-lf-` prefixes). Makes a lost answer recoverable. */
  publicKey?: string;
  secretKey?: string;
}

/** How far a server clock may be behind ours when looking for a key created by a lost request. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Project API keys (organization key, admin-api). A project key cannot manage keys, not even its own. */
export function projectApiKeysResource(api: Api) {
  const path = (projectId: string) => `/api/public/projects/${encodeURIComponent(projectId)}/apiKeys`;
  const list = async (projectId: string): Promise<ApiKeySummary[]> =>
    (await api.call({ method: 'GET', path: path(projectId) }, ApiKeysResponse)).apiKeys;

  return {
    list,

    /**
     * Creates a key; the answer is the only time the secret is shown. Never blindly retried: after an
     * ambiguous failure the key is looked up first. A predefined pair is recovered (we know its
     * secret); a generated key that may exist raises AmbiguousCreateError naming it, because its
     * secret is lost and it should be deleted.
     */
    async create(projectId: string, input: CreateKeyInput = {}): Promise<CreatedApiKeyT> {
      const started = Date.now();
      const send = () => api.call({ method: 'POST', path: path(projectId), body: input }, CreatedApiKey);
      try {
        return await send();
      } catch (err) {
        if (!isAmbiguous(err)) throw err;
        const keys = await list(projectId);
        if (input.publicKey && input.secretKey) {
          const found = keys.find(k => k.publicKey === input.publicKey);
          if (found) return { id: found.id, createdAt: found.createdAt, note: found.note, publicKey: found.publicKey, secretKey: input.secretKey, displaySecretKey: found.displaySecretKey };
          return send();
        }
        const candidates = keys.filter(k => (k.note ?? undefined) === input.note && Date.parse(k.createdAt) >= started - CLOCK_SKEW_MS);
        if (candidates.length) {
          throw new AmbiguousCreateError(candidates.map(k => k.id), l10n.t('Creating a key in project {0} failed after Langfuse may have created it: {1}. Its secret cannot be shown again; delete that key and create a new one.', projectId, candidates.map(k => l10n.t('{0} (id {1})', k.publicKey, k.id)).join(', ')), { cause: err });
        }
        return send();
      }
    },

    /** Revokes at once (200). A repeated DELETE that answers 404 counts as done once the list confirms it. */
    delete: (projectId: string, apiKeyId: string) =>
      deleteConfirmed(
        async () => { await api.call({ method: 'DELETE', path: `${path(projectId)}/${encodeURIComponent(apiKeyId)}` }, SuccessResponse); },
        async () => !(await list(projectId)).some(k => k.id === apiKeyId),
      ),
  };
}
