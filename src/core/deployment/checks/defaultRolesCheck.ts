import type { DeploymentTarget, Setting } from '../types';
import type { CheckCollector } from './checkContext';
import { get, isSet } from './checkContext';
import { replaceFix } from './fixes';
import { l10n } from '../../l10n/l10n';

const ORG_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'NONE'];
const PROJECT_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
const PRIVILEGED = ['OWNER', 'ADMIN'];
const applies = (): string => l10n.t('It is applied only when a user is created (email signup or first SSO login) or links a new SSO account, never to invited users or members added through the UI, API or SCIM, and it never changes an existing role.');

interface Scope {
  what: 'organization' | 'project';
  ids: Setting | undefined;
  role: Setting | undefined;
  roles: string[];
  idsName: string;
  /** The role value when it is written in the files; undefined for "not set" and for values set at deploy time. */
  value: string | undefined;
}

function scope(target: DeploymentTarget, what: Scope['what']): Scope {
  const upper = what === 'organization' ? 'ORG' : 'PROJECT';
  const role = get(target, `LANGFUSE_DEFAULT_${upper}_ROLE`);
  return { what, ids: get(target, `LANGFUSE_DEFAULT_${upper}_ID`), role, roles: what === 'organization' ? ORG_ROLES : PROJECT_ROLES, idsName: `LANGFUSE_DEFAULT_${upper}_ID`, value: role?.value?.trim() };
}

/** What a new user gets from one scope, in words (the role defaults to VIEWER when unset). */
function effect(s: Scope): string | undefined {
  if (!isSet(s.ids)) return undefined;
  const role = s.value ?? (s.role ? l10n.t('the role set at deploy time') : l10n.t('VIEWER (the default)'));
  const ids = s.ids!.value ?? l10n.t('set at deploy time');
  return s.what === 'organization' ? l10n.t('the organizations in {0} ({1}) as {2}', s.idsName, ids, role) : l10n.t('the projects in {0} ({1}) as {2}', s.idsName, ids, role);
}

/** LANGFUSE_DEFAULT_ORG_ROLE / LANGFUSE_DEFAULT_PROJECT_ROLE: what they really do (docs/langfuse-behaviour.md §5.3, §6b). */
export function checkDefaultRoles(target: DeploymentTarget, out: CheckCollector): void {
  const org = scope(target, 'organization');
  const project = scope(target, 'project');
  // rbac-project-roles comes only with self-hosted:enterprise, i.e. a `langfuse_ee_` licence (docs/langfuse-behaviour.md §2.0);
  // a licence read from a secret reference cannot be checked, so it is given the benefit of the doubt.
  const licence = get(target, 'LANGFUSE_EE_LICENSE_KEY');
  const licensed = isSet(licence) && (licence!.value === undefined || licence!.value.trim().startsWith('langfuse_ee_'));
  const noEffect: string[] = [];
  let problem = false;

  for (const s of [org, project]) {
    if (s.value === undefined) continue;
    const r = s.role!;
    const useViewer = r.literal ? [replaceFix(l10n.t('Use VIEWER'), r.file, r.valueRange, 'VIEWER')] : [];
    if (!s.roles.includes(s.value)) {
      problem = true;
      out.finding(r.file, r.valueRange, 'default-role-invalid', invalidRole(s), s.what === 'project' ? useViewer : []);
    } else if (!isSet(s.ids)) {
      // Without the ids the role gives nobody anything — but it is a trap for whoever adds the ids later.
      noEffect.push(`${r.name}=${s.value}`);
      const privileged = PRIVILEGED.includes(s.value);
      out.finding(r.file, r.keyRange, 'default-role-no-effect', noEffectMessage(s, r.name, privileged), privileged ? useViewer : []);
    } else if (PRIVILEGED.includes(s.value)) {
      problem = true;
      out.finding(r.file, r.valueRange, s.what === 'organization' ? 'default-org-role-privileged' : 'default-project-role-privileged', s.what === 'organization'
        ? l10n.t('LANGFUSE_DEFAULT_ORG_ROLE={0} makes every new user {0} of the organizations in LANGFUSE_DEFAULT_ORG_ID — able to manage members and API keys. {1} Use VIEWER (the default) or NONE and grant more per person.', s.value, applies())
        : l10n.t('LANGFUSE_DEFAULT_PROJECT_ROLE={0} makes every new user {0} of the projects in LANGFUSE_DEFAULT_PROJECT_ID (manage members and API keys). {1} Use VIEWER.', s.value, applies()),
      useViewer);
    }
  }
  if (isSet(project.ids) && !licensed) {
    problem = true;
    out.finding(project.ids!.file, project.ids!.keyRange, 'default-project-role-org-wide',
      l10n.t('LANGFUSE_DEFAULT_PROJECT_ID is set without an Enterprise licence (LANGFUSE_EE_LICENSE_KEY=langfuse_ee_…; a langfuse_pro_ licence is not enough): project-level roles need the rbac-project-roles entitlement, so for a project whose organization is not in LANGFUSE_DEFAULT_ORG_ID Langfuse gives new users an organization membership with LANGFUSE_DEFAULT_PROJECT_ROLE ({0}) — access to every project of that organization, not just the listed ones.', project.value ?? 'VIEWER'));
  }
  if (problem) return;
  // The evidence says what new users really get, so it can never read "least privilege" next to ADMIN.
  const effects = [effect(org), effect(project)].filter((e): e is string => !!e);
  const unused = noEffect.length ? l10n.t(' ({0} without effect)', noEffect.join(', ')) : '';
  const at = project.role ?? org.role ?? org.ids ?? project.ids;
  out.pass('default-roles', at?.file ?? target.file, at?.keyRange.start.line ?? target.anchor.start.line, effects.length
    ? l10n.t('new users join {0}{1}', effects.join(l10n.t(' and ')), unused)
    : l10n.t('no LANGFUSE_DEFAULT_ORG_ID or LANGFUSE_DEFAULT_PROJECT_ID: new users join no organization or project automatically{0}', unused));
}

/** A role value Langfuse refuses at startup. */
function invalidRole(s: Scope): string {
  const roles = s.roles.join(', ');
  if (s.what === 'organization') return l10n.t('LANGFUSE_DEFAULT_ORG_ROLE must be one of {0} (case-sensitive); "{1}" is refused at startup.', roles, s.value!);
  return s.value === 'NONE'
    ? l10n.t('LANGFUSE_DEFAULT_PROJECT_ROLE must be one of {0} (case-sensitive); NONE is rejected at startup. To give new users no project access, leave LANGFUSE_DEFAULT_PROJECT_ID unset instead.', roles)
    : l10n.t('LANGFUSE_DEFAULT_PROJECT_ROLE must be one of {0} (case-sensitive); "{1}" is refused at startup. To give new users no project access, leave LANGFUSE_DEFAULT_PROJECT_ID unset instead.', roles, s.value!);
}

/** A role without the ids that make it apply: what it really does, sentence by sentence. */
function noEffectMessage(s: Scope, name: string, privileged: boolean): string {
  const org = s.what === 'organization';
  const head = s.value === 'VIEWER'
    ? org
      ? l10n.t('{0}=VIEWER is already the built-in default, and it does nothing without {1}: it is not "the role of new organization members".', name, s.idsName)
      : l10n.t('{0}=VIEWER is already the built-in default, and it does nothing without {1}: it is not "the role of new project members".', name, s.idsName)
    : org
      ? l10n.t('{0}={1} does nothing without {2}: it is not "the role of new organization members".', name, s.value!, s.idsName)
      : l10n.t('{0}={1} does nothing without {2}: it is not "the role of new project members".', name, s.value!, s.idsName);
  return [
    head,
    applies(),
    ...org ? [] : [l10n.t('People you invite get the role chosen in the invitation.')],
    ...privileged ? [l10n.t('As soon as {0} is set, every new user becomes {1} (able to manage members and API keys): set VIEWER now.', s.idsName, s.value!)] : [],
  ].join(' ');
}
