// Pushing the new pair to the rotation's targets, verifying them, and putting them back on rollback.
// Each target's snapshot is persisted BEFORE it is written (secret-bearing snapshots in the pending
// secret store, version-only ones in the journal), so a crash between the write and the journal
// can still be rolled back. Writes are check-and-set against that snapshot and idempotent.
import { fingerprintSecret } from '../secrets/fingerprint';
import { l10n } from '../l10n/l10n';
import { isSinkError } from '../secrets/errors';
import type { KeyPair, RotationKeys, SecretSink, SinkSnapshot } from '../secrets/types';
import { RotationError, RotationInputError } from './errors';
import type { JournalTarget, RotationJournal } from './journal';
import { oldSecretFromSnapshot } from './oldSecret';
import type { PendingSecrets, PendingSecretStore } from './pendingSecrets';
import type { KeyPairInput, RotationEvent } from './types';

export interface TargetContext {
  sinkFor(target: string): SecretSink;
  save(): void;
  checkpoint(name: string): void;
  emit(event: RotationEvent): void;
}

/** The sinks as a rotation of these keys sees them (a list of keys holds "the key being rotated" only relative to a rotation). */
export function sinksFor(sinkFor: (target: string) => SecretSink, keys: RotationKeys): (target: string) => SecretSink {
  return target => {
    const sink = sinkFor(target);
    return sink.forRotation?.(keys) ?? sink;
  };
}

/** What goes into a target: the pair, plus the base URL where the target had none. */
export function pairFor(t: JournalTarget, pair: KeyPairInput, baseUrl: string): KeyPair {
  return t.before?.baseUrl ? { ...pair } : { ...pair, baseUrl };
}

export async function pushTargets(j: RotationJournal, pending: PendingSecrets, pair: KeyPairInput, ctx: TargetContext & { secrets: PendingSecretStore; trusted: boolean }): Promise<void> {
  const sinkFor = sinksFor(ctx.sinkFor, { old: j.oldKey?.publicKey, next: pair.publicKey });
  for (const [i, t] of j.targets.entries()) {
    if (t.pushed) continue;
    const sink = sinkFor(t.target);
    if (!t.before) {
      const snapshot = await sink.snapshot();
      const held = snapshot.state.publicKey;
      if (held && held !== j.oldKey?.publicKey && held !== pair.publicKey) {
        throw new RotationInputError(j.oldKey
          ? l10n.t('{0} holds {1}, not the key being rotated ({2}). Leave it out of this rotation, or fix it first.', t.target, held, j.oldKey.publicKey)
          : l10n.t('{0} holds {1}: a new key is written only into a store that holds no key, so no other key is replaced by accident. Declare that key instead, or choose another store.', t.target, held));
      }
      // Only version ids (AWS, Vault) go into the journal. A snapshot of content — also of a pass entry, a
      // .env file or a SecretStorage key that does not exist yet, whose restore deletes it again — is kept
      // with the pending secrets: content may hold a secret even when this one does not.
      if (snapshot.restoreData.kind === 'aws-version' || snapshot.restoreData.kind === 'vault-version') {
        if (snapshot.holdsSecret) throw new RotationError('failed', l10n.t('{0}: a version-only snapshot claims to hold a secret; refusing to put it into the journal.', t.target));
        t.restoreData = snapshot.restoreData;
        t.snapshotIn = 'journal';
      } else {
        pending.snapshots[t.target] = snapshot;
        // Never a secret from the files of an untrusted workspace (it would be sent to Langfuse to test it).
        if (j.oldKey && (ctx.trusted || !t.target.startsWith('env:'))) pending.oldSecretKey ??= oldSecretFromSnapshot(snapshot, j.oldKey.publicKey);
        await ctx.secrets.save(pending);
        t.snapshotIn = 'secret-store';
      }
      t.before = snapshot.state;
      ctx.save();
      ctx.checkpoint(`snapshot:${i}`);
      ctx.emit({ kind: 'target', target: t.target, status: 'snapshot', message: held ? l10n.t('{0}: held {1} before.', sink.describe(), held) : l10n.t('{0}: held no key before.', sink.describe()) });
    }
    const value = pairFor(t, pair, j.connection.baseUrl);
    const receipt = await sink.write(value, { expectedPrevious: t.before });
    ctx.checkpoint(`written:${i}`);
    const back = await sink.readBack(value);
    if (!back.matches) throw new RotationError('failed', l10n.t('{0} did not hold the new pair when read back ({1}). Resume to try again, or abort.', t.target, back.difference ?? ''));
    t.pushed = { version: receipt.version, at: new Date().toISOString(), unchanged: receipt.unchanged };
    ctx.save();
    ctx.emit({ kind: 'target', target: t.target, status: receipt.unchanged ? 'unchanged' : 'written', message: l10n.t('{0}: now holds {1} (version {2}).', sink.describe(), pair.publicKey, receipt.version) });
  }
}

export async function verifyTargets(j: RotationJournal, pair: KeyPairInput, sinkFor: (t: string) => SecretSink, emit: (e: RotationEvent) => void): Promise<void> {
  const bound = sinksFor(sinkFor, { old: j.oldKey?.publicKey, next: pair.publicKey });
  for (const t of j.targets) {
    const back = await bound(t.target).readBack(pairFor(t, pair, j.connection.baseUrl));
    if (!back.matches) throw new RotationError('failed', l10n.t('{0} no longer holds the new pair ({1}). Someone changed it; resume to push again, or abort.', t.target, back.difference ?? ''));
    emit({ kind: 'target', target: t.target, status: 'verified', message: l10n.t('{0}: holds {1}.', t.target, pair.publicKey) });
  }
}

/** Restores targets in reverse order; returns the problems (targets someone else changed since). */
export async function restoreTargets(j: RotationJournal, pending: PendingSecrets, ctx: TargetContext): Promise<string[]> {
  const problems: string[] = [];
  const written = pending.newPair ? fingerprintSecret(pending.newPair.secretKey) : undefined;
  const sinkFor = sinksFor(ctx.sinkFor, { old: j.oldKey?.publicKey, next: pending.newPair?.publicKey ?? j.newKey?.publicKey });
  for (const [i, t] of [...j.targets.entries()].reverse()) {
    if (!t.before || t.restored) continue;
    const snapshot = snapshotOf(t, pending);
    if (!snapshot) {
      t.restoreProblem = 'its snapshot is missing from the pending secret store';
      problems.push(`${t.target}: ${t.restoreProblem}`);
      continue;
    }
    try {
      await sinkFor(t.target).restore(snapshot, written ? { onlyIfHolding: written } : {});
    } catch (err) {
      if (!isSinkError(err)) throw err;
      t.restoreProblem = err.message;
      ctx.save();
      ctx.emit({ kind: 'target', target: t.target, status: 'restore-conflict', message: err.message });
      problems.push(err.message);
      continue;
    }
    ctx.checkpoint(`restored:${i}`);
    t.restored = { at: new Date().toISOString() };
    t.restoreProblem = undefined;
    ctx.save();
    ctx.emit({ kind: 'target', target: t.target, status: 'restored', message: t.before.publicKey ? l10n.t('{0}: holds {1} again.', t.target, t.before.publicKey) : l10n.t('{0}: holds no key again.', t.target) });
  }
  return problems;
}

function snapshotOf(t: JournalTarget, pending: PendingSecrets): SinkSnapshot | undefined {
  if (!t.before) return undefined;
  if (t.snapshotIn === 'secret-store') return pending.snapshots[t.target];
  if (!t.restoreData) return undefined;
  return { target: t.target, state: t.before, holdsSecret: false, restoreData: t.restoreData };
}
