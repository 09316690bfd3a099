import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWriteTarget, scopeFor, UnsafeWriteError, writeFileInScope, type WriteScope } from '../../fs/scopedWrite';
import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkConflictError, SinkPermissionError } from '../errors';
import { contentVersion, fingerprintSecret, holdsPair, readBackResult, sameHolding } from '../fingerprint';
import { LEGACY_BASE_URL_FIELD, PairFields, validatePair } from '../pairFields';
import type { KeyPair, ReadBackResult, RestoreOptions, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';
import { envValuesOf, setEnvValues } from '../../env/envEdit';
import { parseEnv, type EnvDocument } from '../../env/envParser';
import { fsSinkError } from '../fsErrors';
import { withSinkLock } from '../sinkLock';
import { resolveLinkTarget } from './resolveLink';

export interface EnvFileSinkOptions {
  /** Folder for the cross-process lock files (the state folder's `locks/`). */
  lockDir: string;
  /** Tool name written into the lock, so a blocked writer can say who holds it. */
  tool?: string;
  lockWaitMs?: number;
  /**
   * Where the file (after its symbolic links) may be: the workspace for a file in it, else the folder the
   * user named. Default: the named file's own folder. A link leading out of it is refused for every operation.
   */
  scope?: WriteScope;
}

/** Cause code of a target whose real path leaves the sink's scope. */
const OUT_OF_SCOPE = 'out-of-scope';

const STORED_KEYS = [PairFields.publicKey, PairFields.secretKey, PairFields.baseUrl, LEGACY_BASE_URL_FIELD];

interface Loaded { file: string; existed: boolean; text: string; doc: EnvDocument }

/** The pair (and base URL) written into a .env text or a pass entry: every occurrence changes, nothing else. */
export function writePair(text: string, pair: KeyPair): string {
  let out = setEnvValues(text, PairFields.publicKey, [pair.publicKey]);
  out = setEnvValues(out, PairFields.secretKey, [pair.secretKey]);
  if (pair.baseUrl !== undefined) {
    out = setEnvValues(out, PairFields.baseUrl, [pair.baseUrl]);
    if (envValuesOf(parseEnv(out), LEGACY_BASE_URL_FIELD).length > 0) out = setEnvValues(out, LEGACY_BASE_URL_FIELD, [pair.baseUrl]);
  }
  return out;
}

/**
 * A .env file. Writes replace the file atomically (temp file + rename in the same folder), keep
 * everything but the edited values byte for byte, keep the mode of an existing file (0600 for a
 * new one) and keep symlinks that stay inside the sink's scope (a link out of the workspace, e.g. to
 * ~/.bashrc, is refused). Writers of this tool are serialised by a lock in the state folder;
 * an edit by another program between read and rename is detected and the write retried.
 */
export class EnvFileSink implements SecretSink {
  readonly kind = 'env';
  readonly target: string;
  private readonly scope: WriteScope;

  constructor(readonly file: string, private readonly options: EnvFileSinkOptions) {
    this.file = path.resolve(file);
    this.target = `env:${this.file}`;
    this.scope = options.scope ?? scopeFor(this.file, []);
    // A link out of the scope is a configuration error now, before a rotation creates a key for this target.
    try { this.resolve('read'); } catch (err) { if (err instanceof SinkConfigError && err.causeCode === OUT_OF_SCOPE) throw err; }
  }

  describe(): string {
    return l10n.t('.env file {0}', this.file);
  }

  async read(): Promise<SinkState> {
    return this.stateOf(this.load());
  }

  async snapshot(): Promise<SinkSnapshot> {
    const loaded = this.load();
    const values: Record<string, string[]> = {};
    for (const key of STORED_KEYS) values[key] = envValuesOf(loaded.doc, key);
    return {
      target: this.target,
      state: this.stateOf(loaded),
      holdsSecret: values[PairFields.secretKey].length > 0,
      restoreData: { kind: 'values', existed: loaded.existed, values },
    };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    validatePair(this.target, pair);
    return this.locked(() => this.editWithRetry(loaded => {
      const before = this.stateOf(loaded);
      if (holdsPair(before, pair)) return undefined;
      if (options.expectedPrevious && !sameHolding(before, options.expectedPrevious)) {
        throw new SinkConflictError(this.target, before.publicKey === undefined ? l10n.t('the file changed since it was read: it now holds no public key') : l10n.t('the file changed since it was read: it now holds {0}', before.publicKey), l10n.t('Re-read the target and start the step again'));
      }
      return writePair(loaded.text, pair);
    }, pair));
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    return readBackResult(await this.read(), pair);
  }

  async restore(snapshot: SinkSnapshot, options: RestoreOptions = {}): Promise<SinkState> {
    const data = snapshot.restoreData;
    if (data.kind !== 'values') throw new Error(`snapshot of ${snapshot.target} is not a .env snapshot`);
    await this.locked(() => this.editWithRetry(loaded => {
      const now = this.stateOf(loaded);
      if (sameHolding(now, snapshot.state)) return undefined;
      if (options.onlyIfHolding !== undefined && now.secretFingerprint !== options.onlyIfHolding) {
        throw new SinkConflictError(this.target, now.publicKey === undefined ? l10n.t('the file no longer holds the pair this rotation wrote (it holds no public key)') : l10n.t('the file no longer holds the pair this rotation wrote (it holds {0})', now.publicKey), l10n.t('Someone changed it since; check the file by hand before restoring'));
      }
      if (!data.existed) {
        // The rotation created the file: remove it again, unless other lines were added since.
        const rest = STORED_KEYS.reduce((text, key) => setEnvValues(text, key, []), loaded.text);
        return rest.trim() === '' ? null : rest;
      }
      return STORED_KEYS.reduce((text, key) => setEnvValues(text, key, data.values[key] ?? []), loaded.text);
    }));
    return this.read();
  }

  private stateOf(loaded: Loaded): SinkState {
    const last = (key: string) => envValuesOf(loaded.doc, key).at(-1);
    const secret = last(PairFields.secretKey);
    return {
      exists: loaded.existed,
      publicKey: last(PairFields.publicKey) || undefined,
      secretFingerprint: secret ? fingerprintSecret(secret) : undefined,
      baseUrl: last(PairFields.baseUrl) || last(LEGACY_BASE_URL_FIELD) || undefined,
      version: loaded.existed ? contentVersion(loaded.text) : undefined,
    };
  }

  /** The file the name leads to (links followed), checked to be a regular file inside the scope. */
  private resolve(doing: 'read' | 'write'): string {
    let file: string;
    try { file = resolveLinkTarget(this.file); } catch (err) { throw fsSinkError(this.target, this.file, err, doing); }
    try {
      checkWriteTarget(file, this.scope);
    } catch (err) {
      if (err instanceof UnsafeWriteError && err.reason === 'not-a-file') {
        throw new SinkConfigError(this.target, l10n.t('{0} is a folder or a special file, not a .env file', file), l10n.t('Point the target at a file, e.g. {0}', 'env:./.env'), 'EISDIR');
      }
      if (err instanceof UnsafeWriteError) {
        throw new SinkConfigError(this.target, file === this.file ? err.message.replace(/\.$/, '') : l10n.t('{0} is a symbolic link to {1}, outside {2}: refused', this.file, file, this.scope.label),
          file === this.file ? l10n.t('Choose a regular file as the target') : l10n.t('Name the real file as the target ({0}) if it is really meant', `env:${file}`), OUT_OF_SCOPE);
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fsSinkError(this.target, file, err, doing);
    }
    return file;
  }

  private load(): Loaded {
    const file = this.resolve('read');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, existed: false, text: '', doc: parseEnv('') };
      throw fsSinkError(this.target, file, err, 'read');
    }
    return { file, existed: true, text, doc: parseEnv(text) };
  }

  /**
   * Runs `edit` on a fresh read and writes its result atomically; `null` deletes the file,
   * `undefined` means nothing to do. If the file changed between read and rename (another
   * program), the edit is redone on the new content.
   */
  private editWithRetry(edit: (loaded: Loaded) => string | null | undefined, pair?: KeyPair): WriteReceipt {
    for (let attempt = 0; ; attempt++) {
      const loaded = this.load();
      // Also on the no-op paths (pair already there, nothing to restore): a killed writer's temp file
      // holds a secret and must not outlive the next operation on this file.
      removeStaleTempFiles(loaded.file);
      const next = edit(loaded);
      if (next === undefined) return this.receipt(loaded, true);
      const again = this.load();
      if (again.text !== loaded.text || again.existed !== loaded.existed) {
        if (attempt < 5) continue;
        throw new SinkConflictError(this.target, l10n.t('the file keeps changing while it is being updated'), l10n.t('Close other programs editing it and try again'));
      }
      if (loaded.existed) assertWritable(this.target, loaded.file);
      try {
        if (next === null) fs.rmSync(loaded.file, { force: true });
        else writeFileInScope(loaded.file, next, this.scope, loaded.existed ? {} : { mode: 0o600 });
      } catch (err) {
        if (err instanceof UnsafeWriteError) throw new SinkConfigError(this.target, err.message.replace(/\.$/, ''), l10n.t('Choose a regular file inside the workspace, or name the real file'));
        throw fsSinkError(this.target, loaded.file, err, 'write');
      }
      const written = this.load();
      if (pair && !holdsPair(this.stateOf(written), pair)) {
        throw new SinkConflictError(this.target, l10n.t('the file did not hold the new pair when read back'), l10n.t('Another program rewrote it at the same moment; try again'));
      }
      return this.receipt(written, false);
    }
  }

  private receipt(loaded: Loaded, unchanged: boolean): WriteReceipt {
    const state = this.stateOf(loaded);
    return { target: this.target, version: state.version ?? 'absent', unchanged, state };
  }

  private async locked<T>(fn: () => T): Promise<T> {
    const file = this.resolve('write');
    return withSinkLock(this.target, file, { lockDir: this.options.lockDir, tool: this.options.tool, waitMs: this.options.lockWaitMs }, fn);
  }
}

/**
 * A writer killed between creating its temp file and the rename leaves `.<name>.<hex>.tmp` behind,
 * holding a secret. Called under this file's lock, so no writer of this tool is mid-write.
 */
function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) {
      try { fs.rmSync(path.join(dir, name), { force: true }); } catch { /* best effort */ }
    }
  }
}

/**
 * A rename would replace even a read-only file, so honour the file's own write bit: a .env made
 * read-only on purpose is not rewritten behind its owner's back.
 */
function assertWritable(target: string, file: string): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new SinkPermissionError(target, l10n.t('{0} is read-only for your user', file), l10n.t('Make it writable ({0}) if it should be updated, or choose another target', `chmod u+w ${file}`), code);
    }
    throw fsSinkError(target, file, err, 'write');
  }
}
