// The guards' refusals and confirmations in words: one whole translatable sentence per case, names,
// roles and scopes as {n} arguments (a translator never receives a fragment to splice).
import { l10n } from '../l10n/l10n';
import type { Role } from '../langfuse/roles';
import type { AccessAction, MemberInfo } from './accessGuards';

export function memberLabel(m: MemberInfo): string {
  return m.email ?? m.name ?? m.userId;
}

export function lastOwnerRefusal(target: MemberInfo | undefined): string {
  return target
    ? l10n.t('{0} is the organization\'s last OWNER. Make another member OWNER first; an organization without an OWNER cannot manage billing, organization keys or its own deletion.', memberLabel(target))
    : l10n.t('This member is the organization\'s last OWNER. Make another member OWNER first; an organization without an OWNER cannot manage billing, organization keys or its own deletion.');
}

export function noIdentityRefusal(): string {
  return l10n.t('No acting identity is set, so your own Langfuse role cannot be checked. Set "langfuseAccess.actingAs" (CLI: LANGFUSE_ACCESS_ACTING_AS) to the email you use in Langfuse, or configure git user.email.');
}

export function notMemberRefusal(actingAs: string): string {
  return l10n.t('{0} is not a member of this organization, so Langfuse\'s UI would let them change nothing here. Set "langfuseAccess.actingAs" (CLI: LANGFUSE_ACCESS_ACTING_AS) to your Langfuse email, or ask an owner.', actingAs);
}

/** Who holds a scope, in words: "OWNER or ADMIN", "OWNER or ADMIN of the project", "OWNER of the project". */
export function scopeHolders(action: AccessAction): string {
  switch (action.kind) {
    case 'org.addMember': case 'org.changeRole': case 'org.removeMember': case 'project.create':
      return l10n.t('OWNER or ADMIN');
    case 'project.delete':
      return l10n.t('OWNER of the project');
    default:
      return l10n.t('OWNER or ADMIN of the project');
  }
}

/** "Permission denied: insufficient role. a@b is VIEWER in staging; creating an API key in staging needs apiKeys:CUD (…)." */
export function insufficientRoleRefusal(action: AccessAction, actingAs: string, actorRole: Role, scope: string): string {
  const holders = scopeHolders(action);
  switch (action.kind) {
    case 'org.addMember': return l10n.t('Permission denied: insufficient role. {0} is {1} in the organization; adding a member needs {2} ({3}).', actingAs, actorRole, scope, holders);
    case 'org.changeRole': return l10n.t('Permission denied: insufficient role. {0} is {1} in the organization; changing an organization role needs {2} ({3}).', actingAs, actorRole, scope, holders);
    case 'org.removeMember': return l10n.t('Permission denied: insufficient role. {0} is {1} in the organization; removing a member needs {2} ({3}).', actingAs, actorRole, scope, holders);
    case 'project.create': return l10n.t('Permission denied: insufficient role. {0} is {1} in the organization; creating the project {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'project.setRole': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; setting a project role in {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'project.clearRole': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; resetting a project role in {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'apiKey.create': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; creating an API key in {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'apiKey.revoke': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; revoking an API key in {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'apiKey.rotate': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; rotating an API key of {2} (it creates a key there) needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
    case 'project.delete': return l10n.t('Permission denied: insufficient role. {0} is {1} in {2}; deleting the project {2} needs {3} ({4}).', actingAs, actorRole, action.projectName, scope, holders);
  }
}

export function grantAboveOwnRefusal(actingAs: string, actorRole: Role, granted: Role): string {
  return l10n.t('Permission denied: {0} is {1} and cannot grant {2}, a higher role than their own.', actingAs, actorRole, granted);
}

export function targetAboveOwnRefusal(target: MemberInfo, actingAs: string, actorRole: Role): string {
  return l10n.t('Permission denied: {0} is {1}, a higher role than {2}\'s {3}.', memberLabel(target), target.role, actingAs, actorRole);
}

/** A refusal with the people who could do it instead. */
export function withAskWhom(reason: string, askWhom: readonly string[]): string {
  return askWhom.length ? l10n.t('{0} → ask: {1}', reason, askWhom.join(', ')) : reason;
}

/** The second confirmation of an OWNER or ADMIN grant. */
export function elevatedGrantConfirmation(who: string, granted: 'OWNER' | 'ADMIN', projectName: string | undefined): string {
  if (granted === 'OWNER') {
    return projectName === undefined
      ? l10n.t('{0} will become OWNER of the organization. OWNERs can delete the organization, manage billing and organization API keys.', who)
      : l10n.t('{0} will become OWNER of {1}. OWNERs can delete the organization, manage billing and organization API keys.', who, projectName);
  }
  return projectName === undefined
    ? l10n.t('{0} will become ADMIN of the organization. ADMINs can manage members, API keys and integrations.', who)
    : l10n.t('{0} will become ADMIN of {1}. ADMINs can manage members, API keys and integrations.', who, projectName);
}
