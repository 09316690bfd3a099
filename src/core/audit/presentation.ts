// How the audit log reads to a person, the same in the CLI (verify, tail) and the extension's view.
import { escapeMarkdown, markdownCode } from '../display/markdown';
import { forTerminal } from '../display/terminal';
import type { AuditEntry } from './entry';
import type { AuditFilter } from './reader';
import type { AuditVerifyReport } from './verifyReport';
import { l10n } from '../l10n/l10n';

/** The icon id of an entry's outcome in the Audit Log view. */
export const OUTCOME_ICON: Readonly<Record<string, string>> = { success: 'pass', failure: 'error', refused: 'circle-slash', started: 'debug-start', cancelled: 'close' };

/** An entry's outcome in words (the log keeps the English id). */
export function outcomeLabel(outcome: string): string {
  switch (outcome) {
    case 'success': return l10n.t('success');
    case 'failure': return l10n.t('failure');
    case 'refused': return l10n.t('refused');
    case 'started': return l10n.t('started');
    case 'cancelled': return l10n.t('cancelled');
    default: return outcome;
  }
}

/** One entry as a row: label, description and a Markdown tooltip (every value escaped: entries hold names from servers and workspaces). */
export function entryView(e: AuditEntry): { label: string; description: string; tooltip: string; icon: string } {
  const md = escapeMarkdown;
  const what = [e.resource.name ?? e.resource.id, e.resource.project].filter(Boolean).join(' · ');
  return {
    label: `${e.action}${what ? `  ${what}` : ''}`,
    description: `${outcomeLabel(e.outcome)} · ${e.actor.identity} · ${e.time.replace('T', ' ').slice(0, 19)}`,
    tooltip: `**${md(e.action)}** — ${md(outcomeLabel(e.outcome))}\n\n${l10n.t('{0} by {1} ({2} {3} on {4})', md(e.time), md(e.actor.identity), md(e.actor.tool), md(e.actor.version), md(e.actor.machine))}\n\n${l10n.t('Resource: {0}', markdownCode(JSON.stringify(e.resource)))}\n\n${l10n.t('Entry #{0}, hash {1}', e.seq, markdownCode(`${e.hash.slice(0, 16)}…`))}`,
    icon: OUTCOME_ICON[e.outcome] ?? 'circle-outline',
  };
}

/** One entry as a line of `audit tail`, whatever its fields hold: a name with a line break cannot print a forged entry. */
export function entryLine(e: AuditEntry): string {
  const t = forTerminal;
  const r = e.resource;
  const what = [r.kind, r.name ?? r.id, r.project ? `project ${r.project}` : undefined].filter(Boolean).map(v => t(String(v))).join(' ');
  return `${t(e.time)}  #${e.seq}  ${t(e.actor.identity)} (${t(e.actor.tool)})  ${t(e.action)}  ${what}  ${t(e.outcome)}`;
}

/** The verify report as text lines (the JSON form is the report itself). */
export function verifyReportText(file: string, exists: boolean, report: AuditVerifyReport, own: { keyId: string } | undefined): string {
  const lines = [exists ? `${file}: ${report.entries} entries, ${report.checkpoints.count} signed checkpoint(s)` : `${file}: no audit log yet (nothing has been recorded on this machine)`];
  for (const k of report.checkpoints.keys) lines.push(`checkpoint key ${k.keyId} (Ed25519 public key ${k.publicKey}), first used at line ${k.firstLine}`);
  if (own) lines.push(`this machine's signing key: ${own.keyId} — keep a copy of the public key elsewhere and pass it with --trust to detect a replaced key`);
  if (report.unsignedEntries > 0) lines.push(`${report.unsignedEntries} entr${report.unsignedEntries === 1 ? 'y' : 'ies'} after the last checkpoint (protected by the hash chain only; "audit checkpoint" signs them)`);
  for (const p of report.problems) lines.push(`line ${p.line}: ${p.kind}: ${forTerminal(p.message)}`);
  if (report.problemsTruncated) lines.push('(more problems not listed)');
  lines.push(report.ok ? 'OK: the audit log is intact.' : `TAMPERED: ${report.problems.length}${report.problemsTruncated ? '+' : ''} problem(s).`);
  return `${lines.join('\n')}\n`;
}

/** `2026-11-01` or a full ISO time; a date-only `until` includes that whole day. Throws with `what` named. */
export function parseAuditDate(value: string | undefined, what: string, endOfDay = false): Date | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`${what} must be a date like 2026-11-01 or an ISO time, got "${value}"`);
  if (dateOnly && endOfDay) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export function auditFilterFrom(values: { project?: string; actor?: string; action?: string; since?: string; until?: string }): AuditFilter {
  return {
    project: values.project, actor: values.actor, action: values.action,
    since: parseAuditDate(values.since, '--since'), until: parseAuditDate(values.until, '--until', true),
  };
}
