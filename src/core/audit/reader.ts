import * as fs from 'node:fs';
import { splitLine } from './chain';
import { AuditEntry } from './entry';

export interface AuditFilter {
  /** Project id or name (matches `resource.project`). */
  project?: string;
  /** Acting identity (matches `actor.identity`, case-insensitive). */
  actor?: string;
  /** Exact action, or a prefix ending in `.` / `*` (e.g. `apiKey.` or `apiKey.*`). */
  action?: string;
  /** Inclusive lower bound (ISO time or date). */
  since?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  /** Leave out signed checkpoints (`audit.checkpoint`). */
  hideCheckpoints?: boolean;
}

export interface AuditReadResult {
  /** Newest first. */
  entries: AuditEntry[];
  /** Lines that are not valid entries (verify says why); they are skipped, never guessed at. */
  unreadableLines: number[];
  /** More entries matched than `limit`. */
  truncated: boolean;
}

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.hideCheckpoints && entry.action === 'audit.checkpoint') return false;
  if (filter.project && entry.resource.project !== filter.project) return false;
  if (filter.actor && entry.actor.identity.toLowerCase() !== filter.actor.toLowerCase()) return false;
  if (filter.action) {
    const a = filter.action;
    const prefix = a.endsWith('*') ? a.slice(0, -1) : a.endsWith('.') ? a : undefined;
    if (prefix !== undefined ? !entry.action.startsWith(prefix) : entry.action !== a) return false;
  }
  if (filter.since || filter.until) {
    const t = Date.parse(entry.time);
    if (filter.since && !(t >= filter.since.getTime())) return false;
    if (filter.until && !(t < filter.until.getTime())) return false;
  }
  return true;
}

/** Parses one line into an entry, or undefined when it is not a valid entry. */
export function parseEntryLine(line: string): AuditEntry | undefined {
  if (!splitLine(line)) return undefined;
  try {
    const parsed = AuditEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the audit log newest first, keeping entries that match the filter (at most `limit`).
 * A missing log reads as empty.
 */
export function readAuditLog(file: string, filter: AuditFilter = {}, limit = Infinity): AuditReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadableLines: [], truncated: false };
    throw err;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: AuditEntry[] = [];
  const unreadableLines: number[] = [];
  let truncated = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const entry = parseEntryLine(lines[i]);
    if (!entry) {
      unreadableLines.push(i + 1);
      continue;
    }
    if (!matchesFilter(entry, filter)) continue;
    if (entries.length >= limit) {
      truncated = true;
      break;
    }
    entries.push(entry);
  }
  return { entries, unreadableLines: unreadableLines.reverse(), truncated };
}

/** Values present in the log, for the filter pickers of the Audit log view. */
export function auditFacets(entries: readonly AuditEntry[]): { projects: string[]; actors: string[]; actions: string[] } {
  const sorted = (values: Iterable<string | undefined>): string[] => [...new Set([...values].filter((v): v is string => Boolean(v)))].sort();
  return {
    projects: sorted(entries.map(e => e.resource.project)),
    actors: sorted(entries.map(e => e.actor.identity)),
    actions: sorted(entries.map(e => e.action)),
  };
}
