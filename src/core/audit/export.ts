import type { AuditEntry } from './entry';

export type AuditExportFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = [
  'seq', 'time', 'actor', 'machine', 'tool', 'version', 'action', 'outcome',
  'resource_kind', 'resource_id', 'resource_name', 'project', 'organization', 'connection', 'host',
  'details', 'hash',
] as const;

function csvRow(entry: AuditEntry): string[] {
  const r = entry.resource;
  return [
    String(entry.seq), entry.time, entry.actor.identity, entry.actor.machine, entry.actor.tool, entry.actor.version,
    entry.action, entry.outcome, r.kind, r.id ?? '', r.name ?? '', r.project ?? '', r.organization ?? '',
    r.connection ?? '', r.host ?? '', JSON.stringify(entry.details), entry.hash,
  ];
}

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe, because audit fields such as notes and names come from users.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Entries in the order given (callers pass oldest first for an export). Each line ends with a newline. */
export function formatAuditExport(entries: Iterable<AuditEntry>, format: AuditExportFormat): string {
  const out: string[] = [];
  if (format === 'csv') out.push(CSV_COLUMNS.join(','));
  for (const entry of entries) out.push(format === 'csv' ? csvRow(entry).map(csvCell).join(',') : JSON.stringify(entry));
  return out.length ? `${out.join('\n')}\n` : '';
}
