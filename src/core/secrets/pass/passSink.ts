// `pass`, the standard Unix password store: one multi-line entry
//   LANGFUSE_PUBLIC_KEY=pk-lf-…
//   LANGFUSE_SECRET_KEY=sk-lf-…
//   LANGFUSE_BASE_URL=https://…
// Other lines (e.g. a password on the first line) are kept. The content goes to pass over stdin,
// never argv. A write inserts a hidden temporary entry and renames it over the real one (`pass mv`),
// because gpg writes its output file in place and a crash mid-write would leave a torn entry.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkConflictError, SinkNotFoundError } from '../errors';
import { envValuesOf } from '../../env/envEdit';
import { parseEnv } from '../../env/envParser';
import { writePair } from '../env/envFileSink';
import { contentVersion, fingerprintSecret, holdsPair, readBackResult, sameHolding } from '../fingerprint';
import { LEGACY_BASE_URL_FIELD, PairFields, validatePair } from '../pairFields';
import { withSinkLock, type SinkLockOptions } from '../sinkLock';
import type { KeyPair, ReadBackResult, RestoreOptions, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';
import { passSinkError } from './passErrors';
import { runPass, type PassRunConfig } from './runPass';

export interface PassSinkConfig extends PassRunConfig {
  lock: SinkLockOptions;
}

const ENTRY = /^(?!-)[A-Za-z0-9_@+.-]+(\/[A-Za-z0-9_@+.-]+)*$/;

export class PassSink implements SecretSink {
  readonly kind = 'pass';
  readonly target: string;
  private readonly storeDir: string;

  constructor(readonly entry: string, private readonly config: PassSinkConfig) {
    this.target = `pass:${entry}`;
    if (!ENTRY.test(entry) || entry.split('/').some(p => p === '.' || p === '..')) {
      throw new SinkConfigError(this.target, l10n.t('the pass entry name is not valid'), l10n.t('Use a path like {0} (letters, digits, _ @ + . - and /)', 'team/langfuse/production'));
    }
    this.storeDir = path.resolve(config.storeDir ?? config.env?.PASSWORD_STORE_DIR ?? process.env.PASSWORD_STORE_DIR ?? path.join(os.homedir(), '.password-store'));
  }

  describe(): string {
    return l10n.t('pass entry {0} in {1}', this.entry, this.storeDir);
  }

  async read(): Promise<SinkState> {
    return this.stateOf(await this.show());
  }

  async snapshot(): Promise<SinkSnapshot> {
    const text = await this.show();
    return { target: this.target, state: this.stateOf(text), holdsSecret: text !== null, restoreData: { kind: 'raw', value: text } };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    validatePair(this.target, pair);
    return withSinkLock(this.target, `pass:${this.storeDir}/${this.entry}`, this.config.lock, async () => {
      await this.removeLeftoverTempEntries();
      const text = await this.show();
      const before = this.stateOf(text);
      if (holdsPair(before, pair)) return { target: this.target, version: before.version ?? '', unchanged: true, state: before };
      if (options.expectedPrevious && !sameHolding(before, options.expectedPrevious)) {
        throw new SinkConflictError(this.target, before.publicKey === undefined ? l10n.t('the entry changed since it was read: it now holds no public key') : l10n.t('the entry changed since it was read: it now holds {0}', before.publicKey), l10n.t('Re-read the target and start the step again'));
      }
      await this.replace(writePair(text ?? '', pair));
      const state = await this.read();
      if (!holdsPair(state, pair)) throw new SinkConflictError(this.target, l10n.t('the entry did not hold the new pair when read back'), l10n.t('Try again; check the entry with "{0}"', 'pass show'));
      return { target: this.target, version: state.version ?? '', unchanged: false, state };
    });
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    return readBackResult(await this.read(), pair);
  }

  async restore(snapshot: SinkSnapshot, options: RestoreOptions = {}): Promise<SinkState> {
    const data = snapshot.restoreData;
    if (data.kind !== 'raw') throw new Error(`snapshot of ${snapshot.target} is not a pass snapshot`);
    return withSinkLock(this.target, `pass:${this.storeDir}/${this.entry}`, this.config.lock, async () => {
      await this.removeLeftoverTempEntries();
      const text = await this.show();
      if (text === data.value) return this.stateOf(text);
      const now = this.stateOf(text);
      if (options.onlyIfHolding !== undefined && now.secretFingerprint !== options.onlyIfHolding) {
        throw new SinkConflictError(this.target, now.publicKey === undefined ? l10n.t('the entry no longer holds the pair this rotation wrote (it holds no public key)') : l10n.t('the entry no longer holds the pair this rotation wrote (it holds {0})', now.publicKey), l10n.t('Someone changed it since; check it with "{0}" before restoring', 'pass show'));
      }
      if (data.value === null) await this.pass(['rm', '-f', '--', this.entry]);
      else await this.replace(data.value);
      return this.read();
    });
  }

  private stateOf(text: string | null): SinkState {
    if (text === null) return { exists: false };
    const doc = parseEnv(text);
    const last = (key: string) => envValuesOf(doc, key).at(-1) || undefined;
    const secret = last(PairFields.secretKey);
    let version: string | undefined;
    try { version = contentVersion(fs.readFileSync(path.join(this.storeDir, `${this.entry}.gpg`))); } catch { version = undefined; }
    return {
      exists: true,
      publicKey: last(PairFields.publicKey),
      secretFingerprint: secret ? fingerprintSecret(secret) : undefined,
      baseUrl: last(PairFields.baseUrl) ?? last(LEGACY_BASE_URL_FIELD),
      version,
    };
  }

  /** The decrypted entry, or null when it does not exist. */
  private async show(): Promise<string | null> {
    if (!fs.existsSync(this.storeDir)) {
      throw new SinkNotFoundError(this.target, l10n.t('the password store folder {0} does not exist', this.storeDir), l10n.t('Run "{0}", clone your team\'s store, or fix the store folder in the settings', 'pass init <your GPG key id>'));
    }
    const result = await runPass(this.target, this.config, ['show', '--', this.entry]);
    if (result.code === 0) return result.stdout;
    if (/is not in the password store/.test(result.stderr)) return null;
    throw passSinkError(this.target, this.entry, this.storeDir, result);
  }

  /** `[folder/].<name>.lfa-` — the prefix of this entry's hidden temporary entries. */
  private tempPrefix(): string {
    const dir = path.posix.dirname(this.entry);
    return `${dir === '.' ? '' : `${dir}/`}.${path.posix.basename(this.entry)}.lfa-`;
  }

  /**
   * A writer killed between `pass insert` and `pass mv` leaves its hidden temporary entry behind: it
   * holds the key pair and, in a git-backed store, is committed. Called under this entry's lock, so no
   * writer of this tool is mid-write; also on the no-op paths, so the next operation always sweeps it.
   * Best effort: a failure here must not block the write or restore itself.
   */
  private async removeLeftoverTempEntries(): Promise<void> {
    const prefix = this.tempPrefix();
    const base = path.posix.basename(prefix);
    let names: string[];
    try { names = fs.readdirSync(path.join(this.storeDir, path.posix.dirname(prefix))); } catch { return; }
    for (const name of names) {
      const hex = name.startsWith(base) && name.endsWith('.gpg') ? name.slice(base.length, -'.gpg'.length) : '';
      if (!/^[0-9a-f]+$/.test(hex)) continue;
      await runPass(this.target, this.config, ['rm', '-f', '--', `${prefix}${hex}`]).catch(() => undefined);
    }
  }

  private async replace(content: string): Promise<void> {
    const temp = `${this.tempPrefix()}${crypto.randomBytes(4).toString('hex')}`;
    try {
      await this.pass(['insert', '--multiline', '--force', '--', temp], content);
      await this.pass(['mv', '--force', '--', temp, this.entry]);
    } catch (err) {
      await runPass(this.target, this.config, ['rm', '-f', '--', temp]).catch(() => undefined);
      throw err;
    }
  }

  private async pass(args: string[], stdin?: string): Promise<void> {
    const result = await runPass(this.target, this.config, args, stdin);
    if (result.code !== 0) throw passSinkError(this.target, this.entry, this.storeDir, result);
  }
}
