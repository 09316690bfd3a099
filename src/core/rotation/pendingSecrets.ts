// Where a rotation keeps its secrets until it ends: the new secret key (persisted BEFORE the key is
// created in Langfuse, so a crash can never lose it), the old secret key when a target held it
// (to re-check afterwards that it answers 401), and target snapshots that contain secrets (for
// rollback). The CLI keeps them in a 0600 file next to the journal; the extension in SecretStorage.
// Both are wiped when the rotation completes or is rolled back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import * as z from '../zod';
import { SecretKeys, StateFiles } from '../names';
import type { SecretStorageLike } from '../secrets/secretStorage/secretStorageSink';
import type { SinkSnapshot } from '../secrets/types';
import { writeFileAtomicSync } from '../state/atomicWrite';
import { ensurePrivateDir } from '../state/stateDir';

export interface PendingSecrets {
  rotationId: string;
  newPair?: { publicKey: string; secretKey: string };
  oldSecretKey?: string;
  /** Snapshots whose restoreData holds a secret (.env files, pass entries, SecretStorage), by target. */
  snapshots: Record<string, SinkSnapshot>;
}

export interface PendingSecretStore {
  /** Where the secrets are kept, for messages ("a 0600 file in …"). Never a secret. */
  describe(): string;
  load(rotationId: string): Promise<PendingSecrets | undefined>;
  /** Resolves only once the secrets are durable (fsync'd file, SecretStorage write done). */
  save(secrets: PendingSecrets): Promise<void>;
  wipe(rotationId: string): Promise<void>;
}

const KeyPairSchema = z.object({ publicKey: z.string(), secretKey: z.string() });
const SnapshotSchema = z.object({
  target: z.string(),
  state: z.object({ exists: z.boolean(), publicKey: z.optional(z.string()), secretFingerprint: z.optional(z.string()), baseUrl: z.optional(z.string()), version: z.optional(z.string()) }),
  holdsSecret: z.boolean(),
  restoreData: z.union([
    z.object({ kind: z.literal('values'), existed: z.boolean(), values: z.record(z.string(), z.array(z.string())) }),
    z.object({ kind: z.literal('aws-version'), versionId: z.nullable(z.string()) }),
    z.object({ kind: z.literal('vault-version'), version: z.nullable(z.number()) }),
    z.object({ kind: z.literal('raw'), value: z.nullable(z.string()) }),
  ]),
});
const PendingSecretsSchema = z.object({
  rotationId: z.string(),
  newPair: z.optional(KeyPairSchema),
  oldSecretKey: z.optional(z.string()),
  snapshots: z.record(z.string(), SnapshotSchema),
});

function parsePending(text: string, where: string): PendingSecrets {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { throw new Error(l10n.t('The pending rotation secrets in {0} are not valid JSON; the file was damaged. Do not delete it: it may hold the only copy of a new secret key.', where)); }
  const parsed = PendingSecretsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(l10n.t('The pending rotation secrets in {0} do not have the expected shape.', where));
  return parsed.data as PendingSecrets;
}

/** The CLI's store: `<stateDir>/rotations/<id>.secret.json`, mode 0600 in a 0700 folder. */
export class FilePendingSecretStore implements PendingSecretStore {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, StateFiles.rotationsDir);
  }

  file(rotationId: string): string {
    return path.join(this.dir, `${rotationId}.secret.json`);
  }

  describe(): string {
    return l10n.t('a 0600 file in {0}', this.dir);
  }

  async load(rotationId: string): Promise<PendingSecrets | undefined> {
    let text: string;
    try { text = fs.readFileSync(this.file(rotationId), 'utf8'); } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return parsePending(text, this.file(rotationId));
  }

  async save(secrets: PendingSecrets): Promise<void> {
    ensurePrivateDir(this.dir);
    writeFileAtomicSync(this.file(secrets.rotationId), JSON.stringify(secrets), { mode: 0o600 });
  }

  /** Removes the file and any temp copy a writer killed mid-write left next to it (it may hold a secret). */
  async wipe(rotationId: string): Promise<void> {
    fs.rmSync(this.file(rotationId), { force: true });
    const prefix = `.${rotationId}.`;
    let names: string[] = [];
    try { names = fs.readdirSync(this.dir); } catch { /* no folder, nothing left */ }
    for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(this.dir, name), { force: true });
  }
}

/** The extension's store: one SecretStorage entry per rotation, `langfuseAccess/rotation/<id>`. */
export class SecretStoragePendingSecretStore implements PendingSecretStore {
  constructor(private readonly storage: SecretStorageLike) {}

  static key(rotationId: string): string {
    return SecretKeys.rotation(rotationId);
  }

  describe(): string {
    return 'VS Code SecretStorage';
  }

  async load(rotationId: string): Promise<PendingSecrets | undefined> {
    const text = await this.storage.get(SecretStoragePendingSecretStore.key(rotationId));
    return text === undefined ? undefined : parsePending(text, 'SecretStorage');
  }

  async save(secrets: PendingSecrets): Promise<void> {
    await this.storage.store(SecretStoragePendingSecretStore.key(secrets.rotationId), JSON.stringify(secrets));
  }

  async wipe(rotationId: string): Promise<void> {
    await this.storage.delete(SecretStoragePendingSecretStore.key(rotationId));
  }
}

/** Remembers, in memory, the new pairs passing through a store (the extension keeps a completed rotation's pair as a stored key). */
export class CapturingPendingStore implements PendingSecretStore {
  readonly newPairs = new Map<string, { publicKey: string; secretKey: string }>();
  constructor(private readonly inner: PendingSecretStore) {}
  describe(): string { return this.inner.describe(); }
  async load(rotationId: string): Promise<PendingSecrets | undefined> {
    const secrets = await this.inner.load(rotationId);
    if (secrets?.newPair) this.newPairs.set(rotationId, secrets.newPair);
    return secrets;
  }
  async save(secrets: PendingSecrets): Promise<void> {
    await this.inner.save(secrets);
    if (secrets.newPair) this.newPairs.set(secrets.rotationId, secrets.newPair);
  }
  wipe(rotationId: string): Promise<void> { return this.inner.wipe(rotationId); }
}
