// Public surface of deployment compliance for the extension and the CLI.
export { checkDeploymentFiles, checkDeploymentOf, checkDeploymentText, deploymentFilesIn } from './checkDeployment';
export type { DeploymentCheckResult, Evidence } from './checkDeployment';
export { deploymentFilesFor, detectDeploymentKind, readDeploymentFile } from './readDeploymentFile';
export { buildComplianceReport } from './complianceReport';
export type { AuditTrailSummary, ComplianceReport, ComplianceRow, ReportEvidence, RequirementStatus } from './complianceReport';
export { complianceOutput, renderJson, renderMarkdown, renderText } from './renderReport';
export { complianceToSarif } from './complianceSarif';
export { applyEdits, generateSecret, resolveFixEdits } from './applyFix';
export { ComplianceCodes, Requirements } from './complianceCodes';
export type { ComplianceCode, RequirementId } from './complianceCodes';
export { readFileFromDisk } from './fileReader';
export type { FileReader } from './fileReader';
export type * from './types';
