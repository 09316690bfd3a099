// The conformance report as terminal lines. JSON is the report object itself (types.ts).
import { forTerminal } from '../display/terminal';
import { l10n } from '../l10n/l10n';
import type { CheckResult, ConformanceReport } from './types';

// The marks stay as written: scripts grep for them, like the check ids.
const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

export function formatCheck(c: CheckResult): string {
  const time = c.status === 'skip' && c.ms === 0 ? '' : ` (${formatMs(c.ms)})`;
  const detail = c.plans ? l10n.t('{0} — available on {1}', forTerminal(c.detail), c.plans) : forTerminal(c.detail);
  return `${MARK[c.status]}  ${c.title}${time}: ${detail}\n`;
}

export function formatSummary(r: ConformanceReport): string {
  const lines: string[] = [];
  if (r.cleanup.removed.length) lines.push(l10n.t('Cleanup: {0} object(s) removed.', r.cleanup.removed.length), ...r.cleanup.removed.map(x => `  - ${forTerminal(x)}`));
  else lines.push(l10n.t('Cleanup: nothing was left to remove.'));
  for (const p of r.cleanup.problems) lines.push(l10n.t('Cleanup problem: {0}', forTerminal(p)));
  for (const n of r.cleanup.notes) lines.push(l10n.t('Note: {0}', forTerminal(n)));
  if (r.stopped) lines.push(l10n.t('Stopped early: {0}', forTerminal(r.stopped)));
  lines.push(l10n.t('{0} passed, {1} failed, {2} skipped', r.summary.passed, r.summary.failed, r.summary.skipped));
  return `${lines.join('\n')}\n`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
