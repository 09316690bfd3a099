// Members through the product's own actions: add a throwaway @example.com member by email (SCIM, role
// MEMBER), give them a project role and clear it, remove them. Each step is read back from the server.
import { PLANS_WITH_ADMIN_API } from '../../langfuse/errorMapping';
import { l10n } from '../../l10n/l10n';
import { CheckFailure, done, SkipCheck, type SuiteContext } from '../context';
import { needAdminApi } from './setup';

/** The throwaway member's address: example.com is reserved for examples (RFC 2606), so no mail reaches anyone. */
export function memberEmail(runId: string): string {
  return `${runId}@example.com`;
}

export async function memberAddCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  const email = memberEmail(ctx.runId);
  ctx.journal.record({ kind: 'member', email });
  done(await ctx.session.perform({ kind: 'member.add', email, role: 'MEMBER' }), { kind: 'member.add', email });
  ctx.checkpoint('conformance:member-added');
  const member = (await ctx.session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === email);
  if (!member) throw new CheckFailure(l10n.t('{0} was added through SCIM but is not in GET /api/public/organizations/memberships', email));
  if (member.role !== 'MEMBER') throw new CheckFailure(l10n.t('{0} was added as MEMBER but is listed as {1}', email, member.role));
  ctx.member = { userId: member.userId, email };
  return l10n.t('{0} added through SCIM as MEMBER (user {1}); listed with that role', email, member.userId);
}

function needMemberAndRoles(ctx: SuiteContext): { userId: string; projectId: string; projectName: string } {
  needAdminApi(ctx);
  if (!ctx.capabilities?.rbacProjectRoles) throw new SkipCheck(l10n.t('the plan lacks the rbac-project-roles entitlement'), PLANS_WITH_ADMIN_API);
  if (!ctx.member) throw new SkipCheck(l10n.t('no throwaway member (the add check did not pass)'));
  if (!ctx.project) throw new SkipCheck(l10n.t('no project to work in (the project check did not pass)'));
  return { userId: ctx.member.userId, projectId: ctx.project.id, projectName: ctx.project.name };
}

export async function projectRoleSetCheck(ctx: SuiteContext): Promise<string> {
  const { userId, projectId, projectName } = needMemberAndRoles(ctx);
  done(await ctx.session.perform({ kind: 'projectRole.set', projectId, userId, to: 'VIEWER' }), { kind: 'projectRole.set', project: projectName });
  const role = (await ctx.session.liveFacts(projectId)).project?.overrides.find(o => o.userId === userId)?.role;
  if (role !== 'VIEWER') throw new CheckFailure(role
    ? l10n.t('the project role was set to VIEWER but {0} lists {1}', projectName, role)
    : l10n.t('the project role was set to VIEWER but {0} lists none', projectName));
  return l10n.t('VIEWER in {0}; read back from GET /api/public/projects/{1}/memberships', projectName, '{id}');
}

export async function projectRoleClearCheck(ctx: SuiteContext): Promise<string> {
  const { userId, projectId, projectName } = needMemberAndRoles(ctx);
  done(await ctx.session.perform({ kind: 'projectRole.clear', projectId, userId }), { kind: 'projectRole.clear', project: projectName });
  const left = (await ctx.session.liveFacts(projectId)).project?.overrides.find(o => o.userId === userId);
  if (left) throw new CheckFailure(l10n.t('the project role was cleared but {0} still lists {1}', projectName, left.role));
  return l10n.t('cleared in {0}: the member inherits the organization role again', projectName);
}

export async function memberRemoveCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  if (!ctx.member) throw new SkipCheck(l10n.t('no throwaway member (the add check did not pass)'));
  const { userId, email } = ctx.member;
  done(await ctx.session.perform({ kind: 'member.remove', userId }), { kind: 'member.remove', email });
  if ((await ctx.session.liveFacts(undefined)).members.some(m => m.userId === userId)) throw new CheckFailure(l10n.t('{0} is still a member after the removal', email));
  ctx.journal.forget({ kind: 'member', email });
  ctx.member = undefined;
  return l10n.t('{0} removed from the organization (the Langfuse user created by SCIM stays, without membership)', email);
}
