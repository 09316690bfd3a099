// Where a report lives as a read-only virtual document: one address per report (a kind and an id),
// so opening it again shows its current content in the same tab instead of a new, unsaved document.
// The file name in the address is what the tab shows; names from servers and workspaces are made
// safe for it.

export type ReportLanguage = 'markdown' | 'json' | 'plaintext';

export interface ReportSpec {
  /** What the report is about, e.g. `explain` or `rotation`. */
  kind: string;
  /** Which one, e.g. a member's id or a rotation id: the same kind and id are the same document. */
  id: string;
  /** The tab's title, e.g. "Access of Alex Analyst". */
  title: string;
  language: ReportLanguage;
}

const EXTENSION: Record<ReportLanguage, string> = { markdown: 'md', json: 'json', plaintext: 'txt' };

/** A path segment or file name without separators, control characters or leading dots; at most `max` characters. */
export function safeName(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\:*?"<>|#%]+/g, ' ')
    .split(/\s+/).filter(word => !/^\.+$/.test(word)).join(' ').trim().replace(/^\.+/, '');
  return (cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned) || 'report';
}

/** `/explain/user-analyst/Access of Alex Analyst.md` */
export function reportPath(spec: ReportSpec): string {
  return `/${safeName(spec.kind, 40)}/${safeName(spec.id, 120)}/${safeName(spec.title)}.${EXTENSION[spec.language]}`;
}

/** The text shown when a report's address is opened but its content is gone (a window reload). */
export function unavailableReport(spec: Pick<ReportSpec, 'title'>): string {
  return `${spec.title}\n\nThis report was produced in an earlier session of the window. Run its command again to see it with current data.\n`;
}
