// The questions of a palette flow (core/actions/paletteFlow.ts), one asker each: what it offers, which
// row it pre-selects when Back returns to it (the earlier choice), and when it stops the flow instead —
// a project list for an action says where the acting identity may take it and refuses at once when
// nowhere. Rows that come from the network load while the picker already shows, busy.
import { l10n } from '../l10n/l10n';
import { pickWhenLoaded, type StepDriver } from '../flow/driver';
import { apiKeyChoices, memberChoices, projectChoices, projectMemberChoices, type ProjectNeed, type RoleChoice } from '../org/choices';
import type { Verdict } from '../session/permissions';
import { keyNoteQuestion } from './keyFlows';
import { newMemberQuestions, orgRoleQuestion, orgRoleTitle, projectRoleQuestion, projectRoleTitle, refuseBefore } from './memberFlows';
import type { PaletteAnswers, PaletteHost, PaletteQuestion } from './paletteFlow';
import { isRefused, type FlowContext, type PickQuestion, type Refused } from './ui';

export type PaletteState = Partial<PaletteAnswers> & { connectionId?: string };

/** Ends a palette flow without a change; `say` tells why once the picker has closed. */
export class PaletteStop extends Error {
  constructor(readonly say: () => Promise<unknown>) { super('the palette flow stopped'); }
}

const notice = (ctx: FlowContext, message: string) => new PaletteStop(async () => ctx.ui.notify(message));
const refusal = (ctx: FlowContext, message: string) => new PaletteStop(() => ctx.ui.refuse(message));
const refusedBefore = (ctx: FlowContext, q: Refused) => new PaletteStop(() => refuseBefore(ctx, q));

/** The refusal for a project where the identity may not act, when the verdict gives no reason: one sentence per action. */
function mayNotIn(need: ProjectNeed, project: string): string {
  switch (need) {
    case 'setRole': return l10n.t('You may not change project roles in {0}.', project);
    case 'createKey': return l10n.t('You may not create API keys in {0}.', project);
    case 'revokeKey': return l10n.t('You may not revoke API keys in {0}.', project);
    case 'rotateKey': return l10n.t('You may not rotate API keys in {0}.', project);
  }
}

type At = { title: string; step: number; totalSteps: number };
type Asker<Q extends PaletteQuestion> = (question: Q, driver: StepDriver, s: PaletteState, at: At, host: PaletteHost) => Promise<void>;
type ProjectItem = { label: string; description?: string; project: { id: string; name: string }; verdict?: Verdict };

const connection: Asker<{ ask: 'connection' }> = async (_q, driver, s, at, host) => {
  const items = host.connections.map(c => ({ label: c.name, description: c.baseUrl, id: c.id }));
  const pick = await driver.pick({ ...at, placeholder: l10n.t('Which connection?'), items, activeItem: items.find(i => i.id === s.connectionId) });
  if (pick.id === s.connectionId && s.ctx) return;
  // Another organization: what was chosen in the previous one means nothing here.
  for (const key of ['project', 'member', 'projectMember', 'key', 'role', 'note', 'email'] as const) delete s[key];
  s.connectionId = pick.id;
  s.ctx = await host.contextOf(pick.id);
};

const project: Asker<{ ask: 'project'; need?: ProjectNeed }> = async (q, driver, s, at) => {
  const ctx = s.ctx!;
  const pick = await pickWhenLoaded<ProjectItem>(driver, {
    ...at, placeholder: l10n.t('Which project?'),
    load: async signal => {
      const projects = (await ctx.session.model.overview(signal)).projects ?? [];
      if (projects.length === 0) throw notice(ctx, l10n.t('This connection shows no projects (a project key or a plan without the admin API).'));
      let items: ProjectItem[] = projects.map(p => ({ label: p.name, description: p.id, project: { id: p.id, name: p.name } }));
      if (q.need) {
        const choices = projectChoices(projects, await ctx.session.permissions(projects.map(p => p.id), signal), q.need);
        if (choices.refusal) throw refusal(ctx, choices.refusal);
        items = choices.items;
      }
      return { items, active: items.find(i => i.project.id === s.project?.id) };
    },
  });
  if (pick.verdict && !pick.verdict.allowed) throw refusal(ctx, pick.verdict.reason ?? mayNotIn(q.need!, pick.project.name));
  if (pick.project.id !== s.project?.id) for (const key of ['projectMember', 'key', 'role', 'note'] as const) delete s[key];
  s.project = pick.project;
};

const orgMember: Asker<{ ask: 'orgMember' }> = async (_q, driver, s, at) => {
  const ctx = s.ctx!;
  const pick = await pickWhenLoaded(driver, {
    ...at, placeholder: l10n.t('Which member?'),
    load: async signal => {
      const items = memberChoices(await ctx.session.model.overview(signal));
      if (items.length === 0) throw notice(ctx, l10n.t('This connection shows no members (a project key or a plan without the admin API).'));
      return { items, active: items.find(i => i.member.userId === s.member?.userId) };
    },
  });
  if (pick.member.userId !== s.member?.userId) delete s.role;
  s.member = pick.member;
};

const projectMember: Asker<{ ask: 'projectMember' }> = async (_q, driver, s, at) => {
  const ctx = s.ctx!;
  const p = s.project!;
  const pick = await pickWhenLoaded(driver, {
    ...at, placeholder: l10n.t('Which member of {0}?', p.name),
    load: async signal => {
      const [overview, details] = await Promise.all([ctx.session.model.overview(signal), ctx.session.model.project(p.id, signal)]);
      const items = projectMemberChoices(ctx.connectionId, p, overview, details);
      return { items, active: items.find(i => i.node.member.userId === s.projectMember?.member.userId) };
    },
  });
  if (pick.node.member.userId !== s.projectMember?.member.userId) delete s.role;
  s.projectMember = pick.node;
};

const projectKey: Asker<{ ask: 'projectKey' }> = async (_q, driver, s, at) => {
  const ctx = s.ctx!;
  const p = s.project!;
  s.key = (await pickWhenLoaded(driver, {
    ...at, placeholder: l10n.t('Which API key of {0}?', p.name),
    load: async signal => {
      const items = apiKeyChoices(ctx.connectionId, p, (await ctx.session.model.project(p.id, signal)).apiKeys);
      if (items.length === 0) throw notice(ctx, l10n.t('{0} has no API keys.', p.name));
      return { items, active: items.find(i => i.node.key.publicKey === s.key?.key.publicKey) };
    },
  })).node;
};

/** A role step: the question's roles, the earlier answer (else the question's own choice) pre-selected. */
async function askRole(driver: StepDriver, s: PaletteState, at: At, placeholder: string, question: (signal: AbortSignal) => Promise<Refused | PickQuestion<RoleChoice>>): Promise<void> {
  const ctx = s.ctx!;
  s.role = (await pickWhenLoaded(driver, {
    ...at, placeholder,
    load: async signal => {
      const q = await question(signal);
      if (isRefused(q)) throw refusedBefore(ctx, q);
      return { items: q.items, active: q.items.find(i => i.role === s.role) ?? q.active };
    },
  })).role;
}

const orgRole: Asker<{ ask: 'orgRole' }> = (_q, driver, s, at) =>
  askRole(driver, s, at, orgRoleTitle(s.member!), signal => orgRoleQuestion(s.ctx!, s.member!, signal));

const projectRole: Asker<{ ask: 'projectRole' }> = (_q, driver, s, at) =>
  askRole(driver, s, at, projectRoleTitle(s.projectMember!), signal => projectRoleQuestion(s.ctx!, s.projectMember!, signal));

const keyNote: Asker<{ ask: 'keyNote' }> = async (_q, driver, s, at, host) => {
  const ctx = s.ctx!;
  const q = await keyNoteQuestion(ctx, s.project!, host.noteConvention);
  if (isRefused(q)) throw refusedBefore(ctx, q);
  s.note = (await driver.text({ ...at, prompt: q.prompt ?? '', placeholder: q.placeHolder, value: s.note, validate: q.validateInput })).trim();
};

const email: Asker<{ ask: 'email' }> = async (_q, driver, s, at) => {
  const ctx = s.ctx!;
  const q = await newMemberQuestions(ctx);
  if (isRefused(q)) throw refusedBefore(ctx, q);
  s.email = (await driver.text({ ...at, prompt: q.email.prompt ?? '', placeholder: q.email.placeHolder, value: s.email, validate: q.email.validateInput })).trim().toLowerCase();
};

const newMemberRole: Asker<{ ask: 'newMemberRole' }> = (_q, driver, s, at) =>
  askRole(driver, s, at, l10n.t('Organization role for {0}', s.email!), async signal => {
    const q = await newMemberQuestions(s.ctx!, signal);
    return isRefused(q) ? q : q.role(s.email!);
  });

/** One asker per question kind; each sets its part of the state or throws PaletteStop. */
export const ASKERS: { [K in PaletteQuestion['ask']]: Asker<Extract<PaletteQuestion, { ask: K }>> } = {
  connection, project, orgMember, projectMember, projectKey, orgRole, projectRole, keyNote, email, newMemberRole,
};
