// HashiCorp Vault (or OpenBao) KV version 2 over its HTTP API. Every write is check-and-set
// (options.cas = the version read), so a concurrent writer is detected instead of overwritten;
// fields other than the Langfuse ones are kept. Rollback writes the old version's data as a new
// version, so Vault's own history keeps every step.
import { l10n } from '../../l10n/l10n';
import * as z from '../../zod';
import { SinkConfigError, SinkConflictError, SinkNotFoundError } from '../errors';
import { holdsPair, readBackResult, sameHolding } from '../fingerprint';
import { mergePairIntoRecord, stateFromRecord, validatePair } from '../pairFields';
import type { KeyPair, ReadBackResult, RestoreOptions, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';
import { VaultHttp, type VaultConnection } from './vaultHttp';

const MountBody = z.object({ data: z.object({ path: z.string(), options: z.optional(z.nullable(z.object({ version: z.optional(z.string()) }))) }) });
const Metadata = z.object({ version: z.number(), deletion_time: z.optional(z.string()), destroyed: z.optional(z.boolean()) });
const ReadBody = z.object({ data: z.object({ data: z.nullable(z.record(z.string(), z.unknown())), metadata: z.nullable(Metadata) }) });
const WriteBody = z.object({ data: z.object({ version: z.number() }) });

interface Current { exists: boolean; version: number; record: Record<string, unknown>; state: SinkState }

const CAS_RETRIES = 3;

export class VaultKv2Sink implements SecretSink {
  readonly kind = 'vault';
  readonly target: string;
  private readonly http: VaultHttp;
  private mount?: Promise<{ mount: string; path: string }>;

  /** `fullPath` is MOUNT/PATH, e.g. `secret/langfuse/production`; the mount is found by asking Vault. */
  constructor(readonly fullPath: string, private readonly conn: VaultConnection) {
    this.target = `vault:${fullPath}`;
    if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.@+-]+)+$/.test(fullPath) || fullPath.split('/').some(p => p === '..' || p === '.')) {
      throw new SinkConfigError(this.target, l10n.t('the Vault path must be {0}', 'MOUNT/PATH'), l10n.t('Use a target like {0}', 'vault:secret/langfuse/production'));
    }
    this.http = new VaultHttp(this.target, conn);
  }

  describe(): string {
    return this.conn.namespace
      ? l10n.t('Vault KV v2 secret {0} at {1} (namespace {2})', this.fullPath, this.http.address, this.conn.namespace)
      : l10n.t('Vault KV v2 secret {0} at {1}', this.fullPath, this.http.address);
  }

  async read(): Promise<SinkState> {
    return (await this.current()).state;
  }

  async snapshot(): Promise<SinkSnapshot> {
    const cur = await this.current();
    return { target: this.target, state: cur.state, holdsSecret: false, restoreData: { kind: 'vault-version', version: cur.exists ? cur.version : null } };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    validatePair(this.target, pair);
    for (let attempt = 0; ; attempt++) {
      const cur = await this.current();
      if (holdsPair(cur.state, pair)) return { target: this.target, version: String(cur.version), unchanged: true, state: cur.state };
      const expected = options.expectedPrevious;
      if (expected && !sameHolding(expected, cur.state)) {
        throw new SinkConflictError(this.target, cur.state.publicKey === undefined ? l10n.t('the secret changed since it was read: version {0} holds no public key', cur.version) : l10n.t('the secret changed since it was read: version {0} holds {1}', cur.version, cur.state.publicKey), l10n.t('Re-read the target and start the step again'));
      }
      const cas = expected?.version !== undefined ? Number(expected.version) : cur.version;
      try {
        const version = await this.put(mergePairIntoRecord(cur.record, pair), cas);
        const state = await this.read();
        if (!holdsPair(state, pair)) throw new SinkConflictError(this.target, l10n.t('the secret did not hold the new pair when read back'), l10n.t('Someone wrote it at the same moment; try again'));
        return { target: this.target, version: String(version), unchanged: false, state };
      } catch (err) {
        // Without an expected previous state, a lost check-and-set race is retried on fresh data.
        if (err instanceof SinkConflictError && !expected && attempt < CAS_RETRIES) continue;
        throw err;
      }
    }
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    return readBackResult(await this.read(), pair);
  }

  async restore(snapshot: SinkSnapshot, options: RestoreOptions = {}): Promise<SinkState> {
    const data = snapshot.restoreData;
    if (data.kind !== 'vault-version') throw new Error(`snapshot of ${snapshot.target} is not a Vault snapshot`);
    const cur = await this.current();
    if (data.version === null ? !cur.exists : sameHolding(cur.state, { ...snapshot.state, exists: true })) return cur.state;
    if (options.onlyIfHolding !== undefined && cur.state.secretFingerprint !== options.onlyIfHolding) {
      throw new SinkConflictError(this.target, cur.state.publicKey === undefined ? l10n.t('the secret no longer holds the pair this rotation wrote (version {0} holds no public key)', cur.version) : l10n.t('the secret no longer holds the pair this rotation wrote (version {0} holds {1})', cur.version, cur.state.publicKey), l10n.t('Someone changed it since; check it in Vault before restoring'));
    }
    const { mount, path } = await this.location();
    if (data.version === null) {
      // The rotation created the path: soft-delete the version it wrote (Vault keeps it, undeletable).
      await this.http.call('DELETE', `${mount}/data/${path}`);
      return this.read();
    }
    const old = await this.http.call('GET', `${mount}/data/${path}`, undefined, [404], { version: String(data.version) });
    const parsed = ReadBody.safeParse(old.body);
    if (old.status === 404 || !parsed.success || parsed.data.data.data === null) {
      throw new SinkNotFoundError(this.target, l10n.t('version {0} is no longer available in Vault (deleted, destroyed or trimmed by max_versions)', data.version), l10n.t('Restore it by hand ({0}) or write the old pair again', 'vault kv undelete / vault kv rollback'));
    }
    await this.put(parsed.data.data.data, cur.version);
    return this.read();
  }

  private async put(data: Record<string, unknown>, cas: number): Promise<number> {
    const { mount, path } = await this.location();
    const res = await this.http.call('POST', `${mount}/data/${path}`, { options: { cas }, data });
    const parsed = WriteBody.safeParse(res.body);
    if (!parsed.success) throw new SinkConfigError(this.target, l10n.t('Vault answered a write without a version'), l10n.t('Check that the mount is a KV version 2 engine'));
    return parsed.data.data.version;
  }

  private async current(): Promise<Current> {
    const { mount, path } = await this.location();
    const res = await this.http.call('GET', `${mount}/data/${path}`, undefined, [404]);
    const parsed = ReadBody.safeParse(res.body);
    if (res.status === 404) {
      const said = (res.body as { errors?: unknown[] } | undefined)?.errors?.[0];
      if (typeof said === 'string' && said !== '') {
        throw new SinkNotFoundError(this.target, l10n.t('Vault has no KV engine at {0} ({1})', `${mount}/`, said.slice(0, 120)), l10n.t('Check the mount name ({0}) and that it is a KV version 2 engine', 'vault secrets list'));
      }
      // A soft-deleted latest version answers 404 with its metadata; the next cas must name it.
      const version = parsed.success ? parsed.data.data.metadata?.version ?? 0 : 0;
      return { exists: false, version, record: {}, state: { exists: false, version: version ? String(version) : undefined } };
    }
    if (!parsed.success || !parsed.data.data.metadata) {
      throw new SinkConfigError(this.target, l10n.t('{0} does not answer like a KV version 2 engine', `${mount}/`), l10n.t('Check the mount ({0}); this tool writes KV version 2', 'vault secrets list -detailed'));
    }
    const record = parsed.data.data.data ?? {};
    const version = parsed.data.data.metadata.version;
    return { exists: true, version, record, state: stateFromRecord(record, String(version)) };
  }

  /** Splits MOUNT/PATH by asking Vault where the mount ends (mounts may have several segments). */
  private location(): Promise<{ mount: string; path: string }> {
    this.mount ??= (async () => {
      const res = await this.http.call('GET', `sys/internal/ui/mounts/${this.fullPath}`, undefined, [403, 404]);
      const parsed = MountBody.safeParse(res.body);
      let mount: string;
      if (res.status === 200 && parsed.success) {
        mount = parsed.data.data.path.replace(/\/$/, '');
        if (parsed.data.data.options?.version !== '2') {
          throw new SinkConfigError(this.target, l10n.t('{0} is a KV version {1} engine', `${mount}/`, parsed.data.data.options?.version ?? '1'), l10n.t('Use a KV version 2 mount, or upgrade this one ({0})', `vault kv enable-versioning ${mount}/`));
        }
      } else {
        // Tokens without access to the preflight endpoint: take the first segment as the mount.
        mount = this.fullPath.split('/')[0];
      }
      const path = this.fullPath.slice(mount.length + 1);
      if (!path) throw new SinkConfigError(this.target, l10n.t('the target names only the mount {0}', `${mount}/`), l10n.t('Add the secret path, e.g. {0}', 'vault:secret/langfuse/production'));
      return { mount, path };
    })();
    this.mount.catch(() => { this.mount = undefined; });
    return this.mount;
  }
}
