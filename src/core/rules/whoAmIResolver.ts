// The online who-am-I for `lint --online` and explicit checks in a trusted workspace: asks the
// connection's host (from the user's settings or CLI config, never from the workspace) which project
// a key pair answers as. Kept apart from the typing-time rules so they never load the HTTP client.
import { l10n } from '../l10n/l10n';
import { createLangfuseClient, isLangfuseError, UnauthorizedError, WrongKeyKindError } from '../langfuse/index';
import { redact } from '../log/redact';
import type { WhoAmIResolver, WhoAmIResult } from './keyIndex';

export function createWhoAmIResolver(baseUrl: string, options: { timeoutMs?: number } = {}): WhoAmIResolver {
  return {
    async whoAmI(pair, signal): Promise<WhoAmIResult> {
      try {
        const client = createLangfuseClient({ baseUrl, ...pair, timeoutMs: options.timeoutMs ?? 15_000, retry: { attempts: 2 } });
        const project = await (signal ? client.withSignal(signal) : client).whoAmI();
        return { status: 'ok', projectId: project.id, projectName: project.name };
      } catch (err) {
        if (err instanceof UnauthorizedError) return { status: 'rejected' };
        if (err instanceof WrongKeyKindError) return { status: 'unavailable', reason: l10n.t('this is an organization key; a .env file for an SDK needs a project key') };
        const text = isLangfuseError(err) || err instanceof Error ? err.message : String(err);
        return { status: 'unavailable', reason: redact(text) };
      }
    },
  };
}
