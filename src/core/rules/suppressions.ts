// `ignore: [{ file, rule, reason }]` in the access file silences a finding for matching files.
import type { LoadedAccessFile } from '../access/accessFile';
import { matchesPattern, relativeToAccessRoot } from '../access/environmentMatch';
import type { Finding } from './finding';
import { l10n } from '../l10n/l10n';

export interface SuppressedFinding extends Finding {
  suppressionReason: string;
}

/** Adds the "ignore this finding" fix, which records the rule for this file in the access file. */
export function addIgnoreFix(f: Finding, access: LoadedAccessFile | undefined): void {
  const rel = access?.config ? relativeToAccessRoot(access, f.file) : undefined;
  if (!access || rel === undefined || f.fixes.some(x => x.kind === 'ignoreFinding')) return;
  f.fixes.push({ kind: 'ignoreFinding', title: l10n.t('Ignore "{0}" for {1}…', f.code, rel), accessFile: access.path, file: rel, rule: f.code });
}

export function splitSuppressed(findings: Finding[], access: LoadedAccessFile | undefined): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const entries = access?.config?.ignore ?? [];
  if (!access || entries.length === 0) return { kept: findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const rel = relativeToAccessRoot(access, f.file);
    const entry = rel === undefined ? undefined : entries.find(e => e.rule === f.code && matchesPattern(rel, e.file));
    if (entry) suppressed.push({ ...f, suppressionReason: entry.reason });
    else kept.push(f);
  }
  return { kept, suppressed };
}
