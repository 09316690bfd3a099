// Loads what the access reports need from a connection's organization model, then writes them.
import type { MemberInfo } from '../guards/accessGuards';
import type { Work } from '../flow/work';
import { loadAllProjects } from '../org/loadProjects';
import type { OrganizationModel } from '../org/organizationModel';
import { checkIsolation, isolationReport } from './checkIsolation';
import { explainAccess } from './explainAccess';

/** "Explain access" of one member across every project (Markdown). */
export async function explainMemberAccessReport(model: OrganizationModel, member: MemberInfo, work: Work = {}): Promise<string> {
  const { overview, details } = await loadAllProjects(model, work);
  const current = overview.members?.find(m => m.userId === member.userId) ?? member;
  const projects = (overview.projects ?? []).map(p => ({ id: p.id, name: p.name, override: details.get(p.id)?.overrides?.find(o => o.userId === current.userId)?.role }));
  return explainAccess({ member: current, projects, projectRoles: overview.capabilities.rbacProjectRoles ?? false });
}

/** "Check isolation" of the organization, against the workspace's environments when an access file gives them (Markdown). */
export async function isolationReportOf(model: OrganizationModel, title: string, environments?: Record<string, { project: string; writers?: string[] }>, work: Work = {}): Promise<string> {
  const { overview, details } = await loadAllProjects(model, work);
  const projects = overview.projects ?? [];
  const findings = checkIsolation({
    projects,
    members: overview.members ?? [],
    overrides: new Map(projects.map(p => [p.id, details.get(p.id)?.overrides])),
    keys: new Map(projects.map(p => [p.id, details.get(p.id)?.apiKeys ?? []])),
    environments,
  });
  return isolationReport(findings, title);
}
