// What the Access view remembers between loading a row's children and drawing them: what the acting
// identity may do on each connection (so menus offer only that) and a label per key unique among the
// keys shown with it. Plain data for the edge's renderer; the guards still decide every action live.
import { distinctPublicKeyLabels } from '../keys/keyDisplay';
import type { Logger } from '../log/logger';
import type { Session } from '../session/session';
import type { Permissions } from '../session/permissions';
import type { AccessNode } from './accessNodes';
import { childrenOf } from './accessTree';
import type { OrganizationOverview } from './organizationModel';

export class AccessRows {
  private readonly permissions = new Map<string, Permissions>();
  private readonly keyLabels = new Map<string, string>();

  constructor(private readonly log?: Logger) {}

  /** A row's children; a connection's also work out the identity's permissions before its rows are drawn. */
  async children(node: AccessNode, session: Session, onOverview?: (overview: OrganizationOverview) => void): Promise<AccessNode[]> {
    const children = await childrenOf(node, session.model);
    if (node.kind === 'connection') {
      const overview = await session.model.overview();
      this.permissions.delete(node.connectionId);
      if (overview.projects) {
        try {
          this.permissions.set(node.connectionId, await session.permissions(overview.projects.map(p => p.id)));
        } catch (err) {
          this.log?.warn(`What ${node.connectionId}'s acting identity may do could not be worked out (actions stay in the palette, checked when run):`, (err as Error).message);
        }
      }
      onOverview?.(overview);
    }
    const keys = children.flatMap(c => c.kind === 'projectKey' || c.kind === 'orgKey' ? [c.key.publicKey] : []);
    for (const [publicKey, label] of distinctPublicKeyLabels(keys)) this.keyLabels.set(publicKey, label);
    return children;
  }

  permissionsOf(connectionId: string): Permissions | undefined {
    return this.permissions.get(connectionId);
  }

  keyLabelOf(node: AccessNode): string | undefined {
    return node.kind === 'projectKey' || node.kind === 'orgKey' ? this.keyLabels.get(node.key.publicKey) : undefined;
  }
}

/** Which cached part of a connection's organization model a refresh of this row reloads. */
export function invalidationFor(node: AccessNode): { projectId?: string; overview?: boolean } {
  if ('project' in node) return { projectId: node.project.id };
  if (node.kind === 'organization' || node.kind === 'orgMembers' || node.kind === 'orgKeys') return { overview: true };
  return {};
}
