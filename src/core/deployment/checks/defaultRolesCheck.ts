import type { DeploymentTarget, Setting } from '../types';
import type { CheckCollector } from './checkContext';
import { get, isSet } from './checkContext';
import { replaceFix } from './fixes';

const ORG_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'NONE'];
const PROJECT_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
const PRIVILEGED = ['OWNER', 'ADMIN'];
const APPLIES = 'It is applied only when a user is created (email signup or first SSO login) or links a new SSO account, never to invited users or members added through the UI, API or SCIM, and it never changes an existing role.';

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
  const role = s.value ?? (s.role ? 'the role set at deploy time' : 'VIEWER (the default)');
  return `the ${s.what === 'organization' ? 'organizations' : 'projects'} in ${s.idsName} (${s.ids!.value ?? 'set at deploy time'}) as ${role}`;
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
    const useViewer = r.literal ? [replaceFix('Use VIEWER', r.file, r.valueRange, 'VIEWER')] : [];
    if (!s.roles.includes(s.value)) {
      problem = true;
      out.finding(r.file, r.valueRange, 'default-role-invalid', s.what === 'organization'
        ? `LANGFUSE_DEFAULT_ORG_ROLE must be one of ${ORG_ROLES.join(', ')} (case-sensitive); "${s.value}" is refused at startup.`
        : `LANGFUSE_DEFAULT_PROJECT_ROLE must be one of ${PROJECT_ROLES.join(', ')} (case-sensitive)${s.value === 'NONE' ? '; NONE is rejected at startup' : `; "${s.value}" is refused at startup`}. To give new users no project access, leave LANGFUSE_DEFAULT_PROJECT_ID unset instead.`,
      s.what === 'project' ? useViewer : []);
    } else if (!isSet(s.ids)) {
      // Without the ids the role gives nobody anything — but it is a trap for whoever adds the ids later.
      noEffect.push(`${r.name}=${s.value}`);
      const privileged = PRIVILEGED.includes(s.value);
      out.finding(r.file, r.keyRange, 'default-role-no-effect',
        `${r.name}${s.value === 'VIEWER' ? '=VIEWER is already the built-in default, and it' : `=${s.value}`} does nothing without ${s.idsName}: it is not "the role of new ${s.what} members". ${APPLIES}${s.what === 'project' ? ' People you invite get the role chosen in the invitation.' : ''}${privileged ? ` As soon as ${s.idsName} is set, every new user becomes ${s.value} (able to manage members and API keys): set VIEWER now.` : ''}`,
        privileged ? useViewer : []);
    } else if (PRIVILEGED.includes(s.value)) {
      problem = true;
      out.finding(r.file, r.valueRange, s.what === 'organization' ? 'default-org-role-privileged' : 'default-project-role-privileged', s.what === 'organization'
        ? `LANGFUSE_DEFAULT_ORG_ROLE=${s.value} makes every new user ${s.value} of the organizations in LANGFUSE_DEFAULT_ORG_ID — able to manage members and API keys. ${APPLIES} Use VIEWER (the default) or NONE and grant more per person.`
        : `LANGFUSE_DEFAULT_PROJECT_ROLE=${s.value} makes every new user ${s.value} of the projects in LANGFUSE_DEFAULT_PROJECT_ID (manage members and API keys). ${APPLIES} Use VIEWER.`,
      useViewer);
    }
  }
  if (isSet(project.ids) && !licensed) {
    problem = true;
    out.finding(project.ids!.file, project.ids!.keyRange, 'default-project-role-org-wide',
      `LANGFUSE_DEFAULT_PROJECT_ID is set without an Enterprise licence (LANGFUSE_EE_LICENSE_KEY=langfuse_ee_…; a langfuse_pro_ licence is not enough): project-level roles need the rbac-project-roles entitlement, so for a project whose organization is not in LANGFUSE_DEFAULT_ORG_ID Langfuse gives new users an organization membership with LANGFUSE_DEFAULT_PROJECT_ROLE (${project.value ?? 'VIEWER'}) — access to every project of that organization, not just the listed ones.`);
  }
  if (problem) return;
  // The evidence says what new users really get, so it can never read "least privilege" next to ADMIN.
  const effects = [effect(org), effect(project)].filter((e): e is string => !!e);
  const unused = noEffect.length ? ` (${noEffect.join(', ')} without effect)` : '';
  const at = project.role ?? org.role ?? org.ids ?? project.ids;
  out.pass('default-roles', at?.file ?? target.file, at?.keyRange.start.line ?? target.anchor.start.line, effects.length
    ? `new users join ${effects.join(' and ')}${unused}`
    : `no LANGFUSE_DEFAULT_ORG_ID or LANGFUSE_DEFAULT_PROJECT_ID: new users join no organization or project automatically${unused}`);
}
