// Why a session action of a conformance check did not happen, as one whole sentence per action and
// outcome (a translator never receives "adding x" to splice into "… was refused"). `name` is data: an
// email, a project name or a masked public key.
import { l10n } from '../l10n/l10n';

export type Attempt =
  | { kind: 'member.add' | 'member.remove'; email: string }
  | { kind: 'projectRole.set' | 'projectRole.clear' | 'project.create' | 'project.delete' | 'apiKey.create'; project: string }
  | { kind: 'apiKey.revoke'; key: string };

/** The guard refused the action; `reason` is its (already translated) reason. */
export function refusedMessage(a: Attempt, reason: string): string {
  switch (a.kind) {
    case 'member.add': return l10n.t('adding {0} was refused: {1}', a.email, reason);
    case 'member.remove': return l10n.t('removing {0} was refused: {1}', a.email, reason);
    case 'projectRole.set': return l10n.t('setting a project role in {0} was refused: {1}', a.project, reason);
    case 'projectRole.clear': return l10n.t('clearing the project role in {0} was refused: {1}', a.project, reason);
    case 'project.create': return l10n.t('creating the project {0} was refused: {1}', a.project, reason);
    case 'project.delete': return l10n.t('deleting the project {0} was refused: {1}', a.project, reason);
    case 'apiKey.create': return l10n.t('creating a key in {0} was refused: {1}', a.project, reason);
    case 'apiKey.revoke': return l10n.t('revoking {0} was refused: {1}', a.key, reason);
  }
}

/** The action was allowed but its confirmation was declined. */
export function cancelledMessage(a: Attempt): string {
  switch (a.kind) {
    case 'member.add': return l10n.t('adding {0} was cancelled: not confirmed', a.email);
    case 'member.remove': return l10n.t('removing {0} was cancelled: not confirmed', a.email);
    case 'projectRole.set': return l10n.t('setting a project role in {0} was cancelled: not confirmed', a.project);
    case 'projectRole.clear': return l10n.t('clearing the project role in {0} was cancelled: not confirmed', a.project);
    case 'project.create': return l10n.t('creating the project {0} was cancelled: not confirmed', a.project);
    case 'project.delete': return l10n.t('deleting the project {0} was cancelled: not confirmed', a.project);
    case 'apiKey.create': return l10n.t('creating a key in {0} was cancelled: not confirmed', a.project);
    case 'apiKey.revoke': return l10n.t('revoking {0} was cancelled: not confirmed', a.key);
  }
}
