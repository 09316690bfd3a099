import type { DeploymentCheckResult } from './checkDeployment';
import type { RequirementId } from './complianceCodes';
import { requirementOf, Requirements } from './complianceCodes';
import { l10n } from '../l10n/l10n';
import { auditTrailText, requirementText } from './requirementTexts';
import type { Severity } from './types';

export type RequirementStatus = 'pass' | 'fail' | 'warn' | 'not found';

export interface ReportEvidence {
  file: string;
  /** 1-based. */
  line: number;
  note: string;
  code?: string;
  severity?: Severity;
}

export interface ComplianceRow {
  id: RequirementId | 'audit-trail';
  category: string;
  requirement: string;
  status: RequirementStatus;
  evidence: ReportEvidence[];
}

/** What `verifyAuditLog` found, when the caller includes the audit trail in the report. */
export interface AuditTrailSummary {
  file: string;
  ok: boolean;
  entries: number;
  problems: number;
  keyIds: string[];
}

export interface ComplianceReport {
  rows: ComplianceRow[];
  summary: Record<RequirementStatus, number>;
  files: string[];
}

/**
 * The compliance table (category, requirement, status, evidence with file:line), corrected to what
 * Langfuse really does. A requirement fails on an error finding, warns on a warning, passes with
 * evidence, and is "not found" when none of the files configures it.
 */
export function buildComplianceReport(result: DeploymentCheckResult, audit?: AuditTrailSummary): ComplianceReport {
  const rows: ComplianceRow[] = [];
  for (const id of Object.keys(Requirements) as RequirementId[]) {
    const findings = result.findings.filter(f => requirementOf(f) === id);
    const passes = result.evidence.filter(e => e.requirement === id);
    if (id === 'readable-config' && findings.length === 0) continue;
    const status: RequirementStatus = findings.some(f => f.severity === 'error') ? 'fail'
      : findings.some(f => f.severity === 'warning') ? 'warn'
        : passes.length > 0 || findings.length > 0 ? 'pass' : 'not found';
    rows.push({
      id, ...requirementText(id), status,
      evidence: [
        ...findings.map(f => ({ file: f.file, line: f.range.start.line + 1, note: f.message, code: f.code, severity: f.severity })),
        ...passes.map(e => ({ file: e.file, line: e.line + 1, note: e.note })),
      ],
    });
  }
  if (audit) {
    rows.push({
      id: 'audit-trail', ...auditTrailText(),
      status: audit.ok ? (audit.entries > 0 ? 'pass' : 'not found') : 'fail',
      evidence: [{ file: audit.file, line: 1, note: auditNote(audit) }],
    });
  }
  const summary: Record<RequirementStatus, number> = { pass: 0, fail: 0, warn: 0, 'not found': 0 };
  for (const r of rows) summary[r.status]++;
  return { rows, summary, files: result.configFiles };
}

function auditNote(audit: AuditTrailSummary): string {
  if (!audit.ok) return l10n.t('{0} problem(s): run {1}', audit.problems, 'langfuse-access audit verify');
  return audit.keyIds.length
    ? l10n.t('{0} entries verified; checkpoint key {1}', audit.entries, audit.keyIds.join(', '))
    : l10n.t('{0} entries verified; no checkpoint key yet', audit.entries);
}
