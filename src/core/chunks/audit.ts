// Entry of the lazily-required chunk dist/chunks/audit.js: reading, verifying, exporting and
// forwarding the audit log (the writer itself is small and stays on the activation path).
export { readAuditLog, auditFacets, formatAuditExport, verifyAuditLog, verifyAuditLogParallel, forwardedTip, forwardConfigured, AuditForwardingConfig, langfuseAuditLogLinks } from '../audit/index';
export { auditLogPresence, missingLogText } from '../audit/logPresence';
export type { AuditFilter, AuditVerifyReport, ForwardResult } from '../audit/index';
