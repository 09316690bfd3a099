// Checks a rotation plan must pass before anything is created: the workspace's trust, the old key's
// presence in its project (and, when it is gone, why), all without side effects.
import { l10n } from '../l10n/l10n';
import type { LangfuseClient } from '../langfuse';
import { parseSinkTarget } from '../secrets/spec';
import { RotationInputError } from './errors';
import type { RotationJournal } from './journal';
import { auditEntriesOf, keyHistory, missingKeyMessage, type KeyHistory } from './keyHistory';

/** The old key is not among its project's keys; `history` says what this machine knows about it. */
export class RotationKeyGoneError extends RotationInputError {
  constructor(readonly history: KeyHistory, message: string) { super(message); }
}


/**
 * Why no rotation command runs in an untrusted workspace (undefined when trusted). The whole command is
 * refused, before any question or request: a rotation offered there would read the key being rotated,
 * its targets and its references from files a cloned repository controls.
 */
export function restrictedModeRotationRefusal(trusted: boolean): string | undefined {
  if (trusted) return undefined;
  return l10n.t('Key rotation is not available in Restricted Mode: this workspace is not trusted, so no rotation reads a secret from its files, writes a new key into them or rolls them back. Trust the workspace (Manage Workspace Trust) to rotate, resume or abort, or use the CLI ({0}) on paths you name.', 'langfuse-access rotate');
}

/** In an untrusted workspace `.env` targets are refused: their secret would be read and tested, and the new key written there. */
export function refuseUntrustedTargets(targets: readonly string[], trusted: boolean): void {
  if (trusted) return;
  const files = targets.filter(t => ['env', 'access'].includes(parseSinkTarget(t).kind));
  if (files.length === 0) return;
  throw new RotationInputError(l10n.t('This workspace is in Restricted Mode (not trusted): the rotation neither reads a secret from its files nor writes the new key into them. Refusing {0}. Trust the workspace (Manage Workspace Trust) to rotate into its .env files, or choose a secret-manager target ({1}).', files.join(', '), 'secretstorage, aws-sm:, pass:, vault:'));
}

/**
 * The old key's id in its project. When the project does not list it, the refusal names the rotation
 * on this machine that revoked it, the project that does hold it, or says it was revoked or deleted in
 * Langfuse, with what this machine last knew.
 */
export async function oldKeyOf(admin: LangfuseClient, project: { id: string; name: string }, publicKey: string, stateDir: string, journals: readonly RotationJournal[]): Promise<{ id: string; note: string | null }> {
  const key = (await admin.projectApiKeys.list(project.id)).find(k => k.publicKey === publicKey);
  if (key) return { id: key.id, note: key.note ?? null };
  const history = keyHistory(publicKey, journals, auditEntriesOf(stateDir));
  let otherProject: string | undefined;
  if (!history.revokedBy) {
    for (const p of await admin.projects.list()) {
      if (p.id !== project.id && (await admin.projectApiKeys.list(p.id)).some(k => k.publicKey === publicKey)) { otherProject = p.name; break; }
    }
  }
  throw new RotationKeyGoneError(history, missingKeyMessage(history, project.name, { otherProject }));
}
