// The lint report as text or JSON (SARIF lives in src/core/sarif): the same words for the CLI and CI.
import * as path from 'node:path';
import { forTerminal } from '../display/terminal';
import type { Finding } from './finding';
import type { LintReport } from './lintWorkspace';
import type { Severity } from './ruleCodes';

/** A path relative to `cwd` with forward slashes when it lies below it, else as given. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function textReport(cwd: string, report: LintReport): string {
  const lines = report.findings.map(f => `${forTerminal(displayPath(cwd, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.code}  ${forTerminal(f.message)}`);
  const c = countBySeverity(report.findings);
  const ignored = report.suppressed.length > 0 ? `, ${report.suppressed.length} ignored by the access file` : '';
  lines.push(`${plural(report.files.length, 'file')} checked: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info${ignored}.`);
  return `${lines.join('\n')}\n`;
}

export function jsonReport(cwd: string, report: LintReport): string {
  const finding = (f: Finding) => ({ ...f, file: displayPath(cwd, f.file), line: f.range.start.line + 1, column: f.range.start.character + 1 });
  return `${JSON.stringify({
    version: 1,
    files: report.files.map(f => ({ ...f, file: displayPath(cwd, f.file) })),
    findings: report.findings.map(finding),
    suppressed: report.suppressed.map(finding),
    summary: { ...countBySeverity(report.findings), suppressed: report.suppressed.length },
  }, null, 2)}\n`;
}
