// The one interface every secret sink implements. The rotation (src/core/rotation/) only talks to
// `SecretSink`; it never knows whether a target is a file, a cloud secret or a password store.

export type SinkKind = 'secretstorage' | 'env' | 'aws-sm' | 'pass' | 'vault' | 'access';

/** The keys a rotation replaces: `next` once the new key is known. */
export interface RotationKeys { old?: string; next?: string }

/** A Langfuse key pair on its way into a target. `secretKey` is the only secret field. */
export interface KeyPair {
  publicKey: string;
  secretKey: string;
  baseUrl?: string;
}

/**
 * What a target holds now, without the secret: safe for logs, the rotation journal and the UI.
 * `secretFingerprint` is `sha256:` + the first 16 hex digits of the secret's SHA-256.
 */
export interface SinkState {
  /** The location exists (file, cloud secret, pass entry, Vault path), whether or not it holds a pair. */
  exists: boolean;
  publicKey?: string;
  secretFingerprint?: string;
  baseUrl?: string;
  /** Sink-specific version: AWS VersionId, Vault version number, or a content hash for files. */
  version?: string;
}

/**
 * What a target held before a write, as `restore()` needs it. Take it BEFORE writing and persist it,
 * so a crash between write and journal can still be rolled back.
 * When `holdsSecret` is true, `restoreData` contains the old secret (files, pass, SecretStorage have
 * no history of their own): keep the snapshot where the new secret is kept (SecretStorage, or the
 * CLI's 0600 state file), never in the journal. AWS and Vault snapshots hold only version ids.
 */
export interface SinkSnapshot {
  target: string;
  state: SinkState;
  holdsSecret: boolean;
  restoreData: RestoreData;
}

export type RestoreData =
  | { kind: 'values'; existed: boolean; values: Record<string, string[]> }
  | { kind: 'aws-version'; versionId: string | null }
  | { kind: 'vault-version'; version: number | null }
  | { kind: 'raw'; value: string | null };

export interface WriteOptions {
  /**
   * Check-and-set: refuse with SinkConflictError unless the target still holds this (usually
   * `snapshot.state`). A target that already holds the pair being written is a success (resume).
   */
  expectedPrevious?: SinkState;
}

export interface WriteReceipt {
  target: string;
  /** The version the write produced (AWS VersionId, Vault version, file content hash). */
  version: string;
  /** True when the target already held this pair and nothing was written (a resumed rotation). */
  unchanged: boolean;
  /** The state read back after the write. */
  state: SinkState;
}

export interface ReadBackResult {
  matches: boolean;
  state: SinkState;
  /** Which field differs, e.g. "secret key fingerprint sha256:… ≠ sha256:…"; never a secret. */
  difference?: string;
}

export interface RestoreOptions {
  /**
   * Only restore if the target still holds this secret fingerprint (what the rotation wrote) or
   * already holds the snapshot; anything else is someone else's change and raises a conflict.
   */
  onlyIfHolding?: string;
}

export interface SecretSink {
  readonly kind: SinkKind;
  /** The canonical target spec, e.g. `env:/srv/app/.env`, `vault:secret/langfuse/prod`. */
  readonly target: string;
  /** One line for people: where the pair goes. Never contains a secret. */
  describe(): string;
  read(): Promise<SinkState>;
  snapshot(): Promise<SinkSnapshot>;
  write(pair: KeyPair, options?: WriteOptions): Promise<WriteReceipt>;
  /** Reads the target again and compares public key, secret fingerprint and base URL. */
  readBack(pair: KeyPair): Promise<ReadBackResult>;
  /** Puts back what the snapshot recorded. Idempotent: restoring twice is fine. */
  restore(snapshot: SinkSnapshot, options?: RestoreOptions): Promise<SinkState>;
  /**
   * A target that lists several public keys (an access file's `publicKeys`) holds "the key being
   * rotated" only relative to a rotation: this returns the sink seen through its keys. Sinks holding
   * one pair do not implement it.
   */
  forRotation?(keys: RotationKeys): SecretSink;
}
