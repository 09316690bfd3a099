// An access file comes from a repository: in an untrusted workspace (VS Code's Restricted Mode) it is
// neither planned against the live organization nor applied nor exported into. The CLI has no
// Restricted Mode (the user runs it on a file they name), so its port says trusted.
import { l10n } from '../l10n/l10n';
import type { Session } from '../session/session';

/** Why an untrusted workspace's access file is left alone (translated when shown). */
export function restrictedAccessReason(): string {
  return l10n.t('This workspace is in Restricted Mode (not trusted): its access file is not planned, applied or exported into, because a cloned repository must not steer changes to your organization. Trust the workspace (Manage Workspace Trust) to use access as code.');
}

export type RefusedStep = 'plan' | 'apply' | 'export';

export class UntrustedWorkspaceError extends Error {
  constructor(step: RefusedStep) { super(untrustedRefusal(step)); }
}

function untrustedRefusal(step: RefusedStep): string {
  const reason = restrictedAccessReason();
  switch (step) {
    case 'plan': return l10n.t('Plan refused: {0}', reason);
    case 'apply': return l10n.t('Apply refused: {0}', reason);
    case 'export': return l10n.t('Export refused: {0}', reason);
  }
}

export function workspaceTrusted(session: Session): boolean {
  return session.host.port.workspaceTrusted?.() ?? true;
}

export function refuseUntrusted(session: Session, step: RefusedStep): void {
  if (!workspaceTrusted(session)) throw new UntrustedWorkspaceError(step);
}
