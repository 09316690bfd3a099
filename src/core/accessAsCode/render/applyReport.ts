// What an apply did, for a terminal or a Markdown document: every change with its outcome (done,
// already as declared, moved since the plan, refused, skipped, waiting, failed, not started), what an
// interrupted earlier apply had done, rotations it resumed, and drift the saved plan did not contain.
import { escapeMarkdown } from '../../display/markdown';
import { forTerminal } from '../../display/terminal';
import type { ApplyEntry, EntryState } from '../applyJournal';
import { needsAllowDestroy, type ApplyReport } from '../applyAccess';
import { l10n } from '../../l10n/l10n';

/** A change's outcome in words. */
export function stateWord(state: EntryState): string {
  switch (state) {
    case 'pending': return l10n.t('not started');
    case 'started': return l10n.t('in flight');
    case 'done': return l10n.t('done');
    case 'failed': return l10n.t('FAILED');
    case 'refused': return l10n.t('refused');
    case 'skipped': return l10n.t('skipped');
    case 'moved': return l10n.t('refused (moved since the plan)');
    case 'already': return l10n.t('already as declared');
    case 'cancelled': return l10n.t('cancelled');
    case 'waiting': return l10n.t('waiting');
  }
}

export function applyHeadline(r: ApplyReport): string {
  if (r.message) return l10n.t('Apply refused: {0}', r.message);
  const done = r.entries.filter(e => e.state === 'done').length;
  switch (r.status) {
    case 'nothing': return l10n.t('Nothing to apply: the organization matches the file.');
    case 'cancelled': return l10n.t('Nothing was changed: the plan was not confirmed.');
    case 'applied': return r.resumed.length ? l10n.t('Applied: {0} change(s) done, {1} interrupted rotation(s) finished.', done, r.resumed.length) : l10n.t('Applied: {0} change(s) done.', done);
    default: return l10n.t('Apply incomplete: {0} of {1} change(s) done; see below.', done, r.entries.length);
  }
}

export function renderApplyText(r: ApplyReport): string {
  const t = forTerminal;
  const out: string[] = [];
  for (const rec of r.recovered) {
    out.push(l10n.t('An earlier apply ({0}, {1}, started {2}) was interrupted. What it did:', t(rec.journal.id), t(rec.journal.tool), rec.journal.createdAt));
    for (const e of rec.entries) out.push(`  ${line(e, t)}`);
  }
  for (const x of r.resumed) out.push(`${l10n.t('Resumed rotation {0}: {1}', t(x.rotationId), stateWord(x.state))}${x.why ? ` — ${t(x.why)}` : ''}`);
  if (r.entries.length) out.push(r.journalId ? l10n.t('Apply {0}:', t(r.journalId)) : l10n.t('Changes:'));
  for (const e of r.entries) out.push(`  ${line(e, t)}`);
  if (r.newDrift.length) {
    out.push(l10n.t('Drift that is not in the saved plan (not applied; plan again to review it):'));
    for (const d of r.newDrift) out.push(`  ~ ${t(d)}`);
  }
  out.push(applyHeadline(r));
  if (r.entries.some(e => e.state === 'moved')) out.push(l10n.t('Someone changed access since the plan was made: plan again, review, then apply.'));
  if (r.entries.some(e => e.state === 'skipped' && e.why === needsAllowDestroy())) out.push(l10n.t('Revokes and removals were left out: apply again with --allow-destroy to run them.'));
  return `${out.join('\n')}\n`;
}

export function renderApplyMarkdown(r: ApplyReport): string {
  const out: string[] = [`### ${escapeMarkdown(applyHeadline(r))}`, ''];
  for (const rec of r.recovered) {
    out.push(l10n.t('An earlier apply ({0}, started {1}) was interrupted. What it did:', escapeMarkdown(rec.journal.id), escapeMarkdown(rec.journal.createdAt)), '');
    for (const e of rec.entries) out.push(`- ${line(e, escapeMarkdown)}`);
    out.push('');
  }
  for (const x of r.resumed) out.push(`- ${l10n.t('Resumed rotation {0}: {1}', escapeMarkdown(x.rotationId), stateWord(x.state))}${x.why ? ` — ${escapeMarkdown(x.why)}` : ''}`);
  if (r.entries.length) out.push(`| ${l10n.t('Change')} | ${l10n.t('Outcome')} |`, '|---|---|', ...r.entries.map(e => `| ${escapeMarkdown(e.summary)} | ${stateWord(e.state)}${e.why ? `: ${escapeMarkdown(e.why)}` : ''} |`));
  if (r.newDrift.length) out.push('', l10n.t('Drift not in the reviewed plan (not applied):'), '', ...r.newDrift.map(d => `- ${escapeMarkdown(d)}`));
  return `${out.join('\n')}\n`;
}

function line(e: ApplyEntry, esc: (s: string) => string): string {
  return `[${stateWord(e.state)}] ${esc(e.summary)}${e.why ? ` — ${esc(e.why)}` : ''}`;
}
