import { l10n } from '../../core/l10n/l10n';
import { apiKeyChoices, memberChoices, projectMemberChoices } from '../../core/org/choices';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';

/**
 * When a command runs from the palette instead of a tree row, these ask for the row it needs:
 * connection → project → member or key, from the same cached organization model the tree uses.
 */
export async function pickConnectionNode(services: Services): Promise<NodeOf<'connection'> | undefined> {
  const connections = services.connections.list();
  if (connections.length === 0) {
    services.ui.notify(l10n.t('Add a Langfuse connection first ("Langfuse Access: Add Connection…").'));
    return undefined;
  }
  if (connections.length === 1) return { kind: 'connection', connectionId: connections[0].id };
  const pick = await services.ui.pick(connections.map(c => ({ label: c.name, description: c.baseUrl, id: c.id })), { title: l10n.t('Choose a connection') });
  return pick && { kind: 'connection', connectionId: pick.id };
}

export async function pickProjectNode(services: Services): Promise<NodeOf<'project'> | undefined> {
  const c = await pickConnectionNode(services);
  if (!c) return undefined;
  const pick = await services.ui.pick(async signal => {
    const projects = (await (await services.clients.get(c.connectionId)).model.overview(signal)).projects ?? [];
    if (projects.length === 0) services.ui.notify(l10n.t('This connection shows no projects (a project key or a plan without the admin API).'));
    return projects.map(p => ({ label: p.name, description: p.id, project: p }));
  }, { title: l10n.t('Choose a project') });
  return pick && { kind: 'project', connectionId: c.connectionId, project: { id: pick.project.id, name: pick.project.name } };
}

export async function pickOrgMemberNode(services: Services): Promise<NodeOf<'orgMember'> | undefined> {
  const c = await pickConnectionNode(services);
  if (!c) return undefined;
  const pick = await services.ui.pick(async signal => memberChoices(await (await services.clients.get(c.connectionId)).model.overview(signal)), { title: l10n.t('Choose a member') });
  return pick && { kind: 'orgMember', connectionId: c.connectionId, member: pick.member };
}

export async function pickProjectMemberNode(services: Services): Promise<NodeOf<'projectMember'> | undefined> {
  const p = await pickProjectNode(services);
  if (!p) return undefined;
  return (await services.ui.pick(async signal => {
    const { model } = await services.clients.get(p.connectionId);
    const [overview, details] = await Promise.all([model.overview(signal), model.project(p.project.id, signal)]);
    return projectMemberChoices(p.connectionId, p.project, overview, details);
  }, { title: l10n.t('Choose a member of {0}', p.project.name) }))?.node;
}

export async function pickProjectKeyNode(services: Services): Promise<NodeOf<'projectKey'> | undefined> {
  const p = await pickProjectNode(services);
  if (!p) return undefined;
  return (await services.ui.pick(async signal => {
    const details = await (await services.clients.get(p.connectionId)).model.project(p.project.id, signal);
    const items = apiKeyChoices(p.connectionId, p.project, details.apiKeys);
    if (items.length === 0) services.ui.notify(l10n.t('{0} has no API keys.', p.project.name));
    return items;
  }, { title: l10n.t('Choose an API key of {0}', p.project.name) }))?.node;
}
