// The member actions of the Access view, for any edge: what is asked, in which order, and what is
// said at the end. Each refuses before asking anything when the acting identity may not take it
// here (Session.permissions, from what is loaded); the session then decides again, live, and
// confirms, performs and audits.
import { isLangfuseError } from '../langfuse/errors';
import type { Role } from '../langfuse/roles';
import type { Membership } from '../langfuse/schemas';
import type { NodeOf } from '../org/accessNodes';
import { roleChoices } from '../org/choices';
import type { SessionAction } from '../session/actions';
import type { Verdict } from '../session/permissions';
import type { FlowContext } from './ui';
import { l10n } from '../l10n/l10n';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const who = (m: Pick<Membership, 'email' | 'name' | 'userId'>) => m.email ?? m.name ?? m.userId;

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

/** False (after the refusal) when the verdict says no: nothing is asked then. */
async function allowedHere(ctx: FlowContext, verdict: Verdict | undefined, action: SessionAction['kind'], resource: { kind: string; id?: string; name?: string; project?: string }): Promise<boolean> {
  if (!verdict || verdict.allowed) return true;
  await ctx.session.refuseBeforeAsking(action, resource, verdict);
  return false;
}

/** Adds someone to the organization by email through SCIM: creates the user if needed, else attaches them. */
export async function addMemberFlow(ctx: FlowContext): Promise<boolean> {
  const permissions = await ctx.session.permissions();
  if (!await allowedHere(ctx, permissions.organization.addMember, 'member.add', { kind: 'member' })) return false;
  const email = (await ctx.ui.input({
    title: l10n.t('Add Member to Organization'), placeHolder: 'name@acme.com',
    prompt: l10n.t('Email address (the user is created if they have never logged in; they sign in with SSO or reset a password)'),
    validateInput: v => EMAIL.test(v.trim()) ? undefined : l10n.t('Enter an email address.'),
  }))?.trim().toLowerCase();
  if (!email) return false;
  const roles = roleChoices(undefined, l10n.t('NONE — member without organization access (give project roles)'), { own: permissions.organization.role, fallback: 'VIEWER' });
  const pick = await ctx.ui.pick(roles.items, { title: l10n.t('Organization role for {0}', email), active: roles.active });
  if (!pick) return false;
  try {
    return await performAction(ctx, { kind: 'member.add', email, role: pick.role });
  } catch (err) {
    if (!isLangfuseError(err) || err.kind !== 'conflict') throw err;
    const member = (await ctx.session.model.overview()).members?.find(m => m.email?.toLowerCase() === email);
    if (!member) throw err;
    const changeRole = l10n.t('Change Role Instead');
    const choice = await ctx.ui.choose(l10n.t('{0} is already a member of this organization ({1}).', email, member.role), [changeRole]);
    return choice === changeRole ? changeOrgRoleFlow(ctx, member) : false;
  }
}

export async function changeOrgRoleFlow(ctx: FlowContext, member: Membership): Promise<boolean> {
  const permissions = await ctx.session.permissions();
  const verdict = permissions.organization.members[member.userId]?.changeRole ?? permissions.organization.changeRole;
  if (!await allowedHere(ctx, verdict, 'member.changeRole', { kind: 'member', id: member.userId, name: member.email ?? undefined })) return false;
  const roles = roleChoices(member.role, l10n.t('NONE — keep the membership without organization access'), { own: permissions.organization.role });
  const pick = await ctx.ui.pick(roles.items, { title: l10n.t('Organization role for {0}', who(member)), active: roles.active });
  if (!pick || pick.role === member.role) return false;
  return performAction(ctx, { kind: 'member.changeRole', userId: member.userId, to: pick.role });
}

export function removeMemberFlow(ctx: FlowContext, member: Membership): Promise<boolean> {
  // Nothing is asked before the session's own confirmation, which comes after its guard.
  return performAction(ctx, { kind: 'member.remove', userId: member.userId });
}

/** Sets a project role (`fixed`: NONE for "Remove from Project"), after the role is chosen. */
export async function setProjectRoleFlow(ctx: FlowContext, node: NodeOf<'projectMember'>, fixed?: Role): Promise<boolean> {
  const permissions = await ctx.session.permissions([node.project.id]);
  const resource = { kind: 'projectMembership', id: node.member.userId, name: node.member.email ?? undefined, project: node.project.name };
  if (!await allowedHere(ctx, permissions.projects[node.project.id]?.setRole, 'projectRole.set', resource)) return false;
  let role = fixed;
  if (!role) {
    const roles = roleChoices(node.override, l10n.t('NONE — no access to {0}', node.project.name), { inherited: node.orgRole, own: permissions.projects[node.project.id]?.role });
    role = (await ctx.ui.pick(roles.items, { title: l10n.t('Role of {0} in {1}', who(node.member), node.project.name), active: roles.active }))?.role;
  }
  if (!role || role === node.override) return false;
  return performAction(ctx, { kind: 'projectRole.set', projectId: node.project.id, userId: node.member.userId, to: role });
}

export async function resetProjectRoleFlow(ctx: FlowContext, node: NodeOf<'projectMember'>): Promise<boolean> {
  if (node.override === undefined) {
    ctx.ui.done(l10n.t('{0} has no project role in {1}; they already inherit {2}.', who(node.member), node.project.name, node.orgRole));
    return false;
  }
  return performAction(ctx, { kind: 'projectRole.clear', projectId: node.project.id, userId: node.member.userId });
}
