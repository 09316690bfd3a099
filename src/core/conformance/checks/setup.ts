// The read-only start of a run (key kind and plan, who acts and with which role, the full tree) and
// the project the mutating checks work in.
import { PLANS_WITH_ADMIN_API } from '../../langfuse/errorMapping';
import { hasOrganizationScope, hasProjectScope } from '../../langfuse/roles';
import { CheckFailure, done, pairAnswer, SkipCheck, type SuiteContext } from '../context';

export async function capabilitiesCheck(ctx: SuiteContext): Promise<string> {
  const caps = await ctx.session.client.detectCapabilities({ refresh: true });
  ctx.capabilities = caps;
  const version = caps.serverVersion ? `Langfuse ${caps.serverVersion}` : 'server version not stated (GET /api/public/health)';
  if (caps.keyKind === 'project') {
    throw new CheckFailure(`a project key (of ${caps.project?.name ?? 'a project'}) cannot manage members, projects or keys; run conformance with an organization API key. ${version}.`);
  }
  return `organization key; admin API ${caps.adminApi ? 'yes' : 'no'}; project roles ${caps.rbacProjectRoles ? 'yes' : 'no'}; ${version}`;
}

/** Skips unless the plan has the admin API (everything that lists or changes the organization needs it). */
export function needAdminApi(ctx: SuiteContext): void {
  if (!ctx.capabilities || ctx.capabilities.keyKind !== 'organization') throw new SkipCheck('needs an organization key (see the capabilities check)');
  if (!ctx.capabilities.adminApi) throw new SkipCheck('the plan lacks the admin-api entitlement', PLANS_WITH_ADMIN_API);
}

/**
 * The acting identity must be OWNER or ADMIN of the organization — and OWNER when the run deletes the
 * throwaway project it creates (`project:delete` is OWNER-only, LF packages/shared/src/features/rbac/
 * projectAccessRights.ts; docs/langfuse-behaviour.md §4). Otherwise the run stops here, before changing anything.
 */
export async function identityCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const actor = ctx.session.host.port.actor();
  if (!actor.email) throw new CheckFailure('no acting identity: set LANGFUSE_ACCESS_ACTING_AS to your Langfuse email (or git user.email). Nothing was changed.');
  const members = (await ctx.session.model.overview()).members ?? [];
  const me = members.find(m => m.email?.toLowerCase() === actor.email!.toLowerCase());
  if (!me) throw new CheckFailure(`${actor.email} is not a member of this organization; conformance acts as an OWNER or ADMIN. Nothing was changed.`);
  if (!hasOrganizationScope(me.role, 'organizationMembers:CUD') || !hasOrganizationScope(me.role, 'projects:create')) {
    throw new CheckFailure(`${actor.email} is ${me.role}; conformance must act as an OWNER or ADMIN (it adds a member and creates keys). Nothing was changed.`);
  }
  if (!ctx.options.existingProject && !hasProjectScope(me.role, 'project:delete')) {
    throw new CheckFailure(`${actor.email} is ${me.role}: an ADMIN may create the throwaway project but only an OWNER may delete it. Run with --project NAME (a project where you are ADMIN or OWNER) instead. Nothing was changed.`);
  }
  return `${actor.email} is ${me.role}`;
}

export async function treeCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const { model } = ctx.session;
  model.invalidate();
  const overview = await model.overview();
  const projects = overview.projects ?? [];
  const details = await Promise.all(projects.map(p => model.project(p.id)));
  const keys = details.reduce((n, d) => n + d.apiKeys.length, 0);
  const roles = details.reduce((n, d) => n + (d.overrides?.length ?? 0), 0);
  return `${projects.length} project(s), ${overview.members?.length ?? 0} member(s), ${keys} project key(s), ${roles} project role(s), ${overview.organizationApiKeys?.length ?? 0} organization key(s)`;
}

/** Creates the throwaway project (journaled first), or finds the one named with --project. */
export async function projectCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const { session, journal, runId } = ctx;
  if (ctx.options.existingProject) {
    const name = ctx.options.existingProject;
    const found = (await session.model.overview()).projects?.find(p => p.name === name || p.id === name);
    if (!found) throw new CheckFailure(`there is no project "${name}" in this organization`);
    ctx.project = { id: found.id, name: found.name };
    return `using the existing project ${found.name}; only keys this run creates are touched`;
  }
  journal.record({ kind: 'project', name: runId });
  const { project } = done(await session.perform({ kind: 'project.create', name: runId }), `creating the project ${runId}`);
  if (!project) throw new CheckFailure('Langfuse answered the project creation without the project');
  journal.record({ kind: 'project', name: runId, id: project.id });
  ctx.checkpoint('conformance:project-created');
  session.model.invalidate({ overview: true });
  const listed = (await session.model.overview()).projects?.some(p => p.id === project.id);
  if (!listed) throw new CheckFailure(`the project ${runId} (${project.id}) was created but is not in GET /api/public/organizations/projects`);
  ctx.project = { id: project.id, name: project.name };
  return `created ${project.name} (${project.id}); listed by the organization`;
}

/** Deletes the throwaway project; its keys must stop answering at once (LF DELETE /api/public/projects/{id} → 202). */
export async function projectDeleteCheck(ctx: SuiteContext, keyOfProject?: { publicKey: string; secretKey: string }): Promise<string> {
  if (ctx.options.existingProject) throw new SkipCheck(`the existing project ${ctx.options.existingProject} is kept (--project)`);
  if (!ctx.project) throw new SkipCheck('no throwaway project was created');
  const { session, journal } = ctx;
  const { id, name } = ctx.project;
  done(await session.perform({ kind: 'project.delete', projectId: id }), `deleting the project ${name}`);
  session.model.invalidate({ overview: true });
  if ((await session.model.overview()).projects?.some(p => p.id === id)) throw new CheckFailure(`${name} is still listed after the delete`);
  journal.forget({ kind: 'project', name: ctx.runId });
  let keyNote = '';
  if (keyOfProject) {
    const answer = await pairAnswer(ctx, keyOfProject);
    if (answer.status !== 401) throw new CheckFailure(`${name} is deleted but its key still answers 200`);
    keyNote = '; its key answers 401 at once';
  }
  ctx.project = undefined;
  return `deleted ${name}${keyNote}`;
}
