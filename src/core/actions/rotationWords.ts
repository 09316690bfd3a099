// The confirmation that ends a rotation's roll back, naming what changed (both edges say it).
import { shortPublicKey } from '../keys/keyDisplay';
import type { RotationJournal } from '../rotation/journal';

export function rollbackDone(journal: RotationJournal): string {
  const key = shortPublicKey(journal.oldKey.publicKey);
  if (journal.status !== 'rolledBack') return `The rotation of ${key} (${journal.project.name}) is not fully rolled back yet: its report says what is left; "Abort Key Rotation" tries again.`;
  const deleted = journal.newKey ? ` and the new key ${shortPublicKey(journal.newKey.publicKey)} is deleted` : '';
  return `Rolled back the rotation of ${key} (${journal.project.name}): ${journal.targets.length} target(s) hold the old key again${deleted}.`;
}
