import { l10n } from '../../l10n/l10n';
import type { Api } from '../api';
import { NotFoundError } from '../errors';
import { WhoAmIResponse, type WhoAmIProject } from '../schemas';

/**
 * `GET /api/public/projects` with a project key: the key's own project and organization (the only
 * way to learn them — keys encode nothing). With an organization key Langfuse answers 403, which
 * surfaces as WrongKeyKindError(needed: 'project').
 */
export async function whoAmI(api: Api): Promise<WhoAmIProject> {
  const spec = { method: 'GET' as const, path: '/api/public/projects' };
  const { data } = await api.call(spec, WhoAmIResponse);
  if (!data[0]) throw new NotFoundError(l10n.t('The key\'s project no longer exists ({0} returned no project). Create a key in an existing project.', api.transport.describe(spec)), { status: 200 });
  return data[0];
}
