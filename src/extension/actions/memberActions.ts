import { l10n } from '../../core/l10n/l10n';
import type { Role } from '../../core/langfuse/roles';
import { roleChoices } from '../../core/org/choices';
import { asLangfuseError } from '../langfuse/errors';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';
import { perform } from './perform';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const roleItems = roleChoices;

const who = (m: NodeOf<'orgMember'>['member']) => m.email ?? m.name ?? m.userId;

/** Adds someone to the organization by email through SCIM: creates the user if needed, else attaches them. */
export async function addMember(services: Services, node: { connectionId: string }): Promise<boolean> {
  const email = (await services.ui.input({ title: l10n.t('Add Member to Organization'), prompt: l10n.t('Email address (the user is created if they have never logged in; they sign in with SSO or reset a password)'), placeHolder: 'name@acme.com',
    validateInput: v => EMAIL.test(v.trim()) ? undefined : 'Enter an email address.' }))?.trim().toLowerCase();
  if (!email) return false;
  const pick = await services.ui.pick(roleItems(undefined, l10n.t('NONE — member without organization access (give project roles)')), { title: l10n.t('Organization role for {0}', email) });
  if (!pick) return false;
  try {
    return (await perform(services, node.connectionId, { kind: 'member.add', email, role: pick.role })).status === 'done';
  } catch (err) {
    if (asLangfuseError(err)?.kind !== 'conflict') throw err;
    const { model } = await services.clients.get(node.connectionId);
    const member = (await model.overview()).members?.find(m => m.email?.toLowerCase() === email);
    if (!member) throw err;
    const choice = await services.ui.choose(`${email} is already a member of this organization (${member.role}).`, ['Change Role Instead']);
    if (choice !== 'Change Role Instead') return false;
    return changeOrgRole(services, { kind: 'orgMember', connectionId: node.connectionId, member });
  }
}

export async function changeOrgRole(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  const m = node.member;
  const pick = await services.ui.pick(roleItems(m.role, l10n.t('NONE — keep the membership without organization access')), { title: l10n.t('Organization role for {0}', who(m)) });
  if (!pick || pick.role === m.role) return false;
  return (await perform(services, node.connectionId, { kind: 'member.changeRole', userId: m.userId, to: pick.role })).status === 'done';
}

export async function removeMember(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  return (await perform(services, node.connectionId, { kind: 'member.remove', userId: node.member.userId })).status === 'done';
}

export async function setProjectRole(services: Services, node: NodeOf<'projectMember'>, fixed?: Role): Promise<boolean> {
  const role = fixed ?? (await services.ui.pick(roleItems(node.override, l10n.t('NONE — no access to {0}', node.project.name)), { title: l10n.t('Role of {0} in {1}', who(node.member), node.project.name) }))?.role;
  if (!role || role === node.override) return false;
  return (await perform(services, node.connectionId, { kind: 'projectRole.set', projectId: node.project.id, userId: node.member.userId, to: role })).status === 'done';
}

export async function resetProjectRole(services: Services, node: NodeOf<'projectMember'>): Promise<boolean> {
  if (node.override === undefined) {
    services.ui.notify(l10n.t('{0} has no project role in {1}; they already inherit {2}.', node.member.email ?? node.member.userId, node.project.name, node.orgRole));
    return false;
  }
  return (await perform(services, node.connectionId, { kind: 'projectRole.clear', projectId: node.project.id, userId: node.member.userId })).status === 'done';
}
