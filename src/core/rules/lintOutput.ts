// The lint report as text or JSON (SARIF lives in src/core/sarif): the same words for the CLI and CI.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { forTerminal, jsonForTerminal } from '../display/terminal';
import { toSarif } from '../sarif/toSarif';
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

/** A count with its noun, each form a whole phrase of its own ("1 file", "3 errors"). */
function count(n: number, what: 'file' | 'error' | 'warning'): string {
  switch (what) {
    case 'file': return n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n);
    case 'error': return n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n);
    case 'warning': return n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n);
  }
}

/** Infos that repeat per secret and say the same each time: one summary line unless `verbose`. */
const FOLDED = 'pair-unverified';

function foldedLine(folded: readonly Finding[]): string {
  const files = new Set(folded.map(f => f.file)).size;
  const n = folded.length;
  // One whole sentence per singular/plural pair (no English count word spliced in).
  if (n === 1) return l10n.t('1 key pair in 1 file cannot be checked offline ({0}, info: a secret key says nothing about the public key it belongs to); run with --online to ask the connection\'s server, or --verbose to list them.', FOLDED);
  if (files === 1) return l10n.t('{0} key pairs in 1 file cannot be checked offline ({1}, info: a secret key says nothing about the public key it belongs to); run with --online to ask the connection\'s server, or --verbose to list them.', n, FOLDED);
  return l10n.t('{0} key pairs in {1} files cannot be checked offline ({2}, info: a secret key says nothing about the public key it belongs to); run with --online to ask the connection\'s server, or --verbose to list them.', n, files, FOLDED);
}

export function textReport(cwd: string, report: LintReport, options: { verbose?: boolean } = {}): string {
  const folded = options.verbose ? [] : report.findings.filter(f => f.code === FOLDED);
  const listed = folded.length ? report.findings.filter(f => f.code !== FOLDED) : report.findings;
  const lines = listed.map(f => `${forTerminal(displayPath(cwd, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.code}  ${forTerminal(f.message)}`);
  if (folded.length) lines.push(foldedLine(folded));
  const c = countBySeverity(report.findings);
  const [files, errors, warnings] = [count(report.files.length, 'file'), count(c.error, 'error'), count(c.warning, 'warning')];
  lines.push(report.suppressed.length > 0
    ? l10n.t('{0} checked: {1}, {2}, {3} info, {4} ignored by the access file.', files, errors, warnings, c.info, report.suppressed.length)
    : l10n.t('{0} checked: {1}, {2}, {3} info.', files, errors, warnings, c.info));
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

/** What `lint` prints on stdout in each format (JSON and SARIF list every finding; text folds, see textReport). */
export function lintOutput(format: 'text' | 'json' | 'sarif', cwd: string, report: LintReport, options: { verbose?: boolean } = {}): string {
  if (format === 'sarif') return `${jsonForTerminal(JSON.stringify(toSarif({ findings: report.findings, suppressed: report.suppressed, baseDir: cwd }), null, 2))}\n`;
  return format === 'json' ? jsonForTerminal(jsonReport(cwd, report)) : textReport(cwd, report, options);
}
