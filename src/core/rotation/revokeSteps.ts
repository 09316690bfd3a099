// Steps 8–11: revoke the old key (only once the new pair is stored in every target and verified,
// after a confirmation naming project and key), re-check that the old pair answers 401 and the new
// one works, and finish (pending secrets wiped first).
import type { StepContext } from './context';
import { l10n } from '../l10n/l10n';
import { RotationError, RotationStateError } from './errors';
import { oldKeyOf, type RotationJournal } from './journal';
import { lineage } from './newKeyPair';
import { reached } from './steps';
import type { RotationCallbacks } from './types';

export async function confirmRevoke(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const oldKey = oldKeyOf(j);
  const pending = await ctx.pending(j);
  // The one rule that must hold whatever the caller does: the new secret is stored and verified first.
  if (!pending.newPair || !reached(j.mode, j.step, 'verified') || j.targets.some(t => !t.pushed)) {
    throw new RotationStateError(l10n.t('Refusing to revoke {0}: the new pair is not yet stored in every target and verified.', oldKey.publicKey));
  }
  const newKey = pending.newPair.publicKey;
  const request = {
    rotationId: j.id, project: j.project.name, oldPublicKey: oldKey.publicKey, newPublicKey: newKey, mode: j.mode,
    question: j.mode === 'manual'
      ? l10n.t('Have you deleted {0} in project {1} in the Langfuse UI?', oldKey.publicKey, j.project.name)
      : l10n.t('Revoke {0} in project {1} now? This cannot be undone.', oldKey.publicKey, j.project.name),
    warning: j.mode === 'compromised'
      ? l10n.t('Compromised mode: {0} is revoked now, before anyone confirmed the services moved to {1}. Every service still using the old key fails at once.', oldKey.publicKey, newKey)
      : undefined,
    manualInstructions: j.mode === 'manual'
      ? l10n.t('Open the Langfuse UI → project {0} → Settings → API Keys and delete the key {1}.', j.project.name, oldKey.publicKey)
      : undefined,
  };
  const yes = await cb.confirmRevoke?.(request);
  if (!yes) {
    ctx.audit(j, 'rotation.revoke', 'refused', {});
    return ctx.wait(j, cb, j.mode === 'manual' ? 'manual-deletion' : 'confirm-revoke', j.mode === 'manual' ? request.manualInstructions ?? '' : l10n.t('Waiting for confirmation to revoke {0} in project {1}.', oldKey.publicKey, j.project.name));
  }
  return ctx.advance(j, 'revoking', cb, j.mode === 'manual' ? l10n.t('You deleted {0} in the Langfuse UI; checking.', oldKey.publicKey) : l10n.t('Revoking {0}: from here on there is no rollback.', oldKey.publicKey));
}

export async function revoke(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const oldKey = oldKeyOf(j);
  const pending = await ctx.pending(j);
  if (j.mode === 'manual') {
    if (pending.oldSecretKey && oldKey.secretAnswered !== false) {
      if (await ctx.answers({ publicKey: oldKey.publicKey, secretKey: pending.oldSecretKey }, j)) {
        j.step = 'evidenced';
        ctx.save(j);
        return ctx.wait(j, cb, 'old-key-still-valid', `${oldKey.publicKey} still answers: it has not been deleted yet. Delete it in the Langfuse UI, then confirm again.`);
      }
    }
    return ctx.advance(j, 'revoked', cb, l10n.t('{0} is deleted (you deleted it in the Langfuse UI).', oldKey.publicKey));
  }
  const admin = ctx.admin();
  const projectId = ctx.projectId(j);
  const key = (await admin.projectApiKeys.list(projectId)).find(k => k.publicKey === oldKey.publicKey);
  if (key) {
    await admin.projectApiKeys.delete(projectId, key.id);
    ctx.checkpoint('key-deleted');
  }
  return ctx.advance(j, 'revoked', cb, l10n.t('Revoked {0} in project {1}.', oldKey.publicKey, j.project.name));
}

export async function recheck(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const oldKey = oldKeyOf(j);
  const pending = await ctx.pending(j);
  const pair = ctx.newPair(j, pending);
  const newWorks = await ctx.answers(pair, j);
  if (!newWorks) throw new RotationError('failed', l10n.t('The new pair {0} no longer answers. Check the key in the Langfuse UI; its secret is still in {1}.', pair.publicKey, ctx.deps.secrets.describe()));
  let oldPair: 'unauthorized' | 'still-valid' | 'not-checked' = 'not-checked';
  let note: string | undefined;
  if (!pending.oldSecretKey) note = l10n.t('The old secret was not available (no target held it), so the 401 re-check was skipped.');
  else if (oldKey.secretAnswered === false) note = l10n.t('The old secret found did not authenticate before the revoke, so a 401 now proves nothing; re-check skipped.');
  else oldPair = (await ctx.answers({ publicKey: oldKey.publicKey, secretKey: pending.oldSecretKey }, j)) ? 'still-valid' : 'unauthorized';
  j.recheck = { oldPair, newPair: true, note, at: ctx.now().toISOString() };
  if (oldPair === 'still-valid') {
    ctx.save(j);
    throw new RotationError('failed', l10n.t('{0} still answers after the revoke. Delete it in the Langfuse UI, then resume.', oldKey.publicKey));
  }
  if (note) ctx.note(j, cb, note);
  return ctx.advance(j, 'rechecked', cb, oldPair === 'unauthorized' ? l10n.t('The old pair answers 401; the new pair works.') : l10n.t('the new pair works.'));
}

export async function complete(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  // Wiped first: the targets hold the new secret now, and a journal marked completed is never resumed.
  await ctx.deps.secrets.wipe(j.id);
  ctx.checkpoint('secrets-wiped');
  j.status = 'completed';
  return ctx.advance(j, 'completed', cb, j.oldKey
    ? l10n.t('Rotation {0} completed: {1} → {2}.', j.id, j.oldKey.publicKey, j.newKey?.publicKey ?? '')
    : l10n.t('Rotation {0} completed: the new key {1} ("{2}") of {3} is in every target.', j.id, j.newKey?.publicKey ?? '', j.newKeyNote ?? '', j.project.name), { lineage: lineage(j) });
}
