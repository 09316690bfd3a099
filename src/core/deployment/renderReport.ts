import * as path from 'node:path';
import { escapeMarkdown, markdownCode } from '../display/markdown';
import { forTerminal, jsonForTerminal } from '../display/terminal';
import { l10n } from '../l10n/l10n';
import { complianceToSarif } from './complianceSarif';
import type { DeploymentCheckResult } from './checkDeployment';
import type { ComplianceReport, ReportEvidence } from './complianceReport';
import { requirementOf } from './complianceCodes';
import type { DeploymentFinding } from './types';


export function relativePath(baseDir: string, file: string): string {
  const rel = path.relative(baseDir, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

// The status marks stay as written, like the conformance report's PASS/FAIL/SKIP: scripts grep for them.
const STATUS_TEXT = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', 'not found': 'NOT FOUND' } as const;

function where(baseDir: string, e: ReportEvidence): string {
  return `${relativePath(baseDir, e.file)}:${e.line}`;
}

/**
 * The compliance table as text. Each finding appears once, under its requirement, in the lint format
 * (`file:line:col  severity  code  message`, which terminals and CI logs turn into links); evidence of
 * a met requirement as `file:line  note`. File names and notes come from the checked files (values,
 * names): escaped for the terminal, one line each.
 */
export function renderText(report: ComplianceReport, result: DeploymentCheckResult, baseDir: string): string {
  const out: string[] = [l10n.t('Deployment compliance'), ''];
  const findingsOf = new Map<string, DeploymentFinding[]>();
  for (const f of result.findings) findingsOf.set(requirementOf(f), [...findingsOf.get(requirementOf(f)) ?? [], f]);
  for (const row of report.rows) {
    out.push(`${STATUS_TEXT[row.status].padEnd(9)}  ${row.category}: ${row.requirement}`);
    for (const f of findingsOf.get(row.id) ?? []) {
      out.push(`           ${forTerminal(relativePath(baseDir, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.code}  ${forTerminal(f.message)}`);
    }
    for (const e of row.evidence.filter(e => !e.code)) out.push(`           ${forTerminal(where(baseDir, e))}  ${forTerminal(e.note)}`);
  }
  const s = report.summary;
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  out.push('', l10n.t('{0} file(s): {1} pass, {2} warn, {3} fail, {4} not found; {5} finding(s) ({6} error, {7} warning, {8} info).',
    report.files.length, s.pass, s.warn, s.fail, s['not found'], result.findings.length, c.error, c.warning, c.info));
  return `${out.join('\n')}\n`;
}


/** The tool's own text in a table cell (category, requirement): only `|` and line breaks matter. */
function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: ComplianceReport, baseDir: string): string {
  const files = report.files.map(f => markdownCode(relativePath(baseDir, f))).join(', ');
  const out = [
    `# ${l10n.t('Langfuse deployment compliance')}`, '',
    files ? l10n.t('Files: {0}', files) : l10n.t('Files: none'), '',
    `| ${[l10n.t('Category'), l10n.t('Requirement'), l10n.t('Status'), l10n.t('Evidence')].map(mdCell).join(' | ')} |`, '|---|---|---|---|',
  ];
  for (const row of report.rows) {
    // Inside a table cell a `|` ends the cell even in a code span (GFM), so the code span escapes it too.
    const evidence = row.evidence.map(e => `${markdownCode(where(baseDir, e)).replace(/\|/g, '\\|')} ${e.code ? `**${e.code}**: ` : ''}${escapeMarkdown(e.note)}`).join('<br>') || '—';
    out.push(`| ${mdCell(row.category)} | ${mdCell(row.requirement)} | ${STATUS_TEXT[row.status]} | ${evidence} |`);
  }
  const s = report.summary;
  out.push('', l10n.t('{0} pass, {1} warn, {2} fail, {3} not found.', s.pass, s.warn, s.fail, s['not found']), '');
  return out.join('\n');
}

export function renderJson(report: ComplianceReport, result: DeploymentCheckResult, baseDir: string): string {
  return `${JSON.stringify({
    version: 1,
    files: report.files.map(f => relativePath(baseDir, f)),
    summary: report.summary,
    requirements: report.rows.map(r => ({ ...r, evidence: r.evidence.map(e => ({ ...e, file: relativePath(baseDir, e.file) })) })),
    findings: result.findings.map(f => ({ ...f, file: relativePath(baseDir, f.file), line: f.range.start.line + 1, column: f.range.start.character + 1 })),
  }, null, 2)}\n`;
}

/** What `compliance` prints on stdout in each format. */
export function complianceOutput(format: 'text' | 'json' | 'sarif' | 'markdown', report: ComplianceReport, result: DeploymentCheckResult, baseDir: string): string {
  if (format === 'sarif') return `${jsonForTerminal(JSON.stringify(complianceToSarif(result.findings, baseDir), null, 2))}\n`;
  if (format === 'json') return jsonForTerminal(renderJson(report, result, baseDir));
  return format === 'markdown' ? renderMarkdown(report, baseDir) : renderText(report, result, baseDir);
}
