// Validates a key pair against its server before it is saved as a connection: key kind, plan.
import type { LangfuseClient } from './client';
import { PLANS_WITH_ADMIN_API } from './errorMapping';
import { isLangfuseError } from './errors';

/** The result shown before a connection is saved. */
export interface ConnectionCheck {
  ok: boolean;
  /** One line for the user: "Organization key with the admin API and project roles. Langfuse 4.16.0." */
  summary: string;
  /** Present when the pair works but with limits (project key, plan gate). */
  warning?: string;
}

export async function checkConnection(client: LangfuseClient, baseUrl: string): Promise<ConnectionCheck> {
  try {
    const caps = await client.detectCapabilities();
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
    return { ok: true, summary: `Organization key with the admin API${caps.rbacProjectRoles ? ' and project roles' : ''}.${version}` };
  } catch (err) {
    return { ok: false, summary: isLangfuseError(err) ? err.message : `Could not reach ${baseUrl}: ${(err as Error).message}` };
  }
}
