// When an Access view action runs from the palette instead of a tree row, it asks for the row it needs
// (connection → project → member or key) and then its own question (a role, a note) as ONE multi-step
// flow: the action's title, step n/N, Back to the previous question with the earlier choice kept,
// Escape abandoning everything before anything changed. The questions are data (core/flow/driver.ts);
// the edge renders them (VS Code's QuickInputs) and then performs the action with the answers.
import { l10n } from '../l10n/l10n';
import type { Role } from '../langfuse/roles';
import type { Membership } from '../langfuse/schemas';
import type { NodeOf } from '../org/accessNodes';
import type { ProjectNeed } from '../org/choices';
import type { Step } from '../flow/driver';
import { ASKERS, PaletteStop, type PaletteState } from './pickers';
import type { FlowContext } from './ui';

export type PaletteQuestion =
  | { ask: 'connection' } | { ask: 'project'; need?: ProjectNeed } | { ask: 'orgMember' } | { ask: 'projectMember' } | { ask: 'projectKey' }
  | { ask: 'orgRole' } | { ask: 'projectRole' } | { ask: 'keyNote' } | { ask: 'email' } | { ask: 'newMemberRole' };

export type PaletteGoal = 'addMember' | 'changeOrgRole' | 'removeMember' | 'explainAccess' | 'setProjectRole' | 'resetProjectRole'
  | 'removeFromProject' | 'createApiKey' | 'revokeApiKey' | 'copyPublicKey' | 'openLangfuseAuditLog';

/** What each action asks after the connection. A `need` lists projects by whether the identity may act there. */
const PLANS: Record<PaletteGoal, PaletteQuestion[]> = {
  addMember: [{ ask: 'email' }, { ask: 'newMemberRole' }],
  changeOrgRole: [{ ask: 'orgMember' }, { ask: 'orgRole' }],
  removeMember: [{ ask: 'orgMember' }],
  explainAccess: [{ ask: 'orgMember' }],
  setProjectRole: [{ ask: 'project', need: 'setRole' }, { ask: 'projectMember' }, { ask: 'projectRole' }],
  resetProjectRole: [{ ask: 'project', need: 'setRole' }, { ask: 'projectMember' }],
  removeFromProject: [{ ask: 'project', need: 'setRole' }, { ask: 'projectMember' }],
  createApiKey: [{ ask: 'project', need: 'createKey' }, { ask: 'keyNote' }],
  revokeApiKey: [{ ask: 'project', need: 'revokeKey' }, { ask: 'projectKey' }],
  copyPublicKey: [{ ask: 'project' }, { ask: 'projectKey' }],
  openLangfuseAuditLog: [{ ask: 'project' }],
};

// A function, not a table: the words are translated when asked for, after the edge set up l10n.
export function paletteTitle(goal: PaletteGoal): string {
  switch (goal) {
    case 'addMember': return l10n.t('Add Member to Organization');
    case 'changeOrgRole': return l10n.t('Change Organization Role');
    case 'removeMember': return l10n.t('Remove from Organization');
    case 'explainAccess': return l10n.t('Explain Access');
    case 'setProjectRole': return l10n.t('Set Project Role');
    case 'resetProjectRole': return l10n.t('Use Organization Role (Clear Project Role)');
    case 'removeFromProject': return l10n.t('Remove Access to Project');
    case 'createApiKey': return l10n.t('Create API Key');
    case 'revokeApiKey': return l10n.t('Revoke API Key');
    case 'copyPublicKey': return l10n.t('Copy Public Key');
    case 'openLangfuseAuditLog': return l10n.t('Open Langfuse\'s Audit Log');
  }
}

/** The questions an action asks from the palette, in order: the connection first when there is more than one. */
export function paletteQuestions(goal: PaletteGoal, connectionCount: number): PaletteQuestion[] {
  return [...(connectionCount > 1 ? [{ ask: 'connection' } as const] : []), ...PLANS[goal]];
}

/** What the user chose; only the parts the action's questions ask for are set. */
export interface PaletteAnswers {
  ctx: FlowContext;
  project?: { id: string; name: string };
  member?: Membership;
  projectMember?: NodeOf<'projectMember'>;
  key?: NodeOf<'projectKey'>;
  role?: Role;
  note?: string;
  email?: string;
}

export interface PaletteHost {
  connections: readonly { id: string; name: string; baseUrl: string }[];
  /** One connection's session and dialogs, made when the connection is chosen. */
  contextOf(connectionId: string): Promise<FlowContext>;
  /** Shows the steps as one multi-step input (title, n/N, Back); 'cancelled' when the user pressed Escape. */
  run(first: Step<PaletteState>, state: PaletteState): Promise<'done' | 'cancelled'>;
  /** `langfuseAccess.keys.noteConvention`, for the note of a new key. */
  noteConvention: string;
}

/**
 * Asks an action's questions from the palette; undefined when the user cancelled or the identity may
 * not act (said once the picker closed: refusals name whom to ask and are audited like the session's).
 */
export async function askFromPalette(goal: PaletteGoal, host: PaletteHost): Promise<PaletteAnswers | undefined> {
  if (host.connections.length === 0) return undefined;
  const questions = paletteQuestions(goal, host.connections.length);
  const state: PaletteState = {};
  if (host.connections.length === 1) {
    state.connectionId = host.connections[0].id;
    state.ctx = await host.contextOf(state.connectionId);
  }
  const at = (i: number) => ({ title: paletteTitle(goal), step: i + 1, totalSteps: questions.length });
  const steps: Step<PaletteState>[] = questions.map((question, i) => async (driver, s) => {
    await ASKERS[question.ask](question as never, driver, s, at(i), host);
    return steps[i + 1];
  });
  try {
    if (await host.run(steps[0], state) === 'cancelled') return undefined;
  } catch (err) {
    if (!(err instanceof PaletteStop)) throw err;
    await err.say();
    return undefined;
  }
  return state as PaletteAnswers;
}
