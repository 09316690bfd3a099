// The plan for a terminal: grouped by project, one line per change with its mark, the exact change,
// the guard's verdict and the file line. Every value from outside is escaped (one value, one line).
import * as path from 'node:path';
import { forTerminal } from '../../display/terminal';
import type { AccessPlan } from '../planTypes';
import { groupChanges, mark, summaryLine, verdictNote } from './groups';

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
    `Access plan for ${t(file)}: connection ${t(plan.connection.id ?? '(environment)')} (${t(plan.connection.host)}), acting as ${t(plan.actingAs ?? '(nobody: set LANGFUSE_ACCESS_ACTING_AS)')}`,
    `Live state ${plan.fingerprint.slice(0, 19)}…, read ${plan.liveReadAt}`,
  ];
  for (const g of groupChanges(plan.changes)) {
    out.push('', t(g.title));
    for (const c of g.changes) {
      out.push(`  ${mark(c)} ${t(c.summary)}${where(c.at?.line)}`);
      const note = verdictNote(c, options.destroyHint ?? 'needs --allow-destroy');
      if (note !== undefined) out.push(`      ${c.verdict.status === 'refused' ? 'REFUSED' : 'note'}: ${t(note)}`);
    }
  }
  if (plan.warnings.length) {
    out.push('', 'Warnings');
    for (const w of plan.warnings) out.push(`  ! ${t(w.message)}${where(w.at?.line)}`);
  }
  if (plan.unmanaged.length) {
    const shown = options.verbose ? plan.unmanaged : plan.unmanaged.slice(0, 5);
    out.push('', `Not managed by the file (left alone): ${plan.unmanaged.length}`);
    for (const u of shown) out.push(`  · ${t(u.message)}`);
    if (shown.length < plan.unmanaged.length) out.push(`  · … and ${plan.unmanaged.length - shown.length} more (--verbose lists them all)`);
  }
  out.push('', summaryLine(plan));
  return `${out.join('\n')}\n`;
}
