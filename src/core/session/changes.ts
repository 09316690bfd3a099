// For each action: the guard question, the confirmation naming what changes, the request that
// performs it and the audit entry — written once for both edges.
import type { AuditEvent } from '../audit/entry';
import type { AccessAction, MemberInfo } from '../guards/accessGuards';
import type { LangfuseClient } from '../langfuse/index';
import type { Role } from '../langfuse/roles';
import type { ApiKeySummary, CreatedApiKey, SavedProject } from '../langfuse/schemas';
import { l10n } from '../l10n/l10n';
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
      confirmation: { id: 'change', message: l10n.t('Add {0} to the organization as {1}?', action.email, action.role), button: l10n.t('Add Member') },
      done: () => l10n.t('Added {0} to the organization as {1}.', action.email, action.role),
      audit: { action: 'member.add', resource: { kind: 'member', name: action.email }, details: { role: action.role, via: 'scim' } },
      perform: async client => { await client.scimUsers.create({ userName: action.email, roles: [action.role] }); },
    };
    case 'member.changeRole': {
      const m = member(facts, action.userId);
      return {
        guard: { kind: 'org.changeRole', userId: m.userId, to: action.to },
        confirmation: { id: 'change', message: l10n.t('Change {0}\'s organization role from {1} to {2}? Their effective role changes in every project without a project role of its own.', who(m), m.role, action.to), button: l10n.t('Change Role') },
        done: () => l10n.t('{0} is now {1} in the organization (was {2}).', who(m), action.to, m.role),
        audit: { action: 'member.changeRole', resource: memberResource(m), details: { from: m.role, to: action.to } },
        perform: async client => { await client.organizationMemberships.upsert(m.userId, action.to); },
      };
    }
    case 'member.remove': {
      const m = member(facts, action.userId);
      return {
        guard: { kind: 'org.removeMember', userId: m.userId },
        confirmation: { id: 'change', message: l10n.t('Remove {0} from the organization? They lose access to every project, and their project roles are deleted too. Their user account stays.', who(m)), button: l10n.t('Remove from Organization') },
        done: () => l10n.t('Removed {0} from the organization (was {1}).', who(m), m.role),
        audit: { action: 'member.remove', resource: memberResource(m), details: { role: m.role } },
        perform: client => client.organizationMemberships.remove(m.userId),
      };
    }
    case 'projectRole.set': {
      const m = member(facts, action.userId);
      const p = project(facts);
      const override = p.overrides.find(o => o.userId === m.userId)?.role;
      const what = action.to === 'NONE'
        ? l10n.t('Remove {0}\'s access to {1} (a project role NONE overrides their organization role {2})?', who(m), p.name, m.role)
        : l10n.t('Make {0} {1} of {2} (overriding their organization role {3})?', who(m), action.to, p.name, m.role);
      return {
        guard: { kind: 'project.setRole', projectId: p.id, projectName: p.name, userId: m.userId, to: action.to },
        confirmation: { id: 'change', message: what, button: action.to === 'NONE' ? l10n.t('Remove from Project') : l10n.t('Set Project Role') },
        done: () => action.to === 'NONE' ? l10n.t('{0} no longer has access to {1} (project role NONE).', who(m), p.name)
          : override === undefined ? l10n.t('{0} is now {1} of {2} (project role; was inherited {3}).', who(m), action.to, p.name, m.role)
          : l10n.t('{0} is now {1} of {2} (project role; was {3}).', who(m), action.to, p.name, override),
        audit: { action: 'projectRole.set', resource: { ...memberResource(m), kind: 'projectMembership', project: p.name }, details: { from: override ?? `inherited ${m.role}`, to: action.to } },
        perform: async client => { await client.projectMemberships.upsert(p.id, m.userId, action.to); },
      };
    }
    case 'projectRole.clear': {
      const m = member(facts, action.userId);
      const p = project(facts);
      const override = p.overrides.find(o => o.userId === m.userId)?.role;
      if (override === undefined) throw new StaleTargetError(l10n.t('{0} has no project role in {1}; they already inherit {2}.', who(m), p.name, m.role));
      return {
        guard: { kind: 'project.clearRole', projectId: p.id, projectName: p.name, userId: m.userId },
        confirmation: {
          id: 'change', button: l10n.t('Use Organization Role'),
          message: m.role === 'NONE'
            ? l10n.t('Remove {0}\'s project role {1} in {2}? They will inherit their organization role NONE (no access).', who(m), override, p.name)
            : l10n.t('Remove {0}\'s project role {1} in {2}? They will inherit their organization role {3}.', who(m), override, p.name, m.role),
        },
        done: () => l10n.t('{0} now inherits {1} in {2} (project role {3} removed).', who(m), m.role, p.name, override),
        audit: { action: 'projectRole.clear', resource: { ...memberResource(m), kind: 'projectMembership', project: p.name }, details: { from: override, to: `inherited ${m.role}` } },
        perform: client => client.projectMemberships.remove(p.id, m.userId),
      };
    }
    case 'apiKey.create': {
      const p = project(facts);
      return {
        guard: { kind: 'apiKey.create', projectId: p.id, projectName: p.name },
        confirmation: { id: 'change', message: l10n.t('Create a new API key "{0}" in {1}?', action.note, p.name), button: l10n.t('Create Key') },
        done: created => created
          ? l10n.t('Created the API key {0} "{1}" in {2}.', shortPublicKey(created.publicKey), action.note, p.name)
          : l10n.t('Created the API key "{0}" in {1}.', action.note, p.name),
        audit: { action: 'apiKey.create', resource: { kind: 'apiKey', project: p.name }, details: { note: action.note } },
        perform: client => client.projectApiKeys.create(p.id, { note: action.note }),
      };
    }
    case 'project.create': return {
      guard: { kind: 'project.create', projectName: action.name },
      confirmation: { id: 'change', message: l10n.t('Create the project {0} in the organization?', action.name), button: l10n.t('Create Project') },
      audit: { action: 'project.create', resource: { kind: 'project', name: action.name }, details: {} },
      perform: client => client.projects.create({ name: action.name }),
      done: () => l10n.t('Created the project {0}.', action.name),
    };
    case 'project.delete': {
      const p = project(facts);
      return {
        guard: { kind: 'project.delete', projectId: p.id, projectName: p.name },
        confirmation: { id: 'change', message: l10n.t('Delete the project {0}? Its {1} API key(s) stop working at once and its data is removed. This cannot be undone.', p.name, p.apiKeys.length), button: l10n.t('Delete {0}', p.name) },
        audit: { action: 'project.delete', resource: { kind: 'project', id: p.id, name: p.name }, details: { apiKeys: p.apiKeys.length } },
        perform: client => client.projects.delete(p.id),
        done: () => l10n.t('Deleted the project {0} and its {1} API key(s).', p.name, p.apiKeys.length),
      };
    }
    case 'apiKey.revoke': {
      const p = project(facts);
      const key = p.apiKeys.find(k => k.id === action.keyId);
      if (!key) throw new StaleTargetError(l10n.t('{0} has no API key with id {1} any more (revoked meanwhile?). Refresh and try again.', p.name, action.keyId));
      const confirmation: Confirmation = action.discarded
        ? { id: 'discard-secret', message: l10n.t('Discard the secret of {0}? It cannot be shown again, so the key would be unusable.', shortPublicKey(key.publicKey)), button: l10n.t('Discard and Revoke the Key'), cancel: l10n.t('Go Back to the Secret') }
        : {
          id: 'change', button: l10n.t('Revoke Key of {0}', p.name),
          message: key.note === null
            ? l10n.t('Revoke the API key {0} ("no note") of {1}? Every service using it stops authenticating at once. This cannot be undone.', key.publicKey, p.name)
            : l10n.t('Revoke the API key {0} ("{1}") of {2}? Every service using it stops authenticating at once. This cannot be undone.', key.publicKey, key.note, p.name),
        };
      return {
        guard: { kind: 'apiKey.revoke', projectId: p.id, projectName: p.name },
        confirmation,
        done: () => action.discarded
          ? l10n.t('Discarded the secret and revoked {0} in {1}.', shortPublicKey(key.publicKey), p.name)
          : key.note === null
            ? l10n.t('Revoked the API key {0} ("no note") of {1}: it stops working at once.', shortPublicKey(key.publicKey), p.name)
            : l10n.t('Revoked the API key {0} ("{1}") of {2}: it stops working at once.', shortPublicKey(key.publicKey), key.note, p.name),
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
  if (!m) throw new StaleTargetError(l10n.t('The member {0} is no longer in this organization. Refresh and try again.', userId));
  return m;
}

function project(facts: LiveFacts): NonNullable<LiveFacts['project']> {
  if (!facts.project) throw new StaleTargetError(l10n.t('The project is no longer in this organization. Refresh and try again.'));
  return facts.project;
}

function who(m: MemberInfo): string {
  return m.email ?? m.name ?? m.userId;
}

function memberResource(m: MemberInfo): AuditEvent['resource'] {
  return { kind: 'member', id: m.userId, name: m.email ?? undefined };
}
