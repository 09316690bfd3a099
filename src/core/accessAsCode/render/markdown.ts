// The plan as Markdown that fits a pull-request comment: a headline with the counts, one table per
// group (change, live, declared, guard, line), warnings and unmanaged items folded away. Every value
// from outside is escaped, so a member's name or a key's note cannot become a link or break a table.
import * as path from 'node:path';
import { escapeMarkdown, markdownCode } from '../../display/markdown';
import type { AccessPlan } from '../planTypes';
import { groupChanges, mark, summaryLine, verdictNote } from './groups';
import type { RenderOptions } from './text';

const ICON = { '+': '➕', '~': '✏️', '-': '🗑️' } as const;

export function renderMarkdown(plan: AccessPlan, options: RenderOptions): string {
  const file = (path.relative(options.cwd, plan.file) || plan.file).split(path.sep).join('/');
  const out: string[] = [
    `### Langfuse access plan — ${escapeMarkdown(summaryLine(plan))}`,
    '',
    `${markdownCode(file)} against connection ${markdownCode(plan.connection.id ?? '(environment)')} (${markdownCode(plan.connection.host)}), acting as ${markdownCode(plan.actingAs ?? '(nobody)')} · live state ${markdownCode(plan.fingerprint.slice(0, 19))} read ${escapeMarkdown(plan.liveReadAt)}`,
  ];
  for (const g of groupChanges(plan.changes)) {
    out.push('', `#### ${escapeMarkdown(g.title)}`, '', '| | Change | Live | Declared | Guard | Line |', '|---|---|---|---|---|---|');
    for (const c of g.changes) {
      const note = verdictNote(c, options.destroyHint ?? 'needs `--allow-destroy`');
      const guard = c.verdict.status === 'refused' ? `⛔ ${escapeMarkdown(`refused: ${note}`)}` : note === undefined ? '✅ allowed' : `⚠️ ${escapeMarkdown(note).replace(/\\`--allow-destroy\\`/, '`--allow-destroy`')}`;
      out.push(`| ${ICON[mark(c)]} | ${escapeMarkdown(c.summary)} | ${escapeMarkdown(c.from)} | ${escapeMarkdown(c.to)} | ${guard} | ${c.at?.line ?? ''} |`);
    }
  }
  if (plan.warnings.length) {
    out.push('', `<details><summary>⚠️ ${plan.warnings.length} warning(s)</summary>`, '');
    for (const w of plan.warnings) out.push(`- ${escapeMarkdown(w.message)}${w.at ? ` (line ${w.at.line})` : ''}`);
    out.push('', '</details>');
  }
  if (plan.unmanaged.length) {
    out.push('', `<details><summary>${plan.unmanaged.length} item(s) not managed by the file (left alone)</summary>`, '');
    for (const u of plan.unmanaged.slice(0, options.verbose ? undefined : 50)) out.push(`- ${escapeMarkdown(u.message)}`);
    if (!options.verbose && plan.unmanaged.length > 50) out.push(`- … and ${plan.unmanaged.length - 50} more`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
