// The read-only start of a run (key kind and plan, who acts and with which role, the full tree) and
// the project the mutating checks work in.
import { PLANS_WITH_ADMIN_API } from '../../langfuse/errorMapping';
import { hasOrganizationScope, hasProjectScope } from '../../langfuse/roles';
import { l10n } from '../../l10n/l10n';
import { CheckFailure, done, pairAnswer, SkipCheck, type SuiteContext } from '../context';

export async function capabilitiesCheck(ctx: SuiteContext): Promise<string> {
  const caps = await ctx.session.client.detectCapabilities({ refresh: true });
  ctx.capabilities = caps;
  const version = caps.serverVersion;
  if (caps.keyKind === 'project') {
    const project = caps.project?.name ?? l10n.t('a project');
    throw new CheckFailure(version
      ? l10n.t('a project key (of {0}) cannot manage members, projects or keys; run conformance with an organization API key. Langfuse {1}.', project, version)
      : l10n.t('a project key (of {0}) cannot manage members, projects or keys; run conformance with an organization API key. The server version is not stated (GET /api/public/health).', project));
  }
  const yesNo = (on: boolean | undefined) => (on ? l10n.t('yes') : l10n.t('no'));
  return version
    ? l10n.t('organization key; admin API {0}; project roles {1}; Langfuse {2}', yesNo(caps.adminApi), yesNo(caps.rbacProjectRoles), version)
    : l10n.t('organization key; admin API {0}; project roles {1}; server version not stated (GET /api/public/health)', yesNo(caps.adminApi), yesNo(caps.rbacProjectRoles));
}

/** Skips unless the plan has the admin API (everything that lists or changes the organization needs it). */
export function needAdminApi(ctx: SuiteContext): void {
  if (!ctx.capabilities || ctx.capabilities.keyKind !== 'organization') throw new SkipCheck(l10n.t('needs an organization key (see the capabilities check)'));
  if (!ctx.capabilities.adminApi) throw new SkipCheck(l10n.t('the plan lacks the admin-api entitlement'), PLANS_WITH_ADMIN_API);
}

/**
 * The acting identity must be OWNER or ADMIN of the organization — and OWNER when the run deletes the
 * throwaway project it creates (`project:delete` is OWNER-only, LF packages/shared/src/features/rbac/
 * projectAccessRights.ts; docs/langfuse-behaviour.md §4). Otherwise the run stops here, before changing anything.
 */
export async function identityCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const actor = ctx.session.host.port.actor();
  if (!actor.email) throw new CheckFailure(l10n.t('no acting identity: set LANGFUSE_ACCESS_ACTING_AS to your Langfuse email (or git user.email). Nothing was changed.'));
  const members = (await ctx.session.model.overview()).members ?? [];
  const me = members.find(m => m.email?.toLowerCase() === actor.email!.toLowerCase());
  if (!me) throw new CheckFailure(l10n.t('{0} is not a member of this organization; conformance acts as an OWNER or ADMIN. Nothing was changed.', actor.email));
  if (!hasOrganizationScope(me.role, 'organizationMembers:CUD') || !hasOrganizationScope(me.role, 'projects:create')) {
    throw new CheckFailure(l10n.t('{0} is {1}; conformance must act as an OWNER or ADMIN (it adds a member and creates keys). Nothing was changed.', actor.email, me.role));
  }
  if (!ctx.options.existingProject && !hasProjectScope(me.role, 'project:delete')) {
    throw new CheckFailure(l10n.t('{0} is {1}: an ADMIN may create the throwaway project but only an OWNER may delete it. Run with --project NAME (a project where you are ADMIN or OWNER) instead. Nothing was changed.', actor.email, me.role));
  }
  return l10n.t('{0} is {1}', actor.email, me.role);
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
  return l10n.t('{0} project(s), {1} member(s), {2} project key(s), {3} project role(s), {4} organization key(s)', projects.length, overview.members?.length ?? 0, keys, roles, overview.organizationApiKeys?.length ?? 0);
}

/** Creates the throwaway project (journaled first), or finds the one named with --project. */
export async function projectCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const { session, journal, runId } = ctx;
  if (ctx.options.existingProject) {
    const name = ctx.options.existingProject;
    const found = (await session.model.overview()).projects?.find(p => p.name === name || p.id === name);
    if (!found) throw new CheckFailure(l10n.t('there is no project "{0}" in this organization', name));
    ctx.project = { id: found.id, name: found.name };
    return l10n.t('using the existing project {0}; only keys this run creates are touched', found.name);
  }
  journal.record({ kind: 'project', name: runId });
  const { project } = done(await session.perform({ kind: 'project.create', name: runId }), { kind: 'project.create', project: runId });
  if (!project) throw new CheckFailure(l10n.t('Langfuse answered the project creation without the project'));
  journal.record({ kind: 'project', name: runId, id: project.id });
  ctx.checkpoint('conformance:project-created');
  session.model.invalidate({ overview: true });
  const listed = (await session.model.overview()).projects?.some(p => p.id === project.id);
  if (!listed) throw new CheckFailure(l10n.t('the project {0} ({1}) was created but is not in GET /api/public/organizations/projects', runId, project.id));
  ctx.project = { id: project.id, name: project.name };
  return l10n.t('created {0} ({1}); listed by the organization', project.name, project.id);
}

/** Deletes the throwaway project; its keys must stop answering at once (LF DELETE /api/public/projects/{id} → 202). */
export async function projectDeleteCheck(ctx: SuiteContext, keyOfProject?: { publicKey: string; secretKey: string }): Promise<string> {
  if (ctx.options.existingProject) throw new SkipCheck(l10n.t('the existing project {0} is kept (--project)', ctx.options.existingProject));
  if (!ctx.project) throw new SkipCheck(l10n.t('no throwaway project was created'));
  const { session, journal } = ctx;
  const { id, name } = ctx.project;
  done(await session.perform({ kind: 'project.delete', projectId: id }), { kind: 'project.delete', project: name });
  session.model.invalidate({ overview: true });
  if ((await session.model.overview()).projects?.some(p => p.id === id)) throw new CheckFailure(l10n.t('{0} is still listed after the delete', name));
  journal.forget({ kind: 'project', name: ctx.runId });
  if (keyOfProject) {
    const answer = await pairAnswer(ctx, keyOfProject);
    if (answer.status !== 401) throw new CheckFailure(l10n.t('{0} is deleted but its key still answers 200', name));
  }
  ctx.project = undefined;
  return keyOfProject ? l10n.t('deleted {0}; its key answers 401 at once', name) : l10n.t('deleted {0}', name);
}
