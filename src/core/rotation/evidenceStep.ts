// Step 7: evidence that the old key is out of use, honestly labelled (Langfuse records no key usage):
// no reference left in the workspace or the targets, the deploy checklist confirmed, and optionally
// tracing data arriving with the NEW key (traceProbe.ts, never blocking). In normal and manual mode
// missing evidence makes the rotation wait. In compromised mode this step runs after the revoke, where
// nothing may stop the rotation from finishing: a target that cannot be read is noted, not fatal.
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
  if (scan.truncated) ctx.note(j, cb, `The workspace scan stopped after ${scan.filesScanned - 1} files; narrow the scan paths for a complete answer.`);
  if (j.probeTraces && j.cutoverAt) {
    evidence.probe = await probeTraces(ctx.client(pair, j), j.cutoverAt, ctx.now);
    ctx.emit(cb, { kind: 'note', message: describeProbe(evidence.probe, j.project.name) });
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
  // Only compromised mode gets here with references or old-key targets left (it does not wait for them).
  const parts = [
    !j.scanPaths.length ? 'no workspace scanned'
      : scan.references.length ? `${shortPublicKey(old)} still appears in ${scan.references.length} place(s)` : `no reference to ${shortPublicKey(old)} in ${scan.filesScanned} scanned file(s)`,
    targetsHoldingOld.length ? `targets holding the old key: ${targetsHoldingOld.join(', ')}` : targetsUnreadable.length ? '' : 'no target holds the old key',
    targetsUnreadable.length ? `${targetsUnreadable.length} target(s) could not be read (${targetsUnreadable.join('; ')})` : '',
    evidence.checklistConfirmed ? 'deploy checklist confirmed' : 'deploy checklist NOT confirmed',
  ];
  return ctx.advance(j, 'evidenced', cb, `Evidence: ${parts.filter(Boolean).join('; ')}. Langfuse records no key usage, so this cannot prove the old key is unused.`);
}
