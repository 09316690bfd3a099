// How the audit log reads to a person, the same in the CLI (verify, tail) and the extension's view.
import { escapeMarkdown, markdownCode } from '../display/markdown';
import { forTerminal } from '../display/terminal';
import { shortPublicKey } from '../keys/keyDisplay';
import { isRotationStep, stepTitle } from '../rotation/steps';
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

/** What a rotation entry's action names besides a step of the engine. */
function rotationAction(name: string): string | undefined {
  switch (name) {
    case 'start': return l10n.t('Start');
    case 'rollback': return l10n.t('Roll back');
    case 'revoke': return l10n.t('Revoke the old key');
    default: return undefined;
  }
}

/** `rotation.pushed` → "Targets updated and read back"; undefined for other actions. */
export function rotationStepTitle(action: string): string | undefined {
  const m = /^rotation\.(.+)$/.exec(action);
  if (!m) return undefined;
  return isRotationStep(m[1]) ? stepTitle(m[1]) : rotationAction(m[1]) ?? m[1];
}

/** One entry as a row: label, description and a Markdown tooltip (every value escaped: entries hold names from servers and workspaces). */
export function entryView(e: AuditEntry): { label: string; description: string; tooltip: string; icon: string } {
  const md = escapeMarkdown;
  const step = e.resource.kind === 'rotation' ? rotationStepTitle(e.action) : undefined;
  // A rotation writes a row per step, all about the same old key: the step names the row, the keys go in the tooltip.
  // Public keys read as everywhere else (pk-lf-b100…0001); the tooltip keeps the whole resource.
  const name = e.resource.name?.startsWith('pk-lf-') ? shortPublicKey(e.resource.name) : e.resource.name;
  const what = step ? [step, e.resource.project].filter(Boolean).join(' · ') : [name ?? e.resource.id, e.resource.project].filter(Boolean).join(' · ');
  const keys = step ? rotationKeys(e) : '';
  return {
    label: step ? `rotation  ${what}` : `${e.action}${what ? `  ${what}` : ''}`,
    description: `${outcomeLabel(e.outcome)} · ${e.actor.identity} · ${e.time.replace('T', ' ').slice(0, 19)}`,
    tooltip: `**${md(e.action)}** — ${md(outcomeLabel(e.outcome))}\n\n${keys}${l10n.t('{0} by {1} ({2} {3} on {4})', md(e.time), md(e.actor.identity), md(e.actor.tool), md(e.actor.version), md(e.actor.machine))}\n\n${l10n.t('Resource: {0}', markdownCode(JSON.stringify(e.resource)))}\n\n${l10n.t('Entry #{0}, hash {1}', e.seq, markdownCode(`${e.hash.slice(0, 16)}…`))}`,
    icon: OUTCOME_ICON[e.outcome] ?? 'circle-outline',
  };
}

/** "pk-lf-d300…0001 → pk-lf-1a2b…9f8e" for a rotation entry's tooltip (the new key once it exists). */
function rotationKeys(e: AuditEntry): string {
  const from = typeof e.details.oldPublicKey === 'string' ? e.details.oldPublicKey : e.resource.name;
  const to = typeof e.details.newPublicKey === 'string' ? e.details.newPublicKey : undefined;
  if (!from) return '';
  const old = markdownCode(shortPublicKey(from));
  const id = typeof e.resource.id === 'string' ? markdownCode(e.resource.id) : undefined;
  const line = to
    ? id ? l10n.t('Key: {0} → {1} (rotation {2})', old, markdownCode(shortPublicKey(to)), id) : l10n.t('Key: {0} → {1}', old, markdownCode(shortPublicKey(to)))
    : id ? l10n.t('Key: {0} → _not created yet_ (rotation {1})', old, id) : l10n.t('Key: {0} → _not created yet_', old);
  return `${line}\n\n`;
}

/** What the Audit Log view says while a filter is on ("action: apiKey.* · project: staging-chatbot"); undefined when none is. */
export function filterDescription(filter: AuditFilter): string | undefined {
  const parts = [
    filter.project !== undefined ? l10n.t('project: {0}', filter.project) : undefined,
    filter.actor !== undefined ? l10n.t('actor: {0}', filter.actor) : undefined,
    filter.action !== undefined ? l10n.t('action: {0}', filter.action) : undefined,
    filter.since !== undefined ? l10n.t('since {0}', filter.since.toISOString().slice(0, 10)) : undefined,
    filter.until !== undefined ? l10n.t('until {0}', filter.until.toISOString().slice(0, 10)) : undefined,
  ].filter(Boolean);
  // Each part is a whole phrase of its own; the list goes in as one argument, like a list of names.
  return parts.length ? l10n.t('filtered by {0}', parts.join(' · ')) : undefined;
}

/** One entry as a line of `audit tail`, whatever its fields hold: a name with a line break cannot print a forged entry. */
export function entryLine(e: AuditEntry): string {
  const t = forTerminal;
  const r = e.resource;
  const what = [r.kind, r.name ?? r.id, r.project ? l10n.t('project {0}', r.project) : undefined].filter(Boolean).map(v => t(String(v))).join(' ');
  return `${t(e.time)}  #${e.seq}  ${t(e.actor.identity)} (${t(e.actor.tool)})  ${t(e.action)}  ${what}  ${t(e.outcome)}`;
}

/** The verify report as text lines (the JSON form is the report itself). */
export function verifyReportText(file: string, exists: boolean, report: AuditVerifyReport, own: { keyId: string } | undefined): string {
  const lines = [exists
    ? l10n.t('{0}: {1} entries, {2} signed checkpoint(s)', file, report.entries, report.checkpoints.count)
    : l10n.t('{0}: no audit log yet (nothing has been recorded on this machine)', file)];
  for (const k of report.checkpoints.keys) lines.push(l10n.t('checkpoint key {0} (Ed25519 public key {1}), first used at line {2}', k.keyId, k.publicKey, k.firstLine));
  if (own) lines.push(l10n.t('this machine\'s signing key: {0} — keep a copy of the public key elsewhere and pass it with --trust to detect a replaced key', own.keyId));
  if (report.unsignedEntries === 1) lines.push(l10n.t('1 entry after the last checkpoint (protected by the hash chain only; "audit checkpoint" signs them)'));
  else if (report.unsignedEntries > 1) lines.push(l10n.t('{0} entries after the last checkpoint (protected by the hash chain only; "audit checkpoint" signs them)', report.unsignedEntries));
  for (const p of report.problems) lines.push(l10n.t('line {0}: {1}: {2}', p.line, p.kind, forTerminal(p.message)));
  if (report.problemsTruncated) lines.push(l10n.t('(more problems not listed)'));
  lines.push(report.ok ? l10n.t('OK: the audit log is intact.')
    : report.problemsTruncated ? l10n.t('TAMPERED: {0}+ problem(s).', report.problems.length) : l10n.t('TAMPERED: {0} problem(s).', report.problems.length));
  return `${lines.join('\n')}\n`;
}

/** `2026-11-01` or a full ISO time; a date-only `until` includes that whole day. Throws with `what` named. */
export function parseAuditDate(value: string | undefined, what: string, endOfDay = false): Date | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(d.getTime())) throw new RangeError(l10n.t('{0} must be a date like 2026-11-01 or an ISO time, got "{1}"', what, value));
  if (dateOnly && endOfDay) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export function auditFilterFrom(values: { project?: string; actor?: string; action?: string; since?: string; until?: string }): AuditFilter {
  return {
    project: values.project, actor: values.actor, action: values.action,
    since: parseAuditDate(values.since, '--since'), until: parseAuditDate(values.until, '--until', true),
  };
}

/** What the editor says after "Verify": intact with its figures, or the first problems found. */
export function verifySummary(report: AuditVerifyReport): string {
  const keys = report.checkpoints.keys.map(k => k.keyId).join(', ');
  if (report.ok) {
    return keys
      ? l10n.t('The audit log is intact: {0} entries, hash chain unbroken, checkpoints signed by key {1}.', report.entries, keys)
      : l10n.t('The audit log is intact: {0} entries, hash chain unbroken.', report.entries);
  }
  const first = report.problems.slice(0, 3).map(p => p.message).join(' ');
  return report.problems.length > 3
    ? l10n.t('The audit log was tampered with: {0} (+{1} more)', first, report.problems.length - 3)
    : l10n.t('The audit log was tampered with: {0}', first);
}

/** An export's date range (UTC days, both included) as a filter; checkpoints are exported too. */
export function exportFilter(since: string | undefined, until: string | undefined): AuditFilter {
  return {
    hideCheckpoints: false,
    ...(since ? { since: parseAuditDate(since, 'from') } : {}),
    ...(until ? { until: parseAuditDate(until, 'until', true) } : {}),
  };
}

/** The facets the view can filter by, with the values present in the log. */
export function filterFacets(facets: { projects: string[]; actors: string[]; actions: string[] }): { label: string; description: string; values: string[]; key: 'project' | 'actor' | 'action' }[] {
  return ([[l10n.t('Project'), facets.projects, 'project'], [l10n.t('Actor'), facets.actors, 'actor'], [l10n.t('Action'), facets.actions, 'action']] as const)
    .filter(([, values]) => values.length > 0)
    .map(([label, values, key]) => ({ label, values: [...values], key, description: l10n.t('{0} value(s)', values.length) }));
}
