// The Access view's structure: which rows a row has, loaded through the connection's organization
// model, and what a failed load shows instead (a row with a Retry or Fix Connection action).
import { isLangfuseError } from '../langfuse/errors';
import { plansWithAdminApi } from '../langfuse/errorMapping';
import { projectRoster, ROLE_RANK, type Role } from '../langfuse/roles';
import type { AccessNode, NodeOf } from './accessNodes';
import { progressCounter, type Work } from '../flow/work';
import { l10n } from '../l10n/l10n';
import type { OrganizationModel } from './organizationModel';

export async function childrenOf(node: AccessNode, model: OrganizationModel): Promise<AccessNode[]> {
  const connectionId = node.connectionId;
  switch (node.kind) {
    case 'connection': {
      const overview = await model.overview();
      const caps = overview.capabilities;
      if (caps.keyKind === 'project') {
        return [
          { kind: 'project', connectionId, project: caps.project ?? { id: '?', name: l10n.t('project') }, readOnly: true },
          { kind: 'message', connectionId, key: 'project-key', severity: 'info', label: l10n.t('Project key: read-only view of one project'),
            detail: l10n.t('Connect with an organization API key on {0} to see and manage members, projects and keys.', plansWithAdminApi()) },
        ];
      }
      if (!overview.projects) {
        return [{ kind: 'message', connectionId, key: 'plan-gate', severity: 'warning', label: l10n.t('The plan does not include the admin API'),
          detail: l10n.t('Members, projects and keys are managed through the admin API, part of {0}. Plan changes can take up to 5 minutes to show.', plansWithAdminApi()), action: 'retry' }];
      }
      return [{ kind: 'organization', connectionId, projectCount: overview.projects.length }];
    }
    case 'organization': {
      const overview = await model.overview();
      return [
        { kind: 'orgMembers', connectionId },
        { kind: 'orgKeys', connectionId },
        ...(overview.projects ?? []).map(p => ({ kind: 'project' as const, connectionId, project: { id: p.id, name: p.name } })),
      ];
    }
    case 'orgMembers':
      return byRoleThenName((await model.overview()).members ?? [], m => m.role).map(member => ({ kind: 'orgMember', connectionId, member }));
    case 'orgKeys':
      return ((await model.overview()).organizationApiKeys ?? []).map(key => ({ kind: 'orgKey', connectionId, key }));
    case 'project':
      if (node.readOnly) {
        return [{ kind: 'message', connectionId, key: `ro-${node.project.id}`, severity: 'info', label: l10n.t('Members and API keys need an organization key'),
          detail: l10n.t('A project key can read its own project\'s data but cannot list its members or keys — not even rotate itself.') }];
      }
      return [{ kind: 'projectMembers', connectionId, project: node.project }, { kind: 'projectKeys', connectionId, project: node.project }];
    case 'projectMembers':
      return projectMembers(node, model);
    case 'projectKeys': {
      const details = await model.project(node.project.id);
      if (details.apiKeys.length === 0) return [{ kind: 'message', connectionId, key: `nokeys-${node.project.id}`, severity: 'info', label: l10n.t('No API keys') }];
      return details.apiKeys.map(key => ({ kind: 'projectKey', connectionId, project: node.project, key }));
    }
    default:
      return [];
  }
}

async function projectMembers(node: NodeOf<'projectMembers'>, model: OrganizationModel): Promise<AccessNode[]> {
  const [overview, details] = await Promise.all([model.overview(), model.project(node.project.id)]);
  const rows = projectRoster(overview.members ?? [], details.overrides ?? [])
    .map(r => ({ kind: 'projectMember' as const, connectionId: node.connectionId, project: node.project, ...r }));
  const sorted = byRoleThenName(rows, r => r.effective);
  if (details.overrides === undefined) {
    return [...sorted, { kind: 'message', connectionId: node.connectionId, key: `norbac-${node.project.id}`, severity: 'info', label: l10n.t('Roles inherited from the organization'),
      detail: l10n.t('Project-level roles need the rbac-project-roles entitlement (same plans as the admin API).') }];
  }
  return sorted;
}

/** The row shown instead of a row's children when loading them failed; `logged` says how the failure was reported. */
export function errorNode(node: AccessNode, err: unknown): { row: AccessNode; expected: boolean } {
  const connectionId = node.connectionId;
  const key = `error-${node.kind}-${'project' in node ? node.project.id : ''}`;
  if (isLangfuseError(err)) {
    const fix = err.kind === 'unauthorized' || err.kind === 'insecureUrl' || err.kind === 'invalidKey' || err.kind === 'wrongKeyKind';
    const label = err.kind === 'unauthorized' ? l10n.t('Key pair rejected (wrong or revoked)')
      : err.kind === 'rateLimited' ? l10n.t('Rate limited by Langfuse')
      : err.kind === 'network' || err.kind === 'timeout' ? l10n.t('Langfuse did not answer')
      : err.kind === 'planGate' ? l10n.t('Not included in the plan')
      : l10n.t('Could not load');
    return { row: { kind: 'message', connectionId, key, severity: 'error', label, detail: err.message, action: fix ? 'fixConnection' : 'retry' }, expected: true };
  }
  return { row: { kind: 'message', connectionId, key, severity: 'error', label: l10n.t('Could not load'), detail: (err as Error).message, action: 'retry' }, expected: false };
}

/** The tree row of a project key in one organization, loading what is needed; undefined if it has none such. */
export async function findKeyNode(connectionId: string, model: OrganizationModel, publicKey: string, work: Work = {}): Promise<NodeOf<'projectKey'> | undefined> {
  const projects = (await model.overview(work.signal)).projects ?? [];
  const step = progressCounter(projects.length, work.onProgress, (done, total) => l10n.t('projects {0} of {1}', done, total));
  for (const project of projects) {
    const key = (await model.project(project.id, work.signal)).apiKeys.find(k => k.publicKey === publicKey);
    if (key) return { kind: 'projectKey', connectionId, project: { id: project.id, name: project.name }, key };
    step();
  }
  return undefined;
}

function byRoleThenName<T extends { member: { name: string | null; email: string | null } } | { name: string | null; email: string | null }>(items: T[], role: (t: T) => Role): T[] {
  const name = (t: T) => ('member' in t ? t.member : t) as { name: string | null; email: string | null };
  return [...items].sort((a, b) => ROLE_RANK[role(b)] - ROLE_RANK[role(a)] || (name(a).name ?? name(a).email ?? '').localeCompare(name(b).name ?? name(b).email ?? ''));
}
