// An access file comes from a repository: in an untrusted workspace (VS Code's Restricted Mode) it is
// neither planned against the live organization nor applied nor exported into. The CLI has no
// Restricted Mode (the user runs it on a file they name), so its port says trusted.
import type { Session } from '../session/session';

export const RESTRICTED_ACCESS_REASON = 'This workspace is in Restricted Mode (not trusted): its access file is not planned, applied or exported into, because a cloned repository must not steer changes to your organization. Trust the workspace (Manage Workspace Trust) to use access as code.';

export class UntrustedWorkspaceError extends Error {
  constructor(what: string) { super(`${what}: ${RESTRICTED_ACCESS_REASON}`); }
}

export function workspaceTrusted(session: Session): boolean {
  return session.host.port.workspaceTrusted?.() ?? true;
}

export function refuseUntrusted(session: Session, what: string): void {
  if (!workspaceTrusted(session)) throw new UntrustedWorkspaceError(what);
}
