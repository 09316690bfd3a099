// Langfuse's own audit log has no API (docs/langfuse-behaviour.md §8): it is a settings page in the UI, entitled
// `audit-logs` (Cloud Team/Enterprise, self-hosted Enterprise). Its pages are the settings slug
// "audit-logs" of a project (LF web/src/pages/project/[projectId]/settings) and, in recent
// versions, of an organization (LF web/src/pages/organization/[organizationId]/settings).

import { l10n } from '../l10n/l10n';

export interface LangfuseAuditLogLinks {
  project?: string;
  organization?: string;
}

/** Links to Langfuse's own audit-log pages, for instances whose plan includes them. */
export function langfuseAuditLogLinks(baseUrl: string, ids: { projectId?: string; organizationId?: string }): LangfuseAuditLogLinks {
  const base = baseUrl.replace(/\/+$/, '');
  const links: LangfuseAuditLogLinks = {};
  if (ids.projectId) links.project = `${base}/project/${encodeURIComponent(ids.projectId)}/settings/audit-logs`;
  if (ids.organizationId) links.organization = `${base}/organization/${encodeURIComponent(ids.organizationId)}/settings/audit-logs`;
  return links;
}


/**
 * Where Langfuse's own audit log of a project is, or why there is none to open: it comes with the
 * same plans as the admin API (Langfuse `web/src/features/entitlements/constants/entitlements.ts`,
 * entitlement `audit-logs`) and Langfuse shows it only in its UI.
 */
export function langfuseAuditLogTarget(baseUrl: string, projectId: string, adminApi: boolean | undefined): { url: string } | { refusal: string } {
  if (!adminApi) {
    return { refusal: l10n.t('Langfuse\'s own audit log is part of Cloud Team, Cloud Enterprise and Self-hosted Enterprise. This tool\'s audit log (the Audit Log view) records every change made from here on any plan.') };
  }
  return { url: langfuseAuditLogLinks(baseUrl, { projectId }).project! };
}
