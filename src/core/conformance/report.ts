// The conformance report as terminal lines. JSON is the report object itself (types.ts).
import { forTerminal } from '../display/terminal';
import type { CheckResult, ConformanceReport } from './types';

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

export function formatCheck(c: CheckResult): string {
  const time = c.status === 'skip' && c.ms === 0 ? '' : ` (${formatMs(c.ms)})`;
  const plans = c.plans ? ` — available on ${c.plans}` : '';
  return `${MARK[c.status]}  ${c.title}${time}: ${forTerminal(c.detail)}${plans}\n`;
}

export function formatSummary(r: ConformanceReport): string {
  const lines: string[] = [];
  if (r.cleanup.removed.length) lines.push(`Cleanup: ${r.cleanup.removed.length} object(s) removed.`, ...r.cleanup.removed.map(x => `  - ${forTerminal(x)}`));
  else lines.push('Cleanup: nothing was left to remove.');
  for (const p of r.cleanup.problems) lines.push(`Cleanup problem: ${forTerminal(p)}`);
  for (const n of r.cleanup.notes) lines.push(`Note: ${forTerminal(n)}`);
  if (r.stopped) lines.push(`Stopped early: ${forTerminal(r.stopped)}`);
  lines.push(`${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
