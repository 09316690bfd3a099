// Members through the product's own actions: add a throwaway @example.com member by email (SCIM, role
// MEMBER), give them a project role and clear it, remove them. Each step is read back from the server.
import { PLANS_WITH_ADMIN_API } from '../../langfuse/errorMapping';
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
  done(await ctx.session.perform({ kind: 'member.add', email, role: 'MEMBER' }), `adding ${email}`);
  ctx.checkpoint('conformance:member-added');
  const member = (await ctx.session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === email);
  if (!member) throw new CheckFailure(`${email} was added through SCIM but is not in GET /api/public/organizations/memberships`);
  if (member.role !== 'MEMBER') throw new CheckFailure(`${email} was added as MEMBER but is listed as ${member.role}`);
  ctx.member = { userId: member.userId, email };
  return `${email} added through SCIM as MEMBER (user ${member.userId}); listed with that role`;
}

function needMemberAndRoles(ctx: SuiteContext): { userId: string; projectId: string; projectName: string } {
  needAdminApi(ctx);
  if (!ctx.capabilities?.rbacProjectRoles) throw new SkipCheck('the plan lacks the rbac-project-roles entitlement', PLANS_WITH_ADMIN_API);
  if (!ctx.member) throw new SkipCheck('no throwaway member (the add check did not pass)');
  if (!ctx.project) throw new SkipCheck('no project to work in (the project check did not pass)');
  return { userId: ctx.member.userId, projectId: ctx.project.id, projectName: ctx.project.name };
}

export async function projectRoleSetCheck(ctx: SuiteContext): Promise<string> {
  const { userId, projectId, projectName } = needMemberAndRoles(ctx);
  done(await ctx.session.perform({ kind: 'projectRole.set', projectId, userId, to: 'VIEWER' }), `setting a project role in ${projectName}`);
  const role = (await ctx.session.liveFacts(projectId)).project?.overrides.find(o => o.userId === userId)?.role;
  if (role !== 'VIEWER') throw new CheckFailure(`the project role was set to VIEWER but ${projectName} lists ${role ?? 'none'}`);
  return `VIEWER in ${projectName}; read back from GET /api/public/projects/{id}/memberships`;
}

export async function projectRoleClearCheck(ctx: SuiteContext): Promise<string> {
  const { userId, projectId, projectName } = needMemberAndRoles(ctx);
  done(await ctx.session.perform({ kind: 'projectRole.clear', projectId, userId }), `clearing the project role in ${projectName}`);
  const left = (await ctx.session.liveFacts(projectId)).project?.overrides.find(o => o.userId === userId);
  if (left) throw new CheckFailure(`the project role was cleared but ${projectName} still lists ${left.role}`);
  return `cleared in ${projectName}: the member inherits the organization role again`;
}

export async function memberRemoveCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  if (!ctx.member) throw new SkipCheck('no throwaway member (the add check did not pass)');
  const { userId, email } = ctx.member;
  done(await ctx.session.perform({ kind: 'member.remove', userId }), `removing ${email}`);
  if ((await ctx.session.liveFacts(undefined)).members.some(m => m.userId === userId)) throw new CheckFailure(`${email} is still a member after the removal`);
  ctx.journal.forget({ kind: 'member', email });
  ctx.member = undefined;
  return `${email} removed from the organization (the Langfuse user created by SCIM stays, without membership)`;
}
