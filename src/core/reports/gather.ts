// Loads what the access reports need from a connection's organization model, then writes them.
import type { MemberInfo } from '../guards/accessGuards';
import type { OrganizationModel } from '../org/organizationModel';
import { checkIsolation, isolationReport } from './checkIsolation';
import { explainAccess } from './explainAccess';

/** "Explain access" of one member across every project (Markdown). */
export async function explainMemberAccessReport(model: OrganizationModel, member: MemberInfo): Promise<string> {
  const overview = await model.overview();
  const current = overview.members?.find(m => m.userId === member.userId) ?? member;
  const projects = await Promise.all((overview.projects ?? []).map(async p => {
    const details = await model.project(p.id);
    return { id: p.id, name: p.name, override: details.overrides?.find(o => o.userId === current.userId)?.role };
  }));
  return explainAccess({ member: current, projects, projectRoles: overview.capabilities.rbacProjectRoles ?? false });
}

/** "Check isolation" of the organization, against the workspace's environments when an access file gives them (Markdown). */
export async function isolationReportOf(model: OrganizationModel, title: string, environments?: Record<string, { project: string; writers?: string[] }>): Promise<string> {
  const overview = await model.overview();
  const projects = overview.projects ?? [];
  const details = new Map(await Promise.all(projects.map(async p => [p.id, await model.project(p.id)] as const)));
  const findings = checkIsolation({
    projects,
    members: overview.members ?? [],
    overrides: new Map(projects.map(p => [p.id, details.get(p.id)?.overrides])),
    keys: new Map(projects.map(p => [p.id, details.get(p.id)?.apiKeys ?? []])),
    environments,
  });
  return isolationReport(findings, title);
}
