// The plan as Markdown that fits a pull-request comment: a headline with the counts, one table per
// group (change, live, declared, guard, line), warnings and unmanaged items folded away. Every value
// from outside is escaped, so a member's name or a key's note cannot become a link or break a table.
import * as path from 'node:path';
import { escapeMarkdown, markdownCode } from '../../display/markdown';
import { l10n } from '../../l10n/l10n';
import type { AccessPlan } from '../planTypes';
import { groupChanges, mark, summaryLine, verdictNote } from './groups';
import type { RenderOptions } from './text';

const ICON = { '+': '➕', '~': '✏️', '-': '🗑️' } as const;

export function renderMarkdown(plan: AccessPlan, options: RenderOptions): string {
  const file = (path.relative(options.cwd, plan.file) || plan.file).split(path.sep).join('/');
  const out: string[] = [
    `### ${l10n.t('Langfuse access plan — {0}', escapeMarkdown(summaryLine(plan)))}`,
    '',
    l10n.t('{0} against connection {1} ({2}), acting as {3} · live state {4} read {5}', markdownCode(file), markdownCode(plan.connection.id ?? l10n.t('(environment)')), markdownCode(plan.connection.host),
      markdownCode(plan.actingAs ?? l10n.t('(nobody)')), markdownCode(plan.fingerprint.slice(0, 19)), escapeMarkdown(plan.liveReadAt)),
  ];
  for (const g of groupChanges(plan.changes)) {
    out.push('', `#### ${escapeMarkdown(g.title)}`, '', `| | ${[l10n.t('Change'), l10n.t('Live'), l10n.t('Declared'), l10n.t('Guard'), l10n.t('Line')].join(' | ')} |`, '|---|---|---|---|---|---|');
    for (const c of g.changes) {
      const note = verdictNote(c, options.destroyHint ?? l10n.t('needs {0}', '`--allow-destroy`'));
      const guard = c.verdict.status === 'refused' ? `⛔ ${escapeMarkdown(l10n.t('refused: {0}', note ?? ''))}` : note === undefined ? `✅ ${l10n.t('allowed')}` : `⚠️ ${escapeMarkdown(note).replace(/\\`--allow-destroy\\`/, '`--allow-destroy`')}`;
      out.push(`| ${ICON[mark(c)]} | ${escapeMarkdown(c.summary)} | ${escapeMarkdown(c.from)} | ${escapeMarkdown(c.to)} | ${guard} | ${c.at?.line ?? ''} |`);
    }
  }
  if (plan.warnings.length) {
    out.push('', `<details><summary>⚠️ ${l10n.t('{0} warning(s)', plan.warnings.length)}</summary>`, '');
    for (const w of plan.warnings) out.push(`- ${w.at ? l10n.t('{0} (line {1})', escapeMarkdown(w.message), w.at.line) : escapeMarkdown(w.message)}`);
    out.push('', '</details>');
  }
  if (plan.unmanaged.length) {
    out.push('', `<details><summary>${l10n.t('{0} item(s) not managed by the file (left alone)', plan.unmanaged.length)}</summary>`, '');
    for (const u of plan.unmanaged.slice(0, options.verbose ? undefined : 50)) out.push(`- ${escapeMarkdown(u.message)}`);
    if (!options.verbose && plan.unmanaged.length > 50) out.push(`- ${l10n.t('… and {0} more', plan.unmanaged.length - 50)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
