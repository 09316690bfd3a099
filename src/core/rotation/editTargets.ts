// A paused rotation's targets can change until the revoke: a target added is checked like at the start
// (readable, holding the old key or none, writable, its SDK host confirmed) and then pushed and read
// back; a target removed gets back what it held before. The revoke then waits for the new set.
import { formatSinkTarget, parseSinkTarget } from '../secrets/spec';
import type { StepContext } from './context';
import { l10n } from '../l10n/l10n';
import { RotationInputError, RotationStateError } from './errors';
import { checkForeignHosts } from './foreignHost';
import type { JournalTarget, RotationJournal } from './journal';
import { abortRefusal, pastPointOfNoReturn } from './pointOfNoReturn';
import { refuseUntrustedTargets } from './startChecks';
import { reached } from './steps';
import { checkTargets } from './targetChecks';
import { restoreTargets } from './targets';
import type { RotationCallbacks } from './types';

export async function editTargets(ctx: StepContext, j: RotationJournal, wanted: readonly string[], cb: RotationCallbacks): Promise<RotationJournal> {
  if (j.status !== 'active') throw new RotationStateError(j.status === 'rollingBack' ? l10n.t('Rotation {0} is rolling back: its targets can no longer change.', j.id)
    : j.status === 'completed' ? l10n.t('Rotation {0} is completed: its targets can no longer change.', j.id)
    : l10n.t('Rotation {0} is rolled back: its targets can no longer change.', j.id));
  if (pastPointOfNoReturn(j)) throw new RotationStateError(abortRefusal(j, 'edit'));
  const targets = [...new Set(wanted.map(t => formatSinkTarget(parseSinkTarget(t))))];
  if (targets.length === 0) throw new RotationInputError(l10n.t('Keep at least one target: the new key pair must be stored somewhere before the old key is revoked.'));
  const added = targets.filter(t => !j.targets.some(x => x.target === t));
  const removed = j.targets.filter(x => !targets.includes(x.target));
  if (added.length === 0 && removed.length === 0) return j;
  refuseUntrustedTargets(added, ctx.trusted(j));
  const confirmed = await checkForeignHosts(added, j.connection.baseUrl, j.foreignHostsConfirmed ?? [], cb, ctx.now(), j.id);
  await checkTargets(added, j.oldKey?.publicKey, ctx.deps.sinkFor, j.newKey?.publicKey);

  const pending = await ctx.pending(j);
  const problems = await restoreTargets({ ...j, targets: removed }, pending, {
    sinkFor: ctx.deps.sinkFor, save: () => ctx.save(j), checkpoint: n => ctx.checkpoint(n), emit: e => ctx.emit(cb, e),
  });
  if (problems.length) throw new RotationStateError(l10n.t('The targets were not changed: could not put back {0}. Fix the target by hand, then edit the targets again.', problems.join('; ')));
  for (const t of removed) delete pending.snapshots[t.target];
  await ctx.deps.secrets.save(pending);

  j.targets = [...j.targets.filter(x => targets.includes(x.target)), ...added.map((target): JournalTarget => ({ target }))];
  j.foreignHostsConfirmed = confirmed.filter(c => targets.includes(c.target));
  if (j.foreignHostsConfirmed.length === 0) delete j.foreignHostsConfirmed;
  // Pushed already: back to the push, which writes only the new targets, then verify and gather the
  // evidence again; the deploy checklist named the old set of targets, so it is asked again.
  if (reached(j.mode, j.step, 'pushed')) j.step = 'pushing';
  if (j.evidence) j.evidence.checklistConfirmed = false;
  const summary = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.map(t => t.target).join(', ')} (restored)` : ''].filter(Boolean).join('; ');
  ctx.record(j, j.step, `targets edited: ${summary}`);
  ctx.save(j);
  ctx.audit(j, 'rotation.targets', 'success', { added, removed: removed.map(t => t.target) });
  ctx.note(j, cb, added.length && removed.length ? l10n.t('Targets of rotation {0} changed: added {1}; removed {2} (restored).', j.id, added.join(', '), removed.map(t => t.target).join(', '))
    : added.length ? l10n.t('Targets of rotation {0} changed: added {1}.', j.id, added.join(', '))
    : l10n.t('Targets of rotation {0} changed: removed {1} (restored).', j.id, removed.map(t => t.target).join(', ')));
  return j;
}
