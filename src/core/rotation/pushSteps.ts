// Steps 4–6: push the new pair to every target (snapshots first, read back after), then verify it
// answers who-am-I for the project and that every target still holds it. A .env target pointing its
// SDK at a host the user did not confirm is refused right before the write (foreignHost.ts).
import type { StepContext } from './context';
import { l10n } from '../l10n/l10n';
import { RotationError } from './errors';
import { checkForeignHosts } from './foreignHost';
import { refuseUntrustedTargets } from './startChecks';
import type { RotationJournal } from './journal';
import { pushTargets, verifyTargets } from './targets';
import type { RotationCallbacks } from './types';

export async function push(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pending = await ctx.pending(j);
  const pair = ctx.newPair(j, pending);
  // Again right before writing: a .env target may point elsewhere since the rotation was planned.
  refuseUntrustedTargets(j.targets.filter(t => !t.pushed).map(t => t.target), ctx.trusted(j));
  const confirmed = await checkForeignHosts(j.targets.filter(t => !t.pushed).map(t => t.target), j.connection.baseUrl, j.foreignHostsConfirmed ?? [], cb, ctx.now(), j.id);
  if (confirmed.length !== (j.foreignHostsConfirmed?.length ?? 0)) { j.foreignHostsConfirmed = confirmed; ctx.save(j); }
  await pushTargets(j, pending, pair, {
    trusted: ctx.trusted(j), sinkFor: ctx.deps.sinkFor, secrets: ctx.deps.secrets, save: () => ctx.save(j), checkpoint: n => ctx.checkpoint(n), emit: e => ctx.emit(cb, e),
  });
  j.cutoverAt = ctx.now().toISOString();
  return ctx.advance(j, 'pushed', cb, l10n.t('Every target holds {0} (read back and compared).', pair.publicKey));
}

export async function verify(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pair = ctx.newPair(j, await ctx.pending(j));
  const who = await ctx.client(pair, j).whoAmI();
  if (who.id !== ctx.projectId(j)) throw new RotationError('failed', l10n.t('The new pair {0} answers for project {1}, not {2}. Abort the rotation.', pair.publicKey, who.name, j.project.name));
  await verifyTargets(j, pair, ctx.deps.sinkFor, e => ctx.emit(cb, e));
  const pending = await ctx.pending(j);
  if (j.oldKey && pending.oldSecretKey && j.oldKey.secretAnswered === undefined) {
    // Checked before any revoke, so that a 401 afterwards proves the revoke and not a wrong secret.
    j.oldKey.secretAnswered = await ctx.answers({ publicKey: j.oldKey.publicKey, secretKey: pending.oldSecretKey }, j);
    if (!j.oldKey.secretAnswered) ctx.note(j, cb, l10n.t('The old secret found in the targets does not authenticate {0} (wrong secret, or the key is already gone); the 401 re-check will not count.', j.oldKey.publicKey));
  }
  return ctx.advance(j, 'verified', cb, l10n.t('The new pair answers who-am-I for project {0}, and every target holds it.', who.name));
}
