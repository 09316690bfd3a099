// What every rendering of a plan shares: changes grouped by project (the organization first), the
// words for each kind of change and verdict, and the one-line summary.
import type { AccessPlan, ChangeKind, PlanChange } from '../planTypes';
import { summarize } from '../planTypes';
import { l10n } from '../../l10n/l10n';

export interface ChangeGroup { title: string; changes: PlanChange[] }

export function groupChanges(changes: readonly PlanChange[]): ChangeGroup[] {
  // Keyed by project ('' for the organization, which comes first), titled in the user's language.
  const groups = new Map<string, PlanChange[]>();
  for (const c of changes) groups.set(c.project ?? '', [...(groups.get(c.project ?? '') ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([project, list]) => ({ title: project === '' ? l10n.t('Organization') : l10n.t('Project {0}', project), changes: list }));
}

/** The kind of a change in words (a drift finding names it). */
export function kindWord(kind: ChangeKind): string {
  switch (kind) {
    case 'member.add': return l10n.t('add member');
    case 'member.role': return l10n.t('organization role');
    case 'member.remove': return l10n.t('remove member');
    case 'projectRole.set': return l10n.t('project role');
    case 'projectRole.clear': return l10n.t('clear project role');
    case 'key.create': return l10n.t('create key');
    case 'key.rotate': return l10n.t('rotate key');
    case 'key.revoke': return l10n.t('revoke key');
  }
}

/** `+` adds, `~` changes, `-` destroys (Terraform's marks). */
export function mark(c: PlanChange): '+' | '~' | '-' {
  if (c.destroy) return '-';
  return c.kind === 'member.add' || c.kind === 'key.create' ? '+' : '~';
}

/** What the guard says about a change: the refusal's reason, or its conditions; undefined when simply allowed. */
export function verdictNote(c: PlanChange, destroyHint: string): string | undefined {
  if (c.verdict.status === 'refused') return c.verdict.reason ?? c.verdict.rule;
  const parts: string[] = [];
  if (c.verdict.status === 'confirm-twice') parts.push(l10n.t('asks twice (OWNER/ADMIN grant)'));
  if (c.destroy) parts.push(destroyHint);
  return parts.length ? parts.join('; ') : undefined;
}

export function summaryLine(plan: Pick<AccessPlan, 'changes'>): string {
  const s = summarize(plan);
  if (s.total === 0) return l10n.t('No changes. The organization matches the file.');
  return s.refused
    ? l10n.t('Plan: {0} to add, {1} to change, {2} to destroy ({3} refused by the guards).', s.add, s.change, s.destroy, s.refused)
    : l10n.t('Plan: {0} to add, {1} to change, {2} to destroy.', s.add, s.change, s.destroy);
}
