// `langfuse-access compliance <files…>`: checks self-hosted Langfuse configuration (docker-compose
// files, server .env files, langfuse-k8s Helm values) and prints the compliance report. stdout: the
// report (text, JSON, SARIF 2.1.0 or Markdown); stderr: notes. Exit 0 nothing at the --fail-on level,
// 1 findings at or above it, 2 usage errors — the same rules as `lint`.
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import { auditTrailSummary } from '../../core/audit/trailSummary';
import { ExitCode } from '../../core/names';
import { stateDirPath } from '../../core/state/stateDir';
import { severityAtLeast } from '../../core/rules/ruleCodes';
import { buildComplianceReport, checkDeploymentFiles, complianceOutput } from '../../core/deployment/index';
import type { CliCommand, CliIo } from '../command';
import { parseReportArgs } from '../reportArgs';
import { complianceHelp, COMPLIANCE_USAGE } from '../../core/display/help/compliance';
import { UsageError } from '../command';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

export const command: CliCommand = {
  usage: COMPLIANCE_USAGE,
  help: complianceHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const { values, positionals, format, failOn } = parseReportArgs(args, FORMATS, { 'audit-log': { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError(l10n.t('name the docker-compose, .env or Helm values files to check'));

    const files = positionals.map(p => path.resolve(io.cwd, p));
    const result = checkDeploymentFiles(files);
    // --audit-log adds the report's "Audit trail" row: this machine's audit log, verified.
    const audit = values['audit-log'] ? await auditTrailSummary(stateDirPath(io.env)) : undefined;
    const report = buildComplianceReport(result, audit);
    io.out(complianceOutput(format, report, result, io.cwd));
    const auditFailed = audit !== undefined && !audit.ok;
    return auditFailed || result.findings.some(f => severityAtLeast(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};
