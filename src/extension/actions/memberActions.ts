import type * as vscode from 'vscode';
import { ROLES, type Role } from '../../core/langfuse/roles';
import { asLangfuseError } from '../langfuse/errors';
import type { Services } from '../services';
import type { NodeOf } from '../tree/nodes';
import { guardedChange, ROLE_DESCRIPTIONS, type ActionTarget } from './accessContext';

type RoleItem = vscode.QuickPickItem & { role: Role };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function roleItems(current: Role | undefined, noneLabel: string): RoleItem[] {
  return ROLES.map(role => ({
    role,
    label: role === 'NONE' ? noneLabel : role,
    description: role === current ? '(current)' : undefined,
    detail: ROLE_DESCRIPTIONS[role],
  }));
}

async function target(services: Services, connectionId: string): Promise<ActionTarget> {
  return services.clients.get(connectionId);
}

/** Adds someone to the organization by email through SCIM: creates the user if needed, else attaches them. */
export async function addMember(services: Services, node: { connectionId: string }): Promise<boolean> {
  const t = await target(services, node.connectionId);
  const email = (await services.ui.input({ title: 'Add Member to Organization', prompt: 'Email address (the user is created if they have never logged in; they sign in with SSO or reset a password)', placeHolder: 'name@acme.com',
    validateInput: v => EMAIL.test(v.trim()) ? undefined : 'Enter an email address.' }))?.trim().toLowerCase();
  if (!email) return false;
  const pick = await services.ui.pick(roleItems(undefined, 'NONE — member without organization access (give project roles)'), { title: `Organization role for ${email}` });
  if (!pick) return false;
  try {
    return await guardedChange(services, t, { kind: 'org.addMember', email, role: pick.role }, {
      confirm: `Add ${email} to the organization as ${pick.role}?`,
      confirmButton: 'Add Member',
      perform: async () => { await t.client.scimUsers.create({ userName: email, roles: [pick.role] }); },
      audit: { action: 'member.add', resource: { kind: 'member', name: email }, details: { role: pick.role, via: 'scim' } },
    });
  } catch (err) {
    if (asLangfuseError(err)?.kind !== 'conflict') throw err;
    const member = (await t.model.overview()).members?.find(m => m.email?.toLowerCase() === email);
    if (!member) throw err;
    const choice = await services.ui.choose(`${email} is already a member of this organization (${member.role}).`, ['Change Role Instead']);
    if (choice !== 'Change Role Instead') return false;
    return changeOrgRole(services, { kind: 'orgMember', connectionId: node.connectionId, member });
  }
}

export async function changeOrgRole(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  const t = await target(services, node.connectionId);
  const m = node.member;
  const who = m.email ?? m.name ?? m.userId;
  const pick = await services.ui.pick(roleItems(m.role, 'NONE — keep the membership without organization access'), { title: `Organization role for ${who}` });
  if (!pick || pick.role === m.role) return false;
  return guardedChange(services, t, { kind: 'org.changeRole', userId: m.userId, to: pick.role }, {
    confirm: `Change ${who}'s organization role from ${m.role} to ${pick.role}? Their effective role changes in every project without a project role of its own.`,
    confirmButton: 'Change Role',
    perform: async () => { await t.client.organizationMemberships.upsert(m.userId, pick.role); },
    audit: { action: 'member.changeRole', resource: { kind: 'member', id: m.userId, name: m.email ?? undefined }, details: { from: m.role, to: pick.role } },
  });
}

export async function removeMember(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  const t = await target(services, node.connectionId);
  const m = node.member;
  const who = m.email ?? m.name ?? m.userId;
  return guardedChange(services, t, { kind: 'org.removeMember', userId: m.userId }, {
    confirm: `Remove ${who} from the organization? They lose access to every project, and their project roles are deleted too. Their user account stays.`,
    confirmButton: 'Remove from Organization',
    perform: () => t.client.organizationMemberships.remove(m.userId),
    audit: { action: 'member.remove', resource: { kind: 'member', id: m.userId, name: m.email ?? undefined }, details: { role: m.role } },
  });
}

export async function setProjectRole(services: Services, node: NodeOf<'projectMember'>, fixed?: Role): Promise<boolean> {
  const t = await target(services, node.connectionId);
  const m = node.member;
  const who = m.email ?? m.name ?? m.userId;
  const role = fixed ?? (await services.ui.pick(roleItems(node.override, `NONE — no access to ${node.project.name}`), { title: `Role of ${who} in ${node.project.name}` }))?.role;
  if (!role || role === node.override) return false;
  const what = role === 'NONE' ? `remove ${who}'s access to ${node.project.name} (a project role NONE overrides their organization role ${node.orgRole})` : `make ${who} ${role} of ${node.project.name} (overriding their organization role ${node.orgRole})`;
  return guardedChange(services, t, { kind: 'project.setRole', projectId: node.project.id, projectName: node.project.name, userId: m.userId, to: role }, {
    projectIds: [node.project.id],
    confirm: `${what[0].toUpperCase()}${what.slice(1)}?`,
    confirmButton: role === 'NONE' ? 'Remove from Project' : 'Set Project Role',
    perform: async () => { await t.client.projectMemberships.upsert(node.project.id, m.userId, role); },
    audit: { action: 'projectRole.set', resource: { kind: 'projectMembership', id: m.userId, name: m.email ?? undefined, project: node.project.name }, details: { from: node.override ?? `inherited ${node.orgRole}`, to: role } },
  });
}

export async function resetProjectRole(services: Services, node: NodeOf<'projectMember'>): Promise<boolean> {
  if (node.override === undefined) {
    services.ui.notify(`${node.member.email ?? node.member.userId} has no project role in ${node.project.name}; they already inherit ${node.orgRole}.`);
    return false;
  }
  const t = await target(services, node.connectionId);
  const m = node.member;
  const who = m.email ?? m.name ?? m.userId;
  return guardedChange(services, t, { kind: 'project.clearRole', projectId: node.project.id, projectName: node.project.name, userId: m.userId }, {
    projectIds: [node.project.id],
    confirm: `Remove ${who}'s project role ${node.override} in ${node.project.name}? They will inherit their organization role ${node.orgRole}${node.orgRole === 'NONE' ? ' (no access)' : ''}.`,
    confirmButton: 'Use Organization Role',
    perform: () => t.client.projectMemberships.remove(node.project.id, m.userId),
    audit: { action: 'projectRole.clear', resource: { kind: 'projectMembership', id: m.userId, name: m.email ?? undefined, project: node.project.name }, details: { from: node.override, to: `inherited ${node.orgRole}` } },
  });
}
