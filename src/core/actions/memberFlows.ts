// The member actions of the Access view, for any edge: what is asked, in which order, and what is
// said at the end. Each refuses before asking anything when the acting identity may not take it
// here (Session.permissions, from what is loaded); the session then decides again, live, and
// confirms, performs and audits.
import { isLangfuseError } from '../langfuse/errors';
import type { Role } from '../langfuse/roles';
import type { Membership } from '../langfuse/schemas';
import type { NodeOf } from '../org/accessNodes';
import { l10n } from '../l10n/l10n';
import { roleChoices, type RoleChoice } from '../org/choices';
import type { SessionAction } from '../session/actions';
import type { Verdict } from '../session/permissions';
import { isRefused, type FlowContext, type InputOptions, type PickQuestion, type Refused } from './ui';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const who = (m: Pick<Membership, 'email' | 'name' | 'userId'>) => m.email ?? m.name ?? m.userId;

/** What the role questions are called (a lone picker's title, a palette step's placeholder). */
export const orgRoleTitle = (member: Membership) => l10n.t('Organization role for {0}', who(member));
export const projectRoleTitle = (node: NodeOf<'projectMember'>) => l10n.t('Role of {0} in {1}', who(node.member), node.project.name);

/** Hands one action to the session; a change ends with its confirmation and the views redrawn. */
export async function performAction(ctx: FlowContext, action: SessionAction): Promise<boolean> {
  try {
    const outcome = await ctx.session.perform(action);
    if (outcome.status === 'done') ctx.ui.done(outcome.message);
    return outcome.status === 'done';
  } finally {
    ctx.changed();
  }
}

/** Records and shows a refusal found before anything was asked; always false (nothing changed). */
export async function refuseBefore(ctx: FlowContext, q: Refused): Promise<false> {
  await ctx.session.refuseBeforeAsking(q.refused.action, q.refused.resource, q.refused.verdict);
  return false;
}

const refusedIf = (verdict: Verdict | undefined, action: Refused['refused']['action'], resource: Refused['refused']['resource']): Refused | undefined =>
  verdict && !verdict.allowed ? { refused: { action, resource, verdict } } : undefined;

/** The questions of "Add Member": the email address, then the organization role (refused before either when not allowed). */
export async function newMemberQuestions(ctx: FlowContext, signal?: AbortSignal): Promise<Refused | { email: InputOptions; role(email: string): PickQuestion<RoleChoice> }> {
  const permissions = await ctx.session.permissions([], signal);
  return refusedIf(permissions.organization.addMember, 'member.add', { kind: 'member' }) ?? {
    email: {
      title: l10n.t('Add Member to Organization'), placeHolder: 'name@acme.com',
      prompt: l10n.t('Email address (the user is created if they have never logged in; they sign in with SSO or reset a password)'),
      validateInput: v => EMAIL.test(v.trim()) ? undefined : l10n.t('Enter an email address.'),
    },
    role: email => ({ title: l10n.t('Organization role for {0}', email), ...roleChoices(undefined, l10n.t('NONE — member without organization access (give project roles)'), { own: permissions.organization.role, fallback: 'VIEWER' }) }),
  };
}

/** Adds someone to the organization by email through SCIM: creates the user if needed, else attaches them. */
export async function addMemberFlow(ctx: FlowContext): Promise<boolean> {
  const q = await newMemberQuestions(ctx);
  if (isRefused(q)) return refuseBefore(ctx, q);
  const email = (await ctx.ui.input(q.email))?.trim().toLowerCase();
  if (!email) return false;
  const role = q.role(email);
  const pick = await ctx.ui.pick(role.items, { title: role.title, active: role.active });
  return pick ? addMemberAs(ctx, email, pick.role) : false;
}

/** Adds the member; when they already are one, offers to change their role instead. */
export async function addMemberAs(ctx: FlowContext, email: string, role: Role): Promise<boolean> {
  try {
    return await performAction(ctx, { kind: 'member.add', email, role });
  } catch (err) {
    if (!isLangfuseError(err) || err.kind !== 'conflict') throw err;
    const member = (await ctx.session.model.overview()).members?.find(m => m.email?.toLowerCase() === email);
    if (!member) throw err;
    const instead = l10n.t('Change Role Instead');
    const choice = await ctx.ui.choose(l10n.t('{0} is already a member of this organization ({1}).', email, member.role), [instead]);
    return choice === instead ? changeOrgRoleFlow(ctx, member) : false;
  }
}

/** The organization role question for a member, the current role pre-selected. */
export async function orgRoleQuestion(ctx: FlowContext, member: Membership, signal?: AbortSignal): Promise<Refused | PickQuestion<RoleChoice>> {
  const permissions = await ctx.session.permissions([], signal);
  const verdict = permissions.organization.members[member.userId]?.changeRole ?? permissions.organization.changeRole;
  return refusedIf(verdict, 'member.changeRole', { kind: 'member', id: member.userId, name: member.email ?? undefined })
    ?? { title: orgRoleTitle(member), ...roleChoices(member.role, l10n.t('NONE — keep the membership without organization access'), { own: permissions.organization.role }) };
}

export async function changeOrgRoleFlow(ctx: FlowContext, member: Membership): Promise<boolean> {
  const q = await orgRoleQuestion(ctx, member);
  if (isRefused(q)) return refuseBefore(ctx, q);
  return changeOrgRoleTo(ctx, member, (await ctx.ui.pick(q.items, { title: q.title, active: q.active }))?.role);
}

/** Changes the role when one was chosen and it differs from the current one. */
export function changeOrgRoleTo(ctx: FlowContext, member: Membership, role: Role | undefined): Promise<boolean> {
  if (!role || role === member.role) return Promise.resolve(false);
  return performAction(ctx, { kind: 'member.changeRole', userId: member.userId, to: role });
}

export function removeMemberFlow(ctx: FlowContext, member: Membership): Promise<boolean> {
  // Nothing is asked before the session's own confirmation, which comes after its guard.
  return performAction(ctx, { kind: 'member.remove', userId: member.userId });
}

/** The refusal when the identity may not set roles in the member's project (undefined when it may). */
async function projectRoleRefusal(ctx: FlowContext, node: NodeOf<'projectMember'>, signal?: AbortSignal): Promise<{ refused?: Refused; own?: Role }> {
  const permissions = (await ctx.session.permissions([node.project.id], signal)).projects[node.project.id];
  const resource = { kind: 'projectMembership', id: node.member.userId, name: node.member.email ?? undefined, project: node.project.name };
  return { refused: refusedIf(permissions?.setRole, 'projectRole.set', resource), own: permissions?.role };
}

/** The project role question for a member of a project, the current (or inherited) role pre-selected. */
export async function projectRoleQuestion(ctx: FlowContext, node: NodeOf<'projectMember'>, signal?: AbortSignal): Promise<Refused | PickQuestion<RoleChoice>> {
  const { refused, own } = await projectRoleRefusal(ctx, node, signal);
  return refused ?? { title: projectRoleTitle(node), ...roleChoices(node.override, l10n.t('NONE — no access to {0}', node.project.name), { inherited: node.orgRole, own }) };
}

/** Sets a project role (`fixed`: NONE for "Remove from Project"), after the role is chosen. */
export async function setProjectRoleFlow(ctx: FlowContext, node: NodeOf<'projectMember'>, fixed?: Role): Promise<boolean> {
  if (fixed) {
    const { refused } = await projectRoleRefusal(ctx, node);
    return refused ? refuseBefore(ctx, refused) : setProjectRoleTo(ctx, node, fixed);
  }
  const q = await projectRoleQuestion(ctx, node);
  if (isRefused(q)) return refuseBefore(ctx, q);
  return setProjectRoleTo(ctx, node, (await ctx.ui.pick(q.items, { title: q.title, active: q.active }))?.role);
}

/** Sets the project role when one was chosen and it differs from the member's own project role. */
export function setProjectRoleTo(ctx: FlowContext, node: NodeOf<'projectMember'>, role: Role | undefined): Promise<boolean> {
  if (!role || role === node.override) return Promise.resolve(false);
  return performAction(ctx, { kind: 'projectRole.set', projectId: node.project.id, userId: node.member.userId, to: role });
}

export async function resetProjectRoleFlow(ctx: FlowContext, node: NodeOf<'projectMember'>): Promise<boolean> {
  if (node.override === undefined) {
    ctx.ui.done(l10n.t('{0} has no project role in {1}; they already inherit {2}.', who(node.member), node.project.name, node.orgRole));
    return false;
  }
  return performAction(ctx, { kind: 'projectRole.clear', projectId: node.project.id, userId: node.member.userId });
}
