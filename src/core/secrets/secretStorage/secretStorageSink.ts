// VS Code SecretStorage (or anything with the same get/store/delete shape), injected by the
// extension edge so this file never imports `vscode`. The value is the JSON the connection store
// uses, `{"publicKey":"pk-lf-…","secretKey":"sk-lf-…"}`; the base URL lives in the connection's
// settings, not in the secret, so it is neither written nor compared here.
import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkConflictError, SinkPermissionError } from '../errors';
import { contentVersion, fingerprintSecret, holdsPair, readBackResult, sameHolding } from '../fingerprint';
import { validatePair } from '../pairFields';
import type { KeyPair, ReadBackResult, RestoreOptions, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';

/** The subset of `vscode.SecretStorage` the sink needs (Thenables are PromiseLike). */
export interface SecretStorageLike {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export class SecretStorageSink implements SecretSink {
  readonly kind = 'secretstorage';
  readonly target: string;

  constructor(private readonly storage: SecretStorageLike, readonly key: string, private readonly label = key) {
    if (!key) throw new SinkConfigError('secretstorage', l10n.t('no SecretStorage key was given'), l10n.t('Pick the connection whose stored key should be updated'));
    this.target = `secretstorage:${key}`;
  }

  describe(): string {
    return l10n.t('VS Code SecretStorage ({0})', this.label);
  }

  async read(): Promise<SinkState> {
    return this.stateOf(await this.get());
  }

  async snapshot(): Promise<SinkSnapshot> {
    const raw = await this.get();
    return { target: this.target, state: this.stateOf(raw), holdsSecret: raw !== undefined, restoreData: { kind: 'raw', value: raw ?? null } };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    const { publicKey, secretKey } = validatePair(this.target, pair);
    const raw = await this.get();
    const before = this.stateOf(raw);
    if (holdsPair(before, { publicKey, secretKey })) return { target: this.target, version: before.version ?? '', unchanged: true, state: before };
    if (options.expectedPrevious && !sameHolding(before, options.expectedPrevious)) {
      throw new SinkConflictError(this.target, before.publicKey === undefined ? l10n.t('the stored key changed since it was read (now none)') : l10n.t('the stored key changed since it was read (now {0})', before.publicKey), l10n.t('Another window may have changed it; re-read the target and start the step again'));
    }
    await this.put(JSON.stringify({ ...this.parse(raw), publicKey, secretKey }));
    const state = await this.read();
    if (!holdsPair(state, { publicKey, secretKey })) {
      throw new SinkConflictError(this.target, l10n.t('SecretStorage did not hold the new pair when read back'), l10n.t('Another window wrote it at the same moment; try again'));
    }
    return { target: this.target, version: state.version ?? '', unchanged: false, state };
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    return readBackResult(await this.read(), { publicKey: pair.publicKey, secretKey: pair.secretKey });
  }

  async restore(snapshot: SinkSnapshot, options: RestoreOptions = {}): Promise<SinkState> {
    const data = snapshot.restoreData;
    if (data.kind !== 'raw') throw new Error(`snapshot of ${snapshot.target} is not a SecretStorage snapshot`);
    const raw = await this.get();
    if ((raw ?? null) === data.value) return this.stateOf(raw);
    const now = this.stateOf(raw);
    if (options.onlyIfHolding !== undefined && now.secretFingerprint !== options.onlyIfHolding) {
      throw new SinkConflictError(this.target, now.publicKey === undefined ? l10n.t('the stored key is no longer the one this rotation wrote (now none)') : l10n.t('the stored key is no longer the one this rotation wrote (now {0})', now.publicKey), l10n.t('Another window changed it; check the connection before restoring'));
    }
    if (data.value === null) await this.guard(() => this.storage.delete(this.key));
    else await this.put(data.value);
    return this.read();
  }

  private parse(raw: string | undefined): Record<string, unknown> {
    if (raw === undefined) return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch { /* fall through */ }
    return {};
  }

  private stateOf(raw: string | undefined): SinkState {
    if (raw === undefined) return { exists: false };
    const record = this.parse(raw);
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const secret = str(record.secretKey);
    return { exists: true, publicKey: str(record.publicKey), secretFingerprint: secret && fingerprintSecret(secret), version: contentVersion(raw) };
  }

  private get(): Promise<string | undefined> {
    return this.guard(() => this.storage.get(this.key));
  }

  private put(value: string): Promise<void> {
    return this.guard(() => this.storage.store(this.key, value));
  }

  /** SecretStorage fails when the OS keyring is locked or missing; say so, without its message. */
  private async guard<T>(fn: () => PromiseLike<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new SinkPermissionError(this.target, l10n.t('VS Code could not use the OS keyring for SecretStorage'), l10n.t('Unlock the keyring (or start VS Code with {0}) and try again', '--password-store=gnome-libsecret'), (err as Error)?.name ?? 'Error');
    }
  }
}
