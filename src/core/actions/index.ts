// The Access view's actions for any edge (exported through the core chunk).
export { addMemberFlow, changeOrgRoleFlow, performAction, removeMemberFlow, resetProjectRoleFlow, setProjectRoleFlow } from './memberFlows';
export { createApiKeyFlow, revokeApiKeyFlow, type SecretHandover } from './keyFlows';
export { pickOrgMember, pickProject, pickProjectKey, pickProjectMember } from './pickers';
export type { ActionUi, FlowContext, InputOptions, PickItem } from './ui';
export { RESUME_CHOICES, resumeNotice, rollbackDone, type ResumeChoice } from './rotationWords';
