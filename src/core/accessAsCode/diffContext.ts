// What the diff needs besides the declaration and the live state, and the small builders every
// part of the diff shares (a change with its verdict still open, a note).
import type { Membership } from '../langfuse/schemas';
import type { PlanChange, PlanNote } from './planTypes';

export interface DiffContext {
  now: Date;
  /** The rotation policy: the file's `rotation.maxAgeDays`, else the user's setting (default 90). */
  maxAgeDays: number;
  /** Unfinished rotations (both tools'): their keys are left to the rotation, not planned again. */
  rotationsInProgress: readonly RotationInProgress[];
}

/** An unfinished rotation: the keys it replaces or made, and the declared key it creates (`creates`). */
export interface RotationInProgress {
  id: string;
  project: string;
  publicKeys: readonly string[];
  creates?: string;
}

/** A change before the guards ran and before it got its place in the file. */
export type DraftChange = Omit<PlanChange, 'verdict' | 'at'> & { path: PropertyKey[] };
export type DraftNote = Omit<PlanNote, 'at'> & { path?: PropertyKey[] };

export interface DiffOutput {
  changes: DraftChange[];
  warnings: DraftNote[];
  unmanaged: DraftNote[];
}

export function emptyOutput(): DiffOutput {
  return { changes: [], warnings: [], unmanaged: [] };
}

/** Live members by lower-cased email (Langfuse lower-cases SCIM user names). */
export function membersByEmail(members: readonly Membership[]): Map<string, Membership> {
  const map = new Map<string, Membership>();
  for (const m of members) if (m.email) map.set(m.email.toLowerCase(), m);
  return map;
}

export function who(m: Pick<Membership, 'email' | 'name' | 'userId'>): string {
  return m.email ?? m.name ?? m.userId;
}
