// What an apply did, for a terminal or a Markdown document: every change with its outcome (done,
// already as declared, moved since the plan, refused, skipped, waiting, failed, not started), what an
// interrupted earlier apply had done, rotations it resumed, and drift the saved plan did not contain.
import { escapeMarkdown } from '../../display/markdown';
import { forTerminal } from '../../display/terminal';
import type { ApplyEntry, EntryState } from '../applyJournal';
import type { ApplyReport } from '../applyAccess';

export const STATE_WORD: Record<EntryState, string> = {
  pending: 'not started', started: 'in flight', done: 'done', failed: 'FAILED', refused: 'refused', skipped: 'skipped',
  moved: 'refused (moved since the plan)', already: 'already as declared', cancelled: 'cancelled', waiting: 'waiting',
};

export function applyHeadline(r: ApplyReport): string {
  if (r.message) return `Apply refused: ${r.message}`;
  const done = r.entries.filter(e => e.state === 'done').length;
  switch (r.status) {
    case 'nothing': return 'Nothing to apply: the organization matches the file.';
    case 'cancelled': return 'Nothing was changed: the plan was not confirmed.';
    case 'applied': return `Applied: ${done} change(s) done${r.resumed.length ? `, ${r.resumed.length} interrupted rotation(s) finished` : ''}.`;
    default: return `Apply incomplete: ${done} of ${r.entries.length} change(s) done; see below.`;
  }
}

export function renderApplyText(r: ApplyReport): string {
  const t = forTerminal;
  const out: string[] = [];
  for (const rec of r.recovered) {
    out.push(`An earlier apply (${t(rec.journal.id)}, ${t(rec.journal.tool)}, started ${rec.journal.createdAt}) was interrupted. What it did:`);
    for (const e of rec.entries) out.push(`  ${line(e, t)}`);
  }
  for (const x of r.resumed) out.push(`Resumed rotation ${t(x.rotationId)}: ${STATE_WORD[x.state]}${x.why ? ` — ${t(x.why)}` : ''}`);
  if (r.entries.length) out.push(r.journalId ? `Apply ${t(r.journalId)}:` : 'Changes:');
  for (const e of r.entries) out.push(`  ${line(e, t)}`);
  if (r.newDrift.length) {
    out.push('Drift that is not in the saved plan (not applied; plan again to review it):');
    for (const d of r.newDrift) out.push(`  ~ ${t(d)}`);
  }
  out.push(applyHeadline(r));
  if (r.entries.some(e => e.state === 'moved')) out.push('Someone changed access since the plan was made: plan again, review, then apply.');
  if (r.entries.some(e => e.state === 'skipped' && e.why?.includes('--allow-destroy'))) out.push('Revokes and removals were left out: apply again with --allow-destroy to run them.');
  return `${out.join('\n')}\n`;
}

export function renderApplyMarkdown(r: ApplyReport): string {
  const out: string[] = [`### ${escapeMarkdown(applyHeadline(r))}`, ''];
  for (const rec of r.recovered) {
    out.push(`An earlier apply (${escapeMarkdown(rec.journal.id)}, started ${escapeMarkdown(rec.journal.createdAt)}) was interrupted. What it did:`, '');
    for (const e of rec.entries) out.push(`- ${line(e, escapeMarkdown)}`);
    out.push('');
  }
  for (const x of r.resumed) out.push(`- Resumed rotation ${escapeMarkdown(x.rotationId)}: ${STATE_WORD[x.state]}${x.why ? ` — ${escapeMarkdown(x.why)}` : ''}`);
  if (r.entries.length) out.push('| Change | Outcome |', '|---|---|', ...r.entries.map(e => `| ${escapeMarkdown(e.summary)} | ${STATE_WORD[e.state]}${e.why ? `: ${escapeMarkdown(e.why)}` : ''} |`));
  if (r.newDrift.length) out.push('', 'Drift not in the reviewed plan (not applied):', '', ...r.newDrift.map(d => `- ${escapeMarkdown(d)}`));
  return `${out.join('\n')}\n`;
}

function line(e: ApplyEntry, esc: (s: string) => string): string {
  return `[${STATE_WORD[e.state]}] ${esc(e.summary)}${e.why ? ` — ${esc(e.why)}` : ''}`;
}
