import type { ProjectNeed } from '../../core/org/choices';
import { l10n } from '../../core/l10n/l10n';
import type { NodeOf } from '../../core/org/accessNodes';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { flowContext } from './flowContext';

/**
 * When a command runs from the palette instead of a tree row, these ask for the row it needs:
 * connection here, then project → member or key in core (core/actions/pickers.ts), which says where
 * the acting identity may take the action and refuses at once when nowhere.
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

async function inConnection<T>(services: Services, pick: (ctx: Awaited<ReturnType<typeof flowContext>>) => Promise<T | undefined>): Promise<T | undefined> {
  const c = await pickConnectionNode(services);
  return c && pick(await flowContext(services, c.connectionId));
}

export function pickProjectNode(services: Services, need?: ProjectNeed): Promise<NodeOf<'project'> | undefined> {
  return inConnection(services, ctx => loadChunk('core').pickProject(ctx, need));
}

export function pickOrgMemberNode(services: Services): Promise<NodeOf<'orgMember'> | undefined> {
  return inConnection(services, async ctx => {
    const member = await loadChunk('core').pickOrgMember(ctx);
    return member && { kind: 'orgMember' as const, connectionId: ctx.connectionId, member };
  });
}

export function pickProjectMemberNode(services: Services, need?: ProjectNeed): Promise<NodeOf<'projectMember'> | undefined> {
  return inConnection(services, ctx => loadChunk('core').pickProjectMember(ctx, need));
}

export function pickProjectKeyNode(services: Services, need?: ProjectNeed): Promise<NodeOf<'projectKey'> | undefined> {
  return inConnection(services, ctx => loadChunk('core').pickProjectKey(ctx, need));
}
