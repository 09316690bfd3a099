import * as vscode from 'vscode';
import type { AuditEvent } from '../../core/audit/entry';
import { decide, type AccessAction, type Decision, type OrgAccessState } from '../../core/guards/accessGuards';
import { resolveActingIdentity } from '../../core/identity/actingAs';
import type { LangfuseClient } from '../../core/langfuse/index';
import type { Role } from '../../core/langfuse/roles';
import { Settings } from '../../core/names';
import type { OrganizationModel } from '../../core/org/organizationModel';
import type { Connection } from '../connections/connectionStore';
import type { Services } from '../services';

/** The acting identity for guards: the setting, else git user.email; undefined when neither is set. */
export function actingIdentity(): string | undefined {
  const resolved = resolveActingIdentity(vscode.workspace.getConfiguration().get<string>(Settings.actingAs));
  return resolved.source === 'os' ? undefined : resolved.identity;
}

export interface ActionTarget {
  connection: Connection;
  client: LangfuseClient;
  model: OrganizationModel;
}

/**
 * Runs one guarded change: re-reads the live state (so a change made meanwhile by another window, the
 * CLI or the web UI is seen), asks the guards, confirms (twice for OWNER/ADMIN grants), performs it,
 * audits the outcome and refreshes the tree.
 */
export async function guardedChange(
  services: Services,
  target: ActionTarget,
  action: AccessAction,
  options: {
    projectIds?: string[];
    confirm: string;
    confirmButton: string;
    perform: () => Promise<void>;
    audit: Omit<AuditEvent, 'outcome'>;
  },
): Promise<boolean> {
  const state = await liveState(target, options.projectIds ?? []);
  const decision: Decision = decide(action, actingIdentity(), state);
  const auditBase = { ...options.audit, resource: { ...options.audit.resource, connection: target.connection.id, host: target.connection.baseUrl } };
  if (!decision.allowed) {
    services.audit().append({ ...auditBase, outcome: 'refused', details: { ...options.audit.details, reason: decision.reason } });
    await services.ui.refuse(decision.reason);
    return false;
  }
  if (!await services.ui.confirm(options.confirm, options.confirmButton)) return false;
  if (decision.confirm && !await services.ui.confirm(`Are you sure? ${decision.confirm}`, 'Yes, Grant It')) return false;
  try {
    await options.perform();
  } catch (err) {
    services.audit().append({ ...auditBase, outcome: 'failure', details: { ...options.audit.details, error: (err as Error).message } });
    throw err;
  } finally {
    target.model.invalidate();
    services.tree.refresh();
  }
  services.audit().append({ ...auditBase, outcome: 'success' });
  return true;
}

/** Fresh members (and the named projects' roles) straight from the server. */
export async function liveState(target: ActionTarget, projectIds: string[]): Promise<OrgAccessState> {
  target.model.invalidate({ overview: true });
  for (const id of projectIds) target.model.invalidate({ projectId: id });
  const overview = await target.model.overview();
  const projectRoles = new Map<string, { userId: string; role: Role }[]>();
  await Promise.all(projectIds.map(async id => projectRoles.set(id, (await target.model.project(id)).overrides ?? [])));
  return { members: overview.members ?? [], projectRoles };
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'everything, incl. billing, organization keys and deleting the organization',
  ADMIN: 'manage members, API keys, integrations; no billing',
  MEMBER: 'traces, prompts, datasets, evaluations; no member or key management',
  VIEWER: 'read-only',
  NONE: 'no access',
};
