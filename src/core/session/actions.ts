// The mutating actions of both edges, as plain data. An edge gathers the input (which member, which
// role) and hands one of these to the session; the session resolves names from the live state,
// decides, confirms, performs and audits.
import type { Role } from '../langfuse/roles';

export type SessionAction =
  | { kind: 'member.add'; email: string; role: Role }
  | { kind: 'member.changeRole'; userId: string; to: Role }
  | { kind: 'member.remove'; userId: string }
  | { kind: 'projectRole.set'; projectId: string; userId: string; to: Role }
  | { kind: 'projectRole.clear'; projectId: string; userId: string }
  | { kind: 'apiKey.create'; projectId: string; note: string }
  /** `discarded`: the key was created moments ago and the user did not keep its secret. */
  | { kind: 'apiKey.revoke'; projectId: string; keyId: string; discarded?: boolean }
  /** Projects: the conformance suite's throwaway project (Langfuse's POST/DELETE /api/public/projects). */
  | { kind: 'project.create'; name: string }
  | { kind: 'project.delete'; projectId: string };

export type SessionActionKind = SessionAction['kind'];

/** The project an action touches, if any. */
export function projectOf(action: SessionAction): string | undefined {
  return 'projectId' in action ? action.projectId : undefined;
}
