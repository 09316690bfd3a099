// The Access view's actions for any edge (exported through the core chunk).
export { addMemberAs, addMemberFlow, changeOrgRoleFlow, changeOrgRoleTo, performAction, removeMemberFlow, resetProjectRoleFlow, setProjectRoleFlow, setProjectRoleTo } from './memberFlows';
export { createApiKeyFlow, revokeApiKeyFlow, type SecretHandover } from './keyFlows';
export { askFromPalette, paletteQuestions, paletteTitle, type PaletteAnswers, type PaletteGoal, type PaletteHost } from './paletteFlow';
export type { PaletteState } from './pickers';
export type { ActionUi, FlowContext, InputOptions, PickItem } from './ui';
export { RESUME_CHOICES, resumeNotice, rollbackDone, type ResumeChoice } from './rotationWords';
