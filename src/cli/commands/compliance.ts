// `langfuse-access compliance <files…>`: checks self-hosted Langfuse configuration (docker-compose
// files, server .env files, langfuse-k8s Helm values) and prints the compliance report. stdout: the
// report (text, JSON, SARIF 2.1.0 or Markdown); stderr: notes. Exit 0 nothing at the --fail-on level,
// 1 findings at or above it, 2 usage errors — the same rules as `lint`.
import * as path from 'node:path';
import { forwardedTip } from '../../core/audit/forward/cursor';
import { verifyAuditLogParallel } from '../../core/audit/parallelVerify';
import type { AuditTrailSummary } from '../../core/deployment/index';
import { ExitCode, StateFiles } from '../../core/names';
import { stateDirPath } from '../../core/state/stateDir';
import { severityAtLeast } from '../../core/rules/ruleCodes';
import { jsonForTerminal } from '../../core/display/terminal';
import { buildComplianceReport, checkDeploymentFiles, complianceToSarif, renderJson, renderMarkdown, renderText } from '../../core/deployment/index';
import type { CliCommand, CliIo } from '../command';
import { parseReportArgs } from '../reportArgs';
import { COMPLIANCE_HELP } from '../help/compliance';
import { UsageError } from '../command';

const USAGE = 'compliance <files…> [--format text|json|sarif|markdown] [--fail-on error|warning|info] [--audit-log]';
const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

export const command: CliCommand = {
  usage: USAGE,
  help: COMPLIANCE_HELP,
  async run(io: CliIo, args: string[]): Promise<number> {
    const { values, positionals, format, failOn } = parseReportArgs(args, FORMATS, { 'audit-log': { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError('name the docker-compose, .env or Helm values files to check');

    const files = positionals.map(p => path.resolve(io.cwd, p));
    const result = checkDeploymentFiles(files);
    // --audit-log adds the report's "Audit trail" row: this machine's audit log, verified.
    let audit: AuditTrailSummary | undefined;
    if (values['audit-log']) {
      const stateDir = stateDirPath(io.env);
      const file = path.join(stateDir, StateFiles.auditLog);
      const v = await verifyAuditLogParallel(file, { knownTip: forwardedTip(stateDir) });
      audit = { file, ok: v.ok, entries: v.entries, problems: v.problems.length, keyIds: v.checkpoints.keys.map(k => k.keyId) };
    }
    const report = buildComplianceReport(result, audit);
    if (format === 'sarif') io.out(`${jsonForTerminal(JSON.stringify(complianceToSarif(result.findings, io.cwd), null, 2))}\n`);
    else if (format === 'json') io.out(jsonForTerminal(renderJson(report, result, io.cwd)));
    else if (format === 'markdown') io.out(renderMarkdown(report, io.cwd));
    else io.out(renderText(report, result, io.cwd));
    const auditFailed = audit !== undefined && !audit.ok;
    return auditFailed || result.findings.some(f => severityAtLeast(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};
