// Which of a row's actions the acting identity may take, as tokens appended to the row's context
// value (`project+createKey`): package.json's menus show an action only when its token is there, so
// the Access view never offers what the session would refuse. The guards still decide every action
// again, live, when it runs.
import type { Permissions } from '../session/permissions';
import type { AccessNode } from './accessNodes';

/** The tokens, as the menus' `when` clauses spell them (`viewItem =~ /\+createKey\b/`). */
export const ActionTokens = {
  addMember: 'addMember',
  changeRole: 'changeRole',
  removeMember: 'removeMember',
  setProjectRole: 'setRole',
  createKey: 'createKey',
  revokeKey: 'revokeKey',
  rotateKey: 'rotateKey',
} as const;
export type ActionToken = (typeof ActionTokens)[keyof typeof ActionTokens];

/** The tokens of a row; none when the permissions are not known (a project key, a failed load). */
export function allowedActions(node: AccessNode, permissions: Permissions | undefined): ActionToken[] {
  if (!permissions) return [];
  const org = permissions.organization;
  const project = 'project' in node ? permissions.projects[node.project.id] : undefined;
  const tokens: ActionToken[] = [];
  const add = (token: ActionToken, allowed: boolean | undefined) => { if (allowed) tokens.push(token); };
  switch (node.kind) {
    case 'organization':
    case 'orgMembers':
      add(ActionTokens.addMember, org.addMember.allowed);
      break;
    case 'orgMember': {
      const member = org.members[node.member.userId];
      add(ActionTokens.changeRole, member?.changeRole.allowed);
      add(ActionTokens.removeMember, member?.remove.allowed);
      break;
    }
    case 'project':
    case 'projectKeys':
      if (node.kind === 'project' && node.readOnly) break;
      add(ActionTokens.createKey, project?.createKey.allowed);
      break;
    case 'projectMember':
      add(ActionTokens.setProjectRole, project?.setRole.allowed);
      break;
    case 'projectKey':
      add(ActionTokens.revokeKey, project?.revokeKey.allowed);
      add(ActionTokens.rotateKey, project?.rotateKey.allowed);
      break;
    default:
      break;
  }
  return tokens;
}

/** The context value with its tokens: `apiKey:overdue+revokeKey+rotateKey`. */
export function withActions(contextValue: string, tokens: readonly ActionToken[]): string {
  return tokens.length ? `${contextValue}+${tokens.join('+')}` : contextValue;
}
