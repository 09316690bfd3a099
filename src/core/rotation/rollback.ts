// Abandoning a rotation before the revoke: targets restored in reverse order (only where they still
// hold what the rotation wrote), the new key deleted, the pending secrets wiped. Resumable like the
// forward steps: a rollback killed half-way is finished by running it again.
import { l10n } from '../l10n/l10n';
import type { StepContext } from './context';
import type { RotationJournal } from './journal';
import { reached } from './steps';
import { restoreTargets } from './targets';
import type { RotationCallbacks, RunResult } from './types';

export async function rollBack(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RunResult> {
  const pending = await ctx.deps.secrets.load(j.id) ?? { rotationId: j.id, snapshots: {} };
  const problems = await restoreTargets(j, pending, {
    sinkFor: ctx.deps.sinkFor, save: () => ctx.save(j), checkpoint: n => ctx.checkpoint(n), emit: e => ctx.emit(cb, e),
  });
  if (problems.length > 0) {
    ctx.audit(j, 'rotation.rollback', 'failure', { problems });
    return { journal: ctx.wait(j, cb, 'restore-conflict', l10n.t('Could not restore {0}. Fix the target by hand, then run the abort again.', problems.join('; '))), outcome: 'waiting' };
  }
  const newPublicKey = j.newKey?.publicKey ?? pending.newPair?.publicKey;
  const mayExist = reached(j.mode, j.step, 'creating');
  if (newPublicKey && mayExist && j.mode !== 'manual') {
    const admin = ctx.admin();
    const projectId = ctx.projectId(j);
    const key = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === newPublicKey);
    if (key) {
      await admin.projectApiKeys.delete(projectId, key.id);
      ctx.checkpoint('new-key-deleted');
      ctx.note(j, cb, l10n.t('Deleted the new key {0}.', newPublicKey));
    }
  } else if (newPublicKey && mayExist) {
    ctx.note(j, cb, l10n.t('Delete the new key {0} in the Langfuse UI (project {1} → Settings → API Keys): this connection cannot delete keys.', newPublicKey, j.project.name));
  }
  await ctx.deps.secrets.wipe(j.id);
  ctx.checkpoint('secrets-wiped');
  j.status = 'rolledBack';
  j.waiting = undefined;
  ctx.record(j, j.step, 'rolled back');
  ctx.save(j);
  ctx.audit(j, 'rotation.rollback', 'success', {});
  ctx.emit(cb, { kind: 'note', message: j.oldKey ? l10n.t('Rotation {0} rolled back: every target holds what it held before, and {1} was never revoked.', j.id, j.oldKey.publicKey) : l10n.t('Rotation {0} rolled back: every target holds what it held before, and the new key is gone.', j.id) });
  ctx.release(j);
  return { journal: j, outcome: 'rolledBack' };
}
