import type { Role } from '../langfuse/roles';
import type { ApiKeySummary, Membership, OrganizationProject } from '../langfuse/schemas';

/** Every row of the Access view (plain data; the extension maps it to tree items). Nodes carry ids, not loaded data, except leaf rows that render it. */
export type AccessNode =
  | { kind: 'connection'; connectionId: string }
  | { kind: 'message'; connectionId: string; key: string; label: string; detail?: string; severity: 'info' | 'warning' | 'error'; action?: 'retry' | 'fixConnection' }
  | { kind: 'organization'; connectionId: string; projectCount: number }
  | { kind: 'orgMembers'; connectionId: string }
  | { kind: 'orgMember'; connectionId: string; member: Membership }
  | { kind: 'orgKeys'; connectionId: string }
  | { kind: 'orgKey'; connectionId: string; key: ApiKeySummary }
  | { kind: 'project'; connectionId: string; project: Pick<OrganizationProject, 'id' | 'name'>; readOnly?: boolean }
  | { kind: 'projectMembers'; connectionId: string; project: Pick<OrganizationProject, 'id' | 'name'> }
  | { kind: 'projectMember'; connectionId: string; project: Pick<OrganizationProject, 'id' | 'name'>; member: Membership; orgRole: Role; override: Role | undefined; effective: Role }
  | { kind: 'projectKeys'; connectionId: string; project: Pick<OrganizationProject, 'id' | 'name'> }
  | { kind: 'projectKey'; connectionId: string; project: Pick<OrganizationProject, 'id' | 'name'>; key: ApiKeySummary };

export type NodeOf<K extends AccessNode['kind']> = Extract<AccessNode, { kind: K }>;

/** A stable id per row, so VS Code keeps expansion and selection across refreshes. */
export function nodeId(node: AccessNode): string {
  const c = node.connectionId;
  switch (node.kind) {
    case 'connection': return `c:${c}`;
    case 'message': return `c:${c}/msg:${node.key}`;
    case 'organization': return `c:${c}/org`;
    case 'orgMembers': return `c:${c}/org/members`;
    case 'orgMember': return `c:${c}/org/members/${node.member.userId}`;
    case 'orgKeys': return `c:${c}/org/keys`;
    case 'orgKey': return `c:${c}/org/keys/${node.key.id}`;
    case 'project': return `c:${c}/p:${node.project.id}`;
    case 'projectMembers': return `c:${c}/p:${node.project.id}/members`;
    case 'projectMember': return `c:${c}/p:${node.project.id}/members/${node.member.userId}`;
    case 'projectKeys': return `c:${c}/p:${node.project.id}/keys`;
    case 'projectKey': return `c:${c}/p:${node.project.id}/keys/${node.key.id}`;
  }
}

/** The structural parent of a row, so rows can be revealed (e.g. "open key in tree" from a .env quick fix). */
export function parentOf(node: AccessNode, projectCount: number): AccessNode | undefined {
  const connectionId = node.connectionId;
  const organization: AccessNode = { kind: 'organization', connectionId, projectCount };
  switch (node.kind) {
    case 'connection': return undefined;
    case 'message':
    case 'organization': return { kind: 'connection', connectionId };
    case 'project': return node.readOnly ? { kind: 'connection', connectionId } : organization;
    case 'orgMembers':
    case 'orgKeys': return organization;
    case 'orgMember': return { kind: 'orgMembers', connectionId };
    case 'orgKey': return { kind: 'orgKeys', connectionId };
    case 'projectMembers':
    case 'projectKeys': return { kind: 'project', connectionId, project: node.project };
    case 'projectMember': return { kind: 'projectMembers', connectionId, project: node.project };
    case 'projectKey': return { kind: 'projectKeys', connectionId, project: node.project };
  }
}
