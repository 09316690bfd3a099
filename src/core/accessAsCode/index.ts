// Access as code: the declaration in `.langfuse/access.yaml`, export, plan (text, Markdown, JSON,
// SARIF), apply (journaled, guarded, through the session and the rotation engine) and the round trip
// the live conformance suite runs. Both edges use this; neither changes access another way.
export { declaresAccess, type Declaration, type DeclaredKey, type DeclaredMember } from './declaration';
export { planAccess, planFromLive, readLiveFor, type AccessWorkspace } from './accessPlanner';
export { applyAccess, type ApplyReport, type ApplyRequest } from './applyAccess';
export { exportAccess, type ExportResult } from './exportAccess';
export { accessFilePath, AccessFileError, accessWorkspaceFromText, exportTarget, loadAccessWorkspace } from './workspaceFile';
export { LiveStateError, type LiveOrganization } from './liveState';
export { parsePlan, summarize, type AccessPlan, type PlanChange, type PlanNote } from './planTypes';
export { renderText, type RenderOptions } from './render/text';
export { renderMarkdown } from './render/markdown';
export { renderSarif } from './render/sarif';
export { applyHeadline, renderApplyMarkdown, renderApplyText } from './render/applyReport';
export { summaryLine } from './render/groups';
export { restrictedAccessReason, UntrustedWorkspaceError } from './trust';
export { applyTextEdit, takeLiveValue, type TextEdit } from './takeLive';
export { workspaceTrusted } from './trust';
export { driftFindings, type DriftFinding } from './driftFindings';
