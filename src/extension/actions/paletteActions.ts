import type { PaletteAnswers, PaletteGoal } from '../../core/actions/index';
import type { NodeOf } from '../../core/org/accessNodes';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { createApiKey, revokeApiKey } from './keyActions';
import { askFromPalette } from './pickers';

// The Access view's actions run from the palette: every question in one multi-step input (./pickers.ts),
// then the same change as from the tree row, with the same confirmation, guard and audit entry.

async function asked<T>(services: Services, goal: PaletteGoal, act: (answers: PaletteAnswers) => Promise<T>, none: T): Promise<T> {
  const answers = await askFromPalette(services, goal);
  return answers ? act(answers) : none;
}

const core = () => loadChunk('core');

export const fromPalette = {
  addMember: (services: Services) => asked(services, 'addMember', a => core().addMemberAs(a.ctx, a.email!, a.role!), false),
  changeOrgRole: (services: Services) => asked(services, 'changeOrgRole', a => core().changeOrgRoleTo(a.ctx, a.member!, a.role), false),
  removeMember: (services: Services) => asked(services, 'removeMember', a => core().removeMemberFlow(a.ctx, a.member!), false),
  setProjectRole: (services: Services) => asked(services, 'setProjectRole', a => core().setProjectRoleTo(a.ctx, a.projectMember!, a.role), false),
  resetProjectRole: (services: Services) => asked(services, 'resetProjectRole', a => core().resetProjectRoleFlow(a.ctx, a.projectMember!), false),
  removeFromProject: (services: Services) => asked(services, 'removeFromProject', a => core().setProjectRoleFlow(a.ctx, a.projectMember!, 'NONE'), false),
  createApiKey: (services: Services) => asked(services, 'createApiKey', a => createApiKey(services, { connectionId: a.ctx.connectionId, project: a.project! }, { note: a.note }), undefined),
  revokeApiKey: (services: Services) => asked(services, 'revokeApiKey', a => revokeApiKey(services, a.key!), false),
  /** The row a command that only reads needs (the key to copy, the member to explain, the project to open). */
  projectKey: (services: Services) => asked(services, 'copyPublicKey', async a => a.key, undefined),
  orgMember: (services: Services) => asked(services, 'explainAccess', async (a): Promise<NodeOf<'orgMember'>> => ({ kind: 'orgMember', connectionId: a.ctx.connectionId, member: a.member! }), undefined),
  project: (services: Services) => asked(services, 'openLangfuseAuditLog', async (a): Promise<NodeOf<'project'>> => ({ kind: 'project', connectionId: a.ctx.connectionId, project: a.project! }), undefined),
};
