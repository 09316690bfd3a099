// The plan for a terminal: grouped by project, one line per change with its mark, the exact change,
// the guard's verdict and the file line. Every value from outside is escaped (one value, one line).
import * as path from 'node:path';
import { forTerminal } from '../../display/terminal';
import type { AccessPlan } from '../planTypes';
import { groupChanges, mark, summaryLine, verdictNote } from './groups';
import { l10n } from '../../l10n/l10n';

export interface RenderOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** How destroys are allowed here: "needs --allow-destroy" (CLI), "asks separately" (editor). */
  destroyHint?: string;
  /** Unmanaged items listed one by one (default: counted, the first few shown). */
  verbose?: boolean;
}

export function renderText(plan: AccessPlan, options: RenderOptions): string {
  const t = forTerminal;
  const file = path.relative(options.cwd, plan.file) || plan.file;
  const where = (line?: number) => (line ? `  (${t(file)}:${line})` : '');
  const out: string[] = [
    l10n.t('Access plan for {0}: connection {1} ({2}), acting as {3}', t(file), t(plan.connection.id ?? l10n.t('(environment)')), t(plan.connection.host), t(plan.actingAs ?? l10n.t('(nobody: set {0})', 'LANGFUSE_ACCESS_ACTING_AS'))),
    l10n.t('Live state {0}…, read {1}', plan.fingerprint.slice(0, 19), plan.liveReadAt),
  ];
  for (const g of groupChanges(plan.changes)) {
    out.push('', t(g.title));
    for (const c of g.changes) {
      out.push(`  ${mark(c)} ${t(c.summary)}${where(c.at?.line)}`);
      const note = verdictNote(c, options.destroyHint ?? l10n.t('needs --allow-destroy'));
      if (note !== undefined) out.push(`      ${c.verdict.status === 'refused' ? l10n.t('REFUSED: {0}', t(note)) : l10n.t('note: {0}', t(note))}`);
    }
  }
  if (plan.warnings.length) {
    out.push('', l10n.t('Warnings'));
    for (const w of plan.warnings) out.push(`  ! ${t(w.message)}${where(w.at?.line)}`);
  }
  if (plan.unmanaged.length) {
    const shown = options.verbose ? plan.unmanaged : plan.unmanaged.slice(0, 5);
    out.push('', l10n.t('Not managed by the file (left alone): {0}', plan.unmanaged.length));
    for (const u of shown) out.push(`  · ${t(u.message)}`);
    if (shown.length < plan.unmanaged.length) out.push(`  · ${l10n.t('… and {0} more (--verbose lists them all)', plan.unmanaged.length - shown.length)}`);
  }
  out.push('', summaryLine(plan));
  return `${out.join('\n')}\n`;
}
