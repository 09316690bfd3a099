import type { FlowContext } from '../../core/actions/index';
import type { Services } from '../services';

/** A connection's session with this window's dialogs; a change redraws the Access view from what the session reloaded. */
export async function flowContext(services: Services, connectionId: string): Promise<FlowContext> {
  return { session: await services.clients.session(connectionId), ui: services.ui, connectionId, changed: () => services.tree.redraw() };
}
