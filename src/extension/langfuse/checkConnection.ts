import type { KeyPair } from '../../core/connections/connection';
import { PLANS_WITH_ADMIN_API } from '../../core/langfuse/errorMapping';
import { asLangfuseError } from './errors';
import type { ConnectionCheck } from '../connections/addConnection';
import type { ClientProvider } from './clientProvider';

/** Validates a pair against its server before it is saved: key kind, organization, plan. */
export async function checkConnection(clients: ClientProvider, baseUrl: string, pair: KeyPair): Promise<ConnectionCheck> {
  try {
    const caps = await clients.temporaryClient(baseUrl, pair).detectCapabilities();
    const version = caps.serverVersion ? ` Langfuse ${caps.serverVersion}.` : '';
    if (caps.keyKind === 'project') {
      return {
        ok: true,
        summary: `Project key of ${caps.project?.name ?? 'a project'}${caps.organization ? ` (${caps.organization.name})` : ''}.${version}`,
        warning: `A project key gives a read-only view of that one project. To manage members, projects and keys, connect with an organization API key (Organization Settings → API Keys, created by an organization OWNER) on ${PLANS_WITH_ADMIN_API}.`,
      };
    }
    if (!caps.adminApi) {
      return {
        ok: true,
        summary: `Organization key.${version}`,
        warning: `This organization's plan does not include the admin API, so members, projects and keys cannot be listed or changed through it (Langfuse answers "This feature is not available on your current plan."). The admin API is part of ${PLANS_WITH_ADMIN_API}. .env checks and the audit log work without it. Plans are cached with the key for up to 5 minutes after an upgrade.`,
      };
    }
    return {
      ok: true,
      summary: `Organization key with the admin API${caps.rbacProjectRoles ? ' and project roles' : ''}.${version}`,
    };
  } catch (err) {
    return { ok: false, summary: asLangfuseError(err) ? (err as Error).message : `Could not reach ${baseUrl}: ${(err as Error).message}` };
  }
}
