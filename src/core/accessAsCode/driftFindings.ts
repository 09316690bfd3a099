// The plan as findings on the access file, for the editor: one per change on the line of the
// declaration it comes from ("live: ADMIN, declared: MEMBER"), one per warning that has a line, with
// the hover text and what the quick fixes may do. Plain data; the extension maps it to diagnostics.
import { escapeMarkdown, markdownCode } from '../display/markdown';
import type { AccessPlan, PlanChange } from './planTypes';
import { kindWord, verdictNote } from './render/groups';
import { l10n } from '../l10n/l10n';

export interface DriftFinding {
  /** 0-based, as editors count. */
  line: number;
  column: number;
  severity: 'warning' | 'info' | 'error';
  message: string;
  /** `access-drift/<kind>` or `access-note`. */
  code: string;
  /** Markdown for the hover: live and declared value, the change, the guard. */
  hover: string;
  changeId?: string;
  /** "Apply this change" is offered (the guards allow it). */
  canApply: boolean;
}

export function driftFindings(plan: AccessPlan): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const c of plan.changes) {
    if (!c.at) continue;
    const refused = c.verdict.status === 'refused';
    out.push({
      line: c.at.line - 1, column: c.at.column - 1,
      severity: refused ? 'error' : 'warning',
      message: refused
        ? l10n.t('Drift ({0}): live: {1}, declared: {2}. {3} Refused: {4}', kindWord(c.kind), c.from, c.to, c.summary, c.verdict.reason ?? c.verdict.rule)
        : l10n.t('Drift ({0}): live: {1}, declared: {2}. {3}', kindWord(c.kind), c.from, c.to, c.summary),
      code: `access-drift/${c.kind}`,
      hover: hoverOf(c),
      changeId: c.id,
      canApply: !refused,
    });
  }
  for (const n of plan.warnings) {
    if (!n.at) continue;
    out.push({ line: n.at.line - 1, column: n.at.column - 1, severity: 'info', message: n.message, code: 'access-note', hover: escapeMarkdown(n.message), canApply: false });
  }
  return out;
}

function hoverOf(c: PlanChange): string {
  return [
    `**Langfuse Access — ${escapeMarkdown(kindWord(c.kind))}**`,
    '',
    l10n.t('Live: {0} · declared: {1}', markdownCode(c.from), markdownCode(c.to)),
    '',
    escapeMarkdown(c.summary),
    '',
    guardLine(c),
  ].join('\n');
}

function guardLine(c: PlanChange): string {
  const note = verdictNote(c, l10n.t('a revoke or removal: applied only after its own confirmation'));
  if (note === undefined) return l10n.t('Guard: allowed');
  return c.verdict.status === 'refused' ? l10n.t('Guard: refused: {0}', escapeMarkdown(note)) : l10n.t('Guard: {0}', escapeMarkdown(note));
}
