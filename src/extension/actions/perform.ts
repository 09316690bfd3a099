import type { ActionOutcome, SessionAction } from '../../core/session/index';
import type { Services } from '../services';

/** Hands one action to the connection's session (guards, confirmations, audit) and refreshes the tree. */
export async function perform(services: Services, connectionId: string, action: SessionAction): Promise<ActionOutcome> {
  const session = await services.clients.session(connectionId);
  try {
    return await session.perform(action);
  } finally {
    services.tree.refresh();
  }
}
