import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { get, isSet } from './checkContext';

const ORG_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'NONE'];
const PROJECT_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
const APPLIES = 'It is applied only when a user is created (email signup or first SSO login) or links a new SSO account, never to invited users or members added through the UI, API or SCIM, and it never changes an existing role.';

/** LANGFUSE_DEFAULT_ORG_ROLE / LANGFUSE_DEFAULT_PROJECT_ROLE: what they really do (docs/langfuse-behaviour.md §5.3, §6b). */
export function checkDefaultRoles(target: DeploymentTarget, out: CheckCollector): void {
  const orgIds = get(target, 'LANGFUSE_DEFAULT_ORG_ID');
  const orgRole = get(target, 'LANGFUSE_DEFAULT_ORG_ROLE');
  const projectIds = get(target, 'LANGFUSE_DEFAULT_PROJECT_ID');
  const projectRole = get(target, 'LANGFUSE_DEFAULT_PROJECT_ROLE');
  // rbac-project-roles comes only with self-hosted:enterprise, i.e. a `langfuse_ee_` licence (docs/langfuse-behaviour.md §2.0);
  // a licence read from a secret reference cannot be checked, so it is given the benefit of the doubt.
  const licence = get(target, 'LANGFUSE_EE_LICENSE_KEY');
  const licensed = isSet(licence) && (licence!.value === undefined || licence!.value.trim().startsWith('langfuse_ee_'));
  let problem = false;

  if (orgRole?.value !== undefined) {
    const v = orgRole.value.trim();
    if (!ORG_ROLES.includes(v)) {
      problem = true;
      out.finding(orgRole.file, orgRole.valueRange, 'default-role-invalid', `LANGFUSE_DEFAULT_ORG_ROLE must be one of ${ORG_ROLES.join(', ')} (case-sensitive); "${v}" is refused at startup.`);
    } else if (v === 'OWNER' || v === 'ADMIN') {
      problem = true;
      out.finding(orgRole.file, orgRole.valueRange, 'default-org-role-privileged',
        `LANGFUSE_DEFAULT_ORG_ROLE=${v} makes every new user ${v} of the organizations in LANGFUSE_DEFAULT_ORG_ID — able to manage members and API keys. ${APPLIES} Use VIEWER (the default) or NONE and grant more per person.`,
        orgRole.literal ? [{ kind: 'replaceText', title: 'Use VIEWER', file: orgRole.file, range: orgRole.valueRange, newText: 'VIEWER' }] : []);
    } else if (!isSet(orgIds)) {
      out.finding(orgRole.file, orgRole.keyRange, 'default-role-no-effect', `LANGFUSE_DEFAULT_ORG_ROLE has no effect without LANGFUSE_DEFAULT_ORG_ID (the organizations new users join).`);
    }
  }

  if (projectRole?.value !== undefined) {
    const v = projectRole.value.trim();
    if (!PROJECT_ROLES.includes(v)) {
      problem = true;
      out.finding(projectRole.file, projectRole.valueRange, 'default-role-invalid',
        `LANGFUSE_DEFAULT_PROJECT_ROLE must be one of ${PROJECT_ROLES.join(', ')} (case-sensitive)${v === 'NONE' ? '; NONE is rejected at startup' : `; "${v}" is refused at startup`}. To give new users no project access, leave LANGFUSE_DEFAULT_PROJECT_ID unset instead.`,
        projectRole.literal ? [{ kind: 'replaceText', title: 'Use VIEWER', file: projectRole.file, range: projectRole.valueRange, newText: 'VIEWER' }] : []);
    } else if (!isSet(projectIds)) {
      out.finding(projectRole.file, projectRole.keyRange, 'default-role-no-effect',
        `LANGFUSE_DEFAULT_PROJECT_ROLE${v === 'VIEWER' ? '=VIEWER is already the built-in default, and it' : ''} does nothing without LANGFUSE_DEFAULT_PROJECT_ID: it is not "the role of new project members". ${APPLIES} People you invite get the role chosen in the invitation.`);
    } else if (v === 'OWNER' || v === 'ADMIN') {
      problem = true;
      out.finding(projectRole.file, projectRole.valueRange, 'default-project-role-privileged',
        `LANGFUSE_DEFAULT_PROJECT_ROLE=${v} makes every new user ${v} of the projects in LANGFUSE_DEFAULT_PROJECT_ID (manage members and API keys). ${APPLIES} Use VIEWER.`,
        projectRole.literal ? [{ kind: 'replaceText', title: 'Use VIEWER', file: projectRole.file, range: projectRole.valueRange, newText: 'VIEWER' }] : []);
    }
  }
  if (isSet(projectIds) && !licensed) {
    problem = true;
    out.finding(projectIds!.file, projectIds!.keyRange, 'default-project-role-org-wide',
      `LANGFUSE_DEFAULT_PROJECT_ID is set without an Enterprise licence (LANGFUSE_EE_LICENSE_KEY=langfuse_ee_…; a langfuse_pro_ licence is not enough): project-level roles need the rbac-project-roles entitlement, so for a project whose organization is not in LANGFUSE_DEFAULT_ORG_ID Langfuse gives new users an organization membership with LANGFUSE_DEFAULT_PROJECT_ROLE (${projectRole?.value ?? 'VIEWER'}) — access to every project of that organization, not just the listed ones.`);
  }
  if (!problem) {
    const s = projectRole ?? orgRole ?? orgIds ?? projectIds;
    out.pass('default-roles', s?.file ?? target.file, s?.keyRange.start.line ?? target.anchor.start.line,
      s ? `${s.name}=${s.value ?? '(from the environment)'}; auto-provisioned users get least privilege` : 'no automatic org/project membership for new users');
  }
}
