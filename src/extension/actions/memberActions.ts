import type { Role } from '../../core/langfuse/roles';
import type { NodeOf } from '../../core/org/accessNodes';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { flowContext } from './flowContext';

// The member actions live in core (core/actions/memberFlows.ts); these hand them the row's connection.

export async function addMember(services: Services, node: { connectionId: string }): Promise<boolean> {
  return loadChunk('core').addMemberFlow(await flowContext(services, node.connectionId));
}

export async function changeOrgRole(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  return loadChunk('core').changeOrgRoleFlow(await flowContext(services, node.connectionId), node.member);
}

export async function removeMember(services: Services, node: NodeOf<'orgMember'>): Promise<boolean> {
  return loadChunk('core').removeMemberFlow(await flowContext(services, node.connectionId), node.member);
}

export async function setProjectRole(services: Services, node: NodeOf<'projectMember'>, fixed?: Role): Promise<boolean> {
  return loadChunk('core').setProjectRoleFlow(await flowContext(services, node.connectionId), node, fixed);
}

export async function resetProjectRole(services: Services, node: NodeOf<'projectMember'>): Promise<boolean> {
  return loadChunk('core').resetProjectRoleFlow(await flowContext(services, node.connectionId), node);
}
