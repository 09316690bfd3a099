// The Access view's actions for any edge (exported through the core chunk).
export { addMemberFlow, changeOrgRoleFlow, performAction, removeMemberFlow, resetProjectRoleFlow, setProjectRoleFlow } from './memberFlows';
export { createApiKeyFlow, revokeApiKeyFlow, type SecretHandover } from './keyFlows';
export { pickOrgMember, pickProject, pickProjectKey, pickProjectMember } from './pickers';
export type { ActionUi, FlowContext, InputOptions, PickItem } from './ui';
export { rollbackDone } from './rotationWords';
