// Step 7: evidence that the old key is out of use, honestly labelled (Langfuse records no key usage):
// no reference left in the workspace or the targets, the deploy checklist confirmed, and optionally
// traces arriving with the NEW key. In normal and manual mode missing evidence makes the rotation wait.
import { shortPublicKey } from '../log/redact';
import type { StepContext } from './context';
import { probeTraces, scanForPublicKey } from './evidence';
import { oldKeyOf, type Evidence, type RotationJournal } from './journal';
import type { RotationCallbacks } from './types';

export async function gatherEvidence(ctx: StepContext, j: RotationJournal, cb: RotationCallbacks): Promise<RotationJournal> {
  const pending = await ctx.pending(j);
  const pair = ctx.newPair(j, pending);
  const old = oldKeyOf(j).publicKey;
  const scan = scanForPublicKey(j.scanPaths, old, [ctx.deps.stateDir, ...(j.scanExclude ?? [])]);
  const targetsHoldingOld: string[] = [];
  for (const t of j.targets) if ((await ctx.deps.sinkFor(t.target).read()).publicKey === old) targetsHoldingOld.push(t.target);
  const evidence: Evidence = {
    at: ctx.now().toISOString(), scanned: j.scanPaths, references: scan.references, targetsHoldingOld,
    checklistConfirmed: j.evidence?.checklistConfirmed ?? false, probe: j.evidence?.probe,
  };
  if (scan.truncated) ctx.note(j, cb, `The workspace scan stopped after ${scan.filesScanned - 1} files; narrow the scan paths for a complete answer.`);
  if (j.probeTraces && j.cutoverAt) {
    const traces = await probeTraces(ctx.client(pair, j), j.cutoverAt);
    evidence.probe = { since: j.cutoverAt, traces, at: evidence.at };
    ctx.emit(cb, { kind: 'note', message: traces > 0
      ? `Traces are arriving: ${traces} trace(s) in project ${j.project.name} since the cut-over (read with the new key). This does not show which key sent them.`
      : `No traces in project ${j.project.name} since the cut-over yet (read with the new key).` });
  }
  j.evidence = evidence;
  const blocking = j.mode !== 'compromised';
  if (blocking && targetsHoldingOld.length > 0) {
    ctx.save(j);
    return ctx.wait(j, cb, 'targets-hold-old', `These targets hold the old key again: ${targetsHoldingOld.join(', ')}. Someone changed them after the push; put the new pair back (or abort the rotation), then resume.`);
  }
  if (blocking && scan.references.length > 0) {
    ctx.save(j);
    const list = scan.references.slice(0, 20).map(r => `${r.file}:${r.line}`).join(', ');
    return ctx.wait(j, cb, 'references', `The old public key ${old} still appears in ${scan.references.length} place(s): ${list}. Update them, then resume.`);
  }
  if (!evidence.checklistConfirmed) {
    const items = [
      ...j.targets.map(t => `The new pair ${pair.publicKey} is in ${t.target}.`),
      'Every service that reads these keys has been redeployed or restarted and works with the new pair.',
      'No other copy of the old key (CI variables, other machines, notebooks) is still in use.',
    ];
    evidence.checklistConfirmed = (await cb.confirmChecklist?.({ rotationId: j.id, project: j.project.name, oldPublicKey: old, newPublicKey: pair.publicKey, items, evidence })) ?? false;
    if (!evidence.checklistConfirmed && blocking) {
      ctx.save(j);
      return ctx.wait(j, cb, 'checklist', 'Waiting for the deploy checklist to be confirmed (new keys in the secret managers, services restarted).');
    }
  }
  const parts = [
    `${j.scanPaths.length ? `no reference to ${shortPublicKey(old)} in ${scan.filesScanned} scanned file(s)` : 'no workspace scanned'}`,
    'no target holds the old key',
    evidence.checklistConfirmed ? 'deploy checklist confirmed' : 'deploy checklist NOT confirmed',
  ];
  return ctx.advance(j, 'evidenced', cb, `Evidence: ${parts.join('; ')}. Langfuse records no key usage, so this cannot prove the old key is unused.`);
}
