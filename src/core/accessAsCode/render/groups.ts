// What every rendering of a plan shares: changes grouped by project (the organization first), the
// words for each kind of change and verdict, and the one-line summary.
import type { AccessPlan, ChangeKind, PlanChange } from '../planTypes';
import { summarize } from '../planTypes';

export interface ChangeGroup { title: string; changes: PlanChange[] }

export function groupChanges(changes: readonly PlanChange[]): ChangeGroup[] {
  const groups = new Map<string, PlanChange[]>();
  for (const c of changes) {
    const title = c.project === undefined ? 'Organization' : `Project ${c.project}`;
    groups.set(title, [...(groups.get(title) ?? []), c]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === 'Organization' ? -1 : b === 'Organization' ? 1 : a.localeCompare(b))).map(([title, list]) => ({ title, changes: list }));
}

export const KIND_WORD: Record<ChangeKind, string> = {
  'member.add': 'add member', 'member.role': 'organization role', 'member.remove': 'remove member',
  'projectRole.set': 'project role', 'projectRole.clear': 'clear project role',
  'key.create': 'create key', 'key.rotate': 'rotate key', 'key.revoke': 'revoke key',
};

/** `+` adds, `~` changes, `-` destroys (Terraform's marks). */
export function mark(c: PlanChange): '+' | '~' | '-' {
  if (c.destroy) return '-';
  return c.kind === 'member.add' || c.kind === 'key.create' ? '+' : '~';
}

export function verdictText(c: PlanChange, destroyHint: string): string {
  if (c.verdict.status === 'refused') return `refused: ${c.verdict.reason ?? c.verdict.rule}`;
  const parts: string[] = [];
  if (c.verdict.status === 'confirm-twice') parts.push('asks twice (OWNER/ADMIN grant)');
  if (c.destroy) parts.push(destroyHint);
  return parts.length ? parts.join('; ') : 'allowed';
}

export function summaryLine(plan: Pick<AccessPlan, 'changes'>): string {
  const s = summarize(plan);
  if (s.total === 0) return 'No changes. The organization matches the file.';
  return `Plan: ${s.add} to add, ${s.change} to change, ${s.destroy} to destroy${s.refused ? ` (${s.refused} refused by the guards)` : ''}.`;
}
