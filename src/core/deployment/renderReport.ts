import * as path from 'node:path';
import { escapeMarkdown, markdownCode } from '../display/markdown';
import { forTerminal, jsonForTerminal } from '../display/terminal';
import { complianceToSarif } from './complianceSarif';
import type { DeploymentCheckResult } from './checkDeployment';
import type { ComplianceReport, ReportEvidence } from './complianceReport';
import { requirementOf } from './complianceCodes';
import type { DeploymentFinding } from './types';


export function relativePath(baseDir: string, file: string): string {
  const rel = path.relative(baseDir, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

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
  const out: string[] = ['Deployment compliance', ''];
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
  out.push('', `${report.files.length} file(s): ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s['not found']} not found; ${result.findings.length} finding(s) (${c.error} error, ${c.warning} warning, ${c.info} info).`);
  return `${out.join('\n')}\n`;
}


/** The tool's own text in a table cell (category, requirement): only `|` and line breaks matter. */
function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: ComplianceReport, baseDir: string): string {
  const out = [
    '# Langfuse deployment compliance', '',
    `Files: ${report.files.map(f => markdownCode(relativePath(baseDir, f))).join(', ') || 'none'}`, '',
    '| Category | Requirement | Status | Evidence |', '|---|---|---|---|',
  ];
  for (const row of report.rows) {
    // Inside a table cell a `|` ends the cell even in a code span (GFM), so the code span escapes it too.
    const evidence = row.evidence.map(e => `${markdownCode(where(baseDir, e)).replace(/\|/g, '\\|')} ${e.code ? `**${e.code}**: ` : ''}${escapeMarkdown(e.note)}`).join('<br>') || '—';
    out.push(`| ${mdCell(row.category)} | ${mdCell(row.requirement)} | ${STATUS_TEXT[row.status]} | ${evidence} |`);
  }
  const s = report.summary;
  out.push('', `${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s['not found']} not found.`, '');
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
