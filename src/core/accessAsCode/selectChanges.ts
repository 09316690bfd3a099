// The changes an apply runs: all of the plan's, or the chosen ones ("Apply this change") with what
// they need first — a project role for someone not yet in the organization needs their SCIM add.
import type { PlanChange } from './planTypes';

export function selectChanges(changes: readonly PlanChange[], only: readonly string[] | undefined): PlanChange[] {
  if (!only) return [...changes];
  const chosen = changes.filter(c => only.includes(c.id));
  const emails = new Set(chosen.filter(c => c.kind === 'projectRole.set').map(c => c.email?.toLowerCase()));
  return changes.filter(c => chosen.includes(c) || (c.kind === 'member.add' && emails.has(c.email?.toLowerCase())));
}
