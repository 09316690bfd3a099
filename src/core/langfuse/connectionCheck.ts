// Validates a key pair against its server before it is saved as a connection: key kind, plan.
import type { LangfuseClient } from './client';
import { l10n } from '../l10n/l10n';
import { plansWithAdminApi } from './errorMapping';
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
    const v = caps.serverVersion;
    if (caps.keyKind === 'project') {
      return {
        ok: true,
        summary: projectKeySummary(caps.project?.name, caps.organization?.name, v),
        warning: l10n.t('A project key gives a read-only view of that one project. To manage members, projects and keys, connect with an organization API key (Organization Settings → API Keys, created by an organization OWNER) on {0}.', plansWithAdminApi()),
      };
    }
    if (!caps.adminApi) {
      return {
        ok: true,
        summary: v ? l10n.t('Organization key. Langfuse {0}.', v) : l10n.t('Organization key.'),
        warning: l10n.t('This organization\'s plan does not include the admin API, so members, projects and keys cannot be listed or changed through it (Langfuse answers "This feature is not available on your current plan."). The admin API is part of {0}. .env checks and the audit log work without it. Plans are cached with the key for up to 5 minutes after an upgrade.', plansWithAdminApi()),
      };
    }
    if (caps.rbacProjectRoles) return { ok: true, summary: v ? l10n.t('Organization key with the admin API and project roles. Langfuse {0}.', v) : l10n.t('Organization key with the admin API and project roles.') };
    return { ok: true, summary: v ? l10n.t('Organization key with the admin API. Langfuse {0}.', v) : l10n.t('Organization key with the admin API.') };
  } catch (err) {
    return { ok: false, summary: isLangfuseError(err) ? err.message : l10n.t('Could not reach {0}: {1}', baseUrl, (err as Error).message) };
  }
}

/** "Project key of chatbot (Acme). Langfuse 4.16.0." — one sentence per what is known. */
function projectKeySummary(project: string | undefined, organization: string | undefined, version: string | undefined): string {
  if (project === undefined) {
    if (organization === undefined) return version ? l10n.t('Project key of a project. Langfuse {0}.', version) : l10n.t('Project key of a project.');
    return version ? l10n.t('Project key of a project ({0}). Langfuse {1}.', organization, version) : l10n.t('Project key of a project ({0}).', organization);
  }
  if (organization === undefined) return version ? l10n.t('Project key of {0}. Langfuse {1}.', project, version) : l10n.t('Project key of {0}.', project);
  return version ? l10n.t('Project key of {0} ({1}). Langfuse {2}.', project, organization, version) : l10n.t('Project key of {0} ({1}).', project, organization);
}
