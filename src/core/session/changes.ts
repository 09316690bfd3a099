// For each action: the guard question, the confirmation naming what changes, the request that
// performs it and the audit entry — written once for both edges.
import type { AuditEvent } from '../audit/entry';
import type { AccessAction, MemberInfo } from '../guards/accessGuards';
import type { LangfuseClient } from '../langfuse/index';
import type { Role } from '../langfuse/roles';
import type { ApiKeySummary, CreatedApiKey, SavedProject } from '../langfuse/schemas';
import { shortPublicKey } from '../log/redact';
import type { SessionAction } from './actions';
import type { Confirmation } from './port';

/** What the session knows about the organization when it plans an action (read live, just before). */
export interface LiveFacts {
  members: MemberInfo[];
  project?: { id: string; name: string; overrides: { userId: string; role: Role }[]; apiKeys: ApiKeySummary[] };
}

export interface PlannedChange {
  guard: AccessAction;
  confirmation: Confirmation;
  /** The short confirmation once it is done, naming what changed (and the created key, if any). */
  done(created?: CreatedApiKey): string;
  audit: Omit<AuditEvent, 'outcome'>;
  perform(client: LangfuseClient): Promise<CreatedApiKey | SavedProject | void>;
}

/** Thrown when an action names a member, project or key the live organization does not have. */
export class StaleTargetError extends Error {
  override readonly name = 'StaleTargetError';
}

export function planChange(action: SessionAction, facts: LiveFacts): PlannedChange {
  switch (action.kind) {
    case 'member.add': return {
      guard: { kind: 'org.addMember', email: action.email, role: action.role },
      confirmation: { id: 'change', message: `Add ${action.email} to the organization as ${action.role}?`, button: 'Add Member' },
      done: () => `Added ${action.email} to the organization as ${action.role}.`,
      audit: { action: 'member.add', resource: { kind: 'member', name: action.email }, details: { role: action.role, via: 'scim' } },
      perform: async client => { await client.scimUsers.create({ userName: action.email, roles: [action.role] }); },
    };
    case 'member.changeRole': {
      const m = member(facts, action.userId);
      return {
        guard: { kind: 'org.changeRole', userId: m.userId, to: action.to },
        confirmation: { id: 'change', message: `Change ${who(m)}'s organization role from ${m.role} to ${action.to}? Their effective role changes in every project without a project role of its own.`, button: 'Change Role' },
        done: () => `${who(m)} is now ${action.to} in the organization (was ${m.role}).`,
        audit: { action: 'member.changeRole', resource: memberResource(m), details: { from: m.role, to: action.to } },
        perform: async client => { await client.organizationMemberships.upsert(m.userId, action.to); },
      };
    }
    case 'member.remove': {
      const m = member(facts, action.userId);
      return {
        guard: { kind: 'org.removeMember', userId: m.userId },
        confirmation: { id: 'change', message: `Remove ${who(m)} from the organization? They lose access to every project, and their project roles are deleted too. Their user account stays.`, button: 'Remove from Organization' },
        done: () => `Removed ${who(m)} from the organization (was ${m.role}).`,
        audit: { action: 'member.remove', resource: memberResource(m), details: { role: m.role } },
        perform: client => client.organizationMemberships.remove(m.userId),
      };
    }
    case 'projectRole.set': {
      const m = member(facts, action.userId);
      const p = project(facts);
      const override = p.overrides.find(o => o.userId === m.userId)?.role;
      const what = action.to === 'NONE'
        ? `Remove ${who(m)}'s access to ${p.name} (a project role NONE overrides their organization role ${m.role})?`
        : `Make ${who(m)} ${action.to} of ${p.name} (overriding their organization role ${m.role})?`;
      return {
        guard: { kind: 'project.setRole', projectId: p.id, projectName: p.name, userId: m.userId, to: action.to },
        confirmation: { id: 'change', message: what, button: action.to === 'NONE' ? 'Remove from Project' : 'Set Project Role' },
        done: () => action.to === 'NONE' ? `${who(m)} no longer has access to ${p.name} (project role NONE).` : `${who(m)} is now ${action.to} of ${p.name} (project role; was ${override ?? `inherited ${m.role}`}).`,
        audit: { action: 'projectRole.set', resource: { ...memberResource(m), kind: 'projectMembership', project: p.name }, details: { from: override ?? `inherited ${m.role}`, to: action.to } },
        perform: async client => { await client.projectMemberships.upsert(p.id, m.userId, action.to); },
      };
    }
    case 'projectRole.clear': {
      const m = member(facts, action.userId);
      const p = project(facts);
      const override = p.overrides.find(o => o.userId === m.userId)?.role;
      if (override === undefined) throw new StaleTargetError(`${who(m)} has no project role in ${p.name}; they already inherit ${m.role}.`);
      return {
        guard: { kind: 'project.clearRole', projectId: p.id, projectName: p.name, userId: m.userId },
        confirmation: { id: 'change', message: `Remove ${who(m)}'s project role ${override} in ${p.name}? They will inherit their organization role ${m.role}${m.role === 'NONE' ? ' (no access)' : ''}.`, button: 'Use Organization Role' },
        done: () => `${who(m)} now inherits ${m.role} in ${p.name} (project role ${override} removed).`,
        audit: { action: 'projectRole.clear', resource: { ...memberResource(m), kind: 'projectMembership', project: p.name }, details: { from: override, to: `inherited ${m.role}` } },
        perform: client => client.projectMemberships.remove(p.id, m.userId),
      };
    }
    case 'apiKey.create': {
      const p = project(facts);
      return {
        guard: { kind: 'apiKey.create', projectId: p.id, projectName: p.name },
        confirmation: { id: 'change', message: `Create a new API key "${action.note}" in ${p.name}?`, button: 'Create Key' },
        done: created => `Created the API key ${created ? shortPublicKey(created.publicKey) : ''} "${action.note}" in ${p.name}.`,
        audit: { action: 'apiKey.create', resource: { kind: 'apiKey', project: p.name }, details: { note: action.note } },
        perform: client => client.projectApiKeys.create(p.id, { note: action.note }),
      };
    }
    case 'project.create': return {
      guard: { kind: 'project.create', projectName: action.name },
      confirmation: { id: 'change', message: `Create the project ${action.name} in the organization?`, button: 'Create Project' },
      audit: { action: 'project.create', resource: { kind: 'project', name: action.name }, details: {} },
      perform: client => client.projects.create({ name: action.name }),
      done: () => `Created the project ${action.name}.`,
    };
    case 'project.delete': {
      const p = project(facts);
      return {
        guard: { kind: 'project.delete', projectId: p.id, projectName: p.name },
        confirmation: { id: 'change', message: `Delete the project ${p.name}? Its ${p.apiKeys.length} API key(s) stop working at once and its data is removed. This cannot be undone.`, button: `Delete ${p.name}` },
        audit: { action: 'project.delete', resource: { kind: 'project', id: p.id, name: p.name }, details: { apiKeys: p.apiKeys.length } },
        perform: client => client.projects.delete(p.id),
        done: () => `Deleted the project ${p.name} and its ${p.apiKeys.length} API key(s).`,
      };
    }
    case 'apiKey.revoke': {
      const p = project(facts);
      const key = p.apiKeys.find(k => k.id === action.keyId);
      if (!key) throw new StaleTargetError(`${p.name} has no API key with id ${action.keyId} any more (revoked meanwhile?). Refresh and try again.`);
      const confirmation: Confirmation = action.discarded
        ? { id: 'discard-secret', message: `Discard the secret of ${shortPublicKey(key.publicKey)}? It cannot be shown again, so the key would be unusable.`, button: 'Discard and Revoke the Key', cancel: 'Go Back to the Secret' }
        : { id: 'change', message: `Revoke the API key ${key.publicKey} ("${key.note ?? 'no note'}") of ${p.name}? Every service using it stops authenticating at once. This cannot be undone.`, button: `Revoke Key of ${p.name}` };
      return {
        guard: { kind: 'apiKey.revoke', projectId: p.id, projectName: p.name },
        confirmation,
        done: () => action.discarded
          ? `Discarded the secret and revoked ${shortPublicKey(key.publicKey)} in ${p.name}.`
          : `Revoked the API key ${shortPublicKey(key.publicKey)} ("${key.note ?? 'no note'}") of ${p.name}: it stops working at once.`,
        audit: {
          action: 'apiKey.revoke', resource: { kind: 'apiKey', id: key.id, name: key.publicKey, project: p.name },
          details: action.discarded ? { reason: 'secret discarded at creation' } : { note: key.note, createdAt: key.createdAt },
        },
        perform: client => client.projectApiKeys.delete(p.id, key.id),
      };
    }
  }
}

function member(facts: LiveFacts, userId: string): MemberInfo {
  const m = facts.members.find(x => x.userId === userId);
  if (!m) throw new StaleTargetError(`The member ${userId} is no longer in this organization. Refresh and try again.`);
  return m;
}

function project(facts: LiveFacts): NonNullable<LiveFacts['project']> {
  if (!facts.project) throw new StaleTargetError('The project is no longer in this organization. Refresh and try again.');
  return facts.project;
}

function who(m: MemberInfo): string {
  return m.email ?? m.name ?? m.userId;
}

function memberResource(m: MemberInfo): AuditEvent['resource'] {
  return { kind: 'member', id: m.userId, name: m.email ?? undefined };
}
