// `access:PATH#ENVIRONMENT`: the `publicKeys` list of one environment in a workspace access file, as
// a rotation target. It takes only the public key of the pair (an access file never holds a secret),
// replacing the key being rotated in place, and is journaled, read back and rolled back like every
// other target. A list names several keys, so "the key it holds" is relative to a rotation's keys
// (`forRotation`): the new key when listed, else the old one, else another key (refused up front).
import * as path from 'node:path';
import { withAccessFileLock } from '../../access/accessFileLock';
import { listedPublicKeys, PublicKeysEditError, replacePublicKey } from '../../access/publicKeysEdit';
import { checkWriteTarget, readFileNoFollow, scopeFor, UnsafeWriteError, writeFileInScope, type WriteScope } from '../../fs/scopedWrite';
import { LockBusyError } from '../../state/lock';
import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkConflictError, SinkNotFoundError } from '../errors';
import { contentVersion } from '../fingerprint';
import { fsSinkError } from '../fsErrors';
import { validatePair } from '../pairFields';
import type { KeyPair, ReadBackResult, RotationKeys, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';

export interface AccessFileSinkOptions {
  /** The state folder's `locks/`: the same lock as recording an ignored finding in this file. */
  lockDir: string;
  tool?: string;
  lockWaitMs?: number;
  /** Where the file may be (default: the workspace roots it is in, else its own folder). */
  scope?: WriteScope;
  keys?: RotationKeys;
}

interface Loaded { text: string; keys: string[] }

export class AccessFileSink implements SecretSink {
  readonly kind = 'access';
  readonly target: string;
  private readonly scope: WriteScope;

  constructor(readonly file: string, readonly environment: string, private readonly options: AccessFileSinkOptions) {
    this.file = path.resolve(file);
    this.target = `access:${this.file}#${environment}`;
    this.scope = options.scope ?? scopeFor(this.file, []);
    // A link or a path out of the scope is a configuration error now, before a rotation creates a key for this target.
    try { checkWriteTarget(this.file, this.scope); } catch (err) { if (err instanceof UnsafeWriteError) throw this.unsafe(err); }
  }

  forRotation(keys: RotationKeys): AccessFileSink {
    return new AccessFileSink(this.file, this.environment, { ...this.options, scope: this.scope, keys });
  }

  describe(): string {
    return l10n.t('{0} of environment {1} in the access file {2}', 'publicKeys', this.environment, this.file);
  }

  async read(): Promise<SinkState> {
    const loaded = this.load();
    if (this.options.keys && loaded.keys.length === 0) {
      throw new SinkConfigError(this.target, l10n.t('environment {0} lists no public key to replace', this.environment), l10n.t('This target only replaces a listed key; leave it out of the rotation'));
    }
    return this.stateOf(loaded);
  }

  async snapshot(): Promise<SinkSnapshot> {
    const loaded = this.load();
    return { target: this.target, state: this.stateOf(loaded), holdsSecret: false, restoreData: { kind: 'values', existed: true, values: { publicKeys: loaded.keys } } };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    validatePair(this.target, pair);
    return this.locked(() => {
      const loaded = this.load();
      const before = this.stateOf(loaded);
      if (before.publicKey === pair.publicKey) return this.receipt(loaded, true);
      if (options.expectedPrevious && options.expectedPrevious.publicKey !== before.publicKey) {
        throw new SinkConflictError(this.target, before.publicKey === undefined ? l10n.t('the list changed since it was read: it now holds no key') : l10n.t('the list changed since it was read: it now holds {0}', before.publicKey), l10n.t('Re-read the target and start the step again'));
      }
      const from = this.options.keys?.old;
      if (!from || before.publicKey !== from) {
        throw new SinkConflictError(this.target, from ? l10n.t('the list does not name the key being rotated ({0})', from) : l10n.t('the list does not name the key being rotated'), l10n.t('This target only replaces a listed key; leave it out of the rotation'));
      }
      return this.replace(loaded, from, pair.publicKey);
    });
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    const state = await this.read();
    // Only the public key: the access file never holds a secret or a host.
    return state.publicKey === pair.publicKey ? { matches: true, state } : { matches: false, state, difference: l10n.t('public key {0} ≠ {1}', state.publicKey ?? l10n.t('(none)'), pair.publicKey) };
  }

  async restore(snapshot: SinkSnapshot): Promise<SinkState> {
    const wanted = snapshot.state.publicKey;
    const written = this.options.keys?.next;
    await this.locked(() => {
      const loaded = this.load();
      const now = this.stateOf(loaded);
      if (now.publicKey === wanted) return;
      if (!wanted || !written || now.publicKey !== written) {
        throw new SinkConflictError(this.target, now.publicKey === undefined ? l10n.t('the list no longer names the key this rotation wrote (it holds no key)') : l10n.t('the list no longer names the key this rotation wrote (it holds {0})', now.publicKey), l10n.t('Someone changed it since; check the access file by hand before restoring'));
      }
      this.replace(loaded, written, wanted);
    });
    return this.read();
  }

  /** New key when listed, else the old one, else the first other key (so a list of other keys is refused). */
  private stateOf(loaded: Loaded): SinkState {
    const { old, next } = this.options.keys ?? { old: undefined, next: undefined };
    const publicKey = [next, old].find(k => k !== undefined && loaded.keys.includes(k)) ?? loaded.keys[0];
    return { exists: true, publicKey, version: contentVersion(loaded.text) };
  }

  private load(): Loaded {
    let text: string | undefined;
    try {
      text = readFileNoFollow(this.file);
    } catch (err) {
      if (err instanceof UnsafeWriteError) throw this.unsafe(err);
      throw fsSinkError(this.target, this.file, err, 'read');
    }
    if (text === undefined) throw new SinkNotFoundError(this.target, l10n.t('{0} does not exist', this.file), l10n.t('Name an existing access file (Scaffold Workspace Access File writes one)'), 'ENOENT');
    try {
      return { text, keys: listedPublicKeys(text, this.environment) };
    } catch (err) {
      if (err instanceof PublicKeysEditError) throw new SinkConfigError(this.target, err.message, l10n.t('Name an environment whose publicKeys list holds the key being rotated'));
      throw err;
    }
  }

  private replace(loaded: Loaded, from: string, to: string): WriteReceipt {
    let next: string;
    try { next = replacePublicKey(loaded.text, this.environment, from, to); } catch (err) {
      if (err instanceof PublicKeysEditError) throw new SinkConfigError(this.target, err.message, l10n.t('Edit the access file by hand, or leave it out of the rotation'));
      throw err;
    }
    // Check-and-set against edits by other programs between the read and the rename.
    if (this.load().text !== loaded.text) throw new SinkConflictError(this.target, l10n.t('the access file changed while it was being updated'), l10n.t('Try again'));
    try {
      writeFileInScope(this.file, next, this.scope);
    } catch (err) {
      if (err instanceof UnsafeWriteError) throw this.unsafe(err);
      throw fsSinkError(this.target, this.file, err, 'write');
    }
    return this.receipt(this.load(), false);
  }

  private receipt(loaded: Loaded, unchanged: boolean): WriteReceipt {
    const state = this.stateOf(loaded);
    return { target: this.target, version: state.version!, unchanged, state };
  }

  private unsafe(err: UnsafeWriteError): SinkConfigError {
    return new SinkConfigError(this.target, err.message.replace(/\.$/, ''), l10n.t('Name the real access file inside the workspace'), 'out-of-scope');
  }

  /** The access file's own lock (accessFileLock.ts), shared with every other writer of the file. */
  private async locked<T>(fn: () => T): Promise<T> {
    try {
      return await withAccessFileLock(this.file, { stateDir: path.dirname(this.options.lockDir), tool: this.options.tool ?? 'langfuse-access', purpose: `updating publicKeys in ${this.file}`, waitMs: this.options.lockWaitMs }, fn);
    } catch (err) {
      if (err instanceof LockBusyError) throw new SinkConflictError(this.target, err.message, l10n.t('Wait for the other writer to finish, then try again'));
      throw err;
    }
  }
}
