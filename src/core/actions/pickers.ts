// When an action runs from the palette instead of a tree row, these ask for the row it needs —
// project → member or key — from the same cached organization model the tree uses. A project list
// for an action says where the acting identity may take it, and refuses at once when nowhere.
import type { Membership } from '../langfuse/schemas';
import type { NodeOf } from '../org/accessNodes';
import { apiKeyChoices, memberChoices, projectChoices, projectMemberChoices, type ProjectNeed } from '../org/choices';
import type { FlowContext } from './ui';
import { l10n } from '../l10n/l10n';

type PickContext = Pick<FlowContext, 'session' | 'ui' | 'connectionId'>;

/** What each need is called in a refusal ("You may not create API keys in any project…"). */
const NEED_WORDS: Record<ProjectNeed, () => string> = {
  setRole: () => l10n.t('change project roles'), createKey: () => l10n.t('create API keys'), revokeKey: () => l10n.t('revoke API keys'), rotateKey: () => l10n.t('rotate API keys'),
};

export async function pickProject(ctx: PickContext, need?: ProjectNeed): Promise<NodeOf<'project'> | undefined> {
  const overview = await ctx.session.model.overview();
  const projects = overview.projects ?? [];
  if (projects.length === 0) {
    ctx.ui.notify(l10n.t('This connection shows no projects (a project key or a plan without the admin API).'));
    return undefined;
  }
  let items: { label: string; description?: string; project: { id: string; name: string }; verdict?: { allowed: boolean; reason?: string } }[] = projects.map(p => ({ label: p.name, description: p.id, project: { id: p.id, name: p.name } }));
  if (need) {
    const choices = projectChoices(projects, await ctx.session.permissions(projects.map(p => p.id)), need, NEED_WORDS[need]());
    if (choices.refusal) { await ctx.ui.refuse(choices.refusal); return undefined; }
    items = choices.items;
  }
  const pick = await ctx.ui.pick(items, { title: l10n.t('Choose a project') });
  if (!pick) return undefined;
  if (pick.verdict && !pick.verdict.allowed) {
    await ctx.ui.refuse(pick.verdict.reason ?? l10n.t('You may not {0} in {1}.', NEED_WORDS[need!](), pick.project.name));
    return undefined;
  }
  return { kind: 'project', connectionId: ctx.connectionId, project: pick.project };
}

export async function pickOrgMember(ctx: PickContext): Promise<Membership | undefined> {
  const overview = await ctx.session.model.overview();
  return (await ctx.ui.pick(memberChoices(overview), { title: l10n.t('Choose a member') }))?.member;
}

export async function pickProjectMember(ctx: PickContext, need?: ProjectNeed): Promise<NodeOf<'projectMember'> | undefined> {
  const p = await pickProject(ctx, need);
  if (!p) return undefined;
  const [overview, details] = await Promise.all([ctx.session.model.overview(), ctx.session.model.project(p.project.id)]);
  return (await ctx.ui.pick(projectMemberChoices(ctx.connectionId, p.project, overview, details), { title: l10n.t('Choose a member of {0}', p.project.name) }))?.node;
}

export async function pickProjectKey(ctx: PickContext, need?: ProjectNeed): Promise<NodeOf<'projectKey'> | undefined> {
  const p = await pickProject(ctx, need);
  if (!p) return undefined;
  const details = await ctx.session.model.project(p.project.id);
  const items = apiKeyChoices(ctx.connectionId, p.project, details.apiKeys);
  if (items.length === 0) {
    ctx.ui.notify(l10n.t('{0} has no API keys.', p.project.name));
    return undefined;
  }
  return (await ctx.ui.pick(items, { title: l10n.t('Choose an API key of {0}', p.project.name) }))?.node;
}
