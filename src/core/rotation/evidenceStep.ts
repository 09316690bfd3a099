// Step 7: evidence that the old key is out of use, honestly labelled (Langfuse records no key usage):
// no reference left in the workspace or the targets, the deploy checklist confirmed, and optionally
// tracing data arriving with the NEW key (traceProbe.ts, never blocking). In normal and manual mode
// missing evidence makes the rotation wait. In compromised mode this step runs after the revoke, where
// nothing may stop the rotation from finishing: a target that cannot be read is noted, not fatal.
import { l10n } from '../l10n/l10n';
import { shortPublicKey } from '../log/redact';
import type { StepContext } from './context';
import { scanForPublicKey } from './evidence';
import { oldKeyOf, type Evidence, type RotationJournal } from './journal';
import { reached } from './steps';
import { sinksFor } from './targets';
import { describeProbe, probeTraces } from './traceProbe';
import type { RotationCallbacks } from './types';

export async function gatherEvidence(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pending = await ctx.pending(j);
  const pair = ctx.newPair(j, pending);
  const old = oldKeyOf(j).publicKey;
  const pastRevoke = reached(j.mode, j.step, 'revoked');
  const scan = scanForPublicKey(j.scanPaths, old, [ctx.deps.stateDir, ...(j.scanExclude ?? [])]);
  const targetsHoldingOld: string[] = [];
  const targetsUnreadable: string[] = [];
  const sinkFor = sinksFor(ctx.deps.sinkFor, { old, next: pair.publicKey });
  for (const t of j.targets) {
    try {
      if ((await sinkFor(t.target).read()).publicKey === old) targetsHoldingOld.push(t.target);
    } catch (err) {
      if (!pastRevoke) throw err;
      targetsUnreadable.push(`${t.target}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const evidence: Evidence = {
    at: ctx.now().toISOString(), scanned: j.scanPaths, references: scan.references, targetsHoldingOld,
    checklistConfirmed: j.evidence?.checklistConfirmed ?? false, probe: j.evidence?.probe,
    ...(targetsUnreadable.length ? { targetsUnreadable } : {}),
  };
  if (scan.truncated) ctx.note(j, cb, l10n.t('The workspace scan stopped after {0} files; narrow the scan paths for a complete answer.', scan.filesScanned - 1));
  if (j.probeTraces && j.cutoverAt) {
    evidence.probe = await probeTraces(ctx.client(pair, j), j.cutoverAt, ctx.now);
    ctx.emit(cb, { kind: 'note', message: describeProbe(evidence.probe, j.project.name) });
  }
  j.evidence = evidence;
  const blocking = j.mode !== 'compromised';
  if (blocking && targetsHoldingOld.length > 0) {
    ctx.save(j);
    return ctx.wait(j, cb, 'targets-hold-old', l10n.t('These targets hold the old key again: {0}. Someone changed them after the push; put the new pair back (or abort the rotation), then resume.', targetsHoldingOld.join(', ')));
  }
  if (blocking && scan.references.length > 0) {
    ctx.save(j);
    const list = scan.references.slice(0, 20).map(r => `${r.file}:${r.line}`).join(', ');
    return ctx.wait(j, cb, 'references', l10n.t('The old public key {0} still appears in {1} place(s): {2}. Update them, then resume.', old, scan.references.length, list));
  }
  if (!evidence.checklistConfirmed) {
    const items = [
      ...j.targets.map(t => l10n.t('The new pair {0} is in {1}.', pair.publicKey, t.target)),
      l10n.t('Every service that reads these keys has been redeployed or restarted and works with the new pair.'),
      l10n.t('No other copy of the old key (CI variables, other machines, notebooks) is still in use.'),
    ];
    evidence.checklistConfirmed = (await cb.confirmChecklist?.({ rotationId: j.id, project: j.project.name, oldPublicKey: old, newPublicKey: pair.publicKey, items, evidence })) ?? false;
    if (!evidence.checklistConfirmed && blocking) {
      ctx.save(j);
      return ctx.wait(j, cb, 'checklist', l10n.t('Waiting for the deploy checklist to be confirmed (new keys in the secret managers, services restarted).'));
    }
  }
  // Only compromised mode gets here with references or old-key targets left (it does not wait for them).
  const parts = [
    !j.scanPaths.length ? l10n.t('no workspace scanned')
      : scan.references.length ? l10n.t('{0} still appears in {1} place(s)', shortPublicKey(old), scan.references.length) : l10n.t('no reference to {0} in {1} scanned file(s)', shortPublicKey(old), scan.filesScanned),
    targetsHoldingOld.length ? l10n.t('targets holding the old key: {0}', targetsHoldingOld.join(', ')) : targetsUnreadable.length ? '' : l10n.t('no target holds the old key'),
    targetsUnreadable.length ? l10n.t('{0} target(s) could not be read ({1})', targetsUnreadable.length, targetsUnreadable.join('; ')) : '',
    evidence.checklistConfirmed ? l10n.t('deploy checklist confirmed') : l10n.t('deploy checklist NOT confirmed'),
  ];
  // Each part is a clause of its own; the list of them is the argument of one sentence.
  return ctx.advance(j, 'evidenced', cb, l10n.t('Evidence: {0}. Langfuse records no key usage, so this cannot prove the old key is unused.', parts.filter(Boolean).join('; ')));
}
