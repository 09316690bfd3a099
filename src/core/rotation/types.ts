// Plain data in and out of the rotation engine, so any front end (VS Code wizard, CLI) can drive it.
import type { LangfuseClient } from '../langfuse';
import type { SecretSink } from '../secrets/types';
import type { Reference } from './evidence';
import type { ForeignHostRequest } from './foreignHost';
import type { Evidence, RotationJournal, RotationTool } from './journal';
import type { PendingSecretStore } from './pendingSecrets';
import type { RotationMode, RotationStep } from './steps';

export interface RotationPlan {
  mode: RotationMode;
  connection: { id?: string; name?: string; baseUrl: string };
  /** The project by name; the id is looked up (admin API) or learned from who-am-I (manual mode). */
  project: { name: string; id?: string };
  /** The key to replace; absent in `create` mode. */
  oldPublicKey?: string;
  /** The new key's note (a declared key keeps its note); default: where it was rotated from. Required to create. */
  note?: string;
  /** Canonical target specs (`env:/abs/.env`, `aws-sm:…`, `pass:…`, `vault:…`, `secretstorage:…`). */
  targets: string[];
  /** Files or folders searched for the old public key before the revoke (the workspace). */
  scanPaths?: string[];
  /** Files left out of that search (an access file that declares the key by note, and lists it). */
  scanExclude?: string[];
  /**
   * Read tracing data arriving with the NEW key since the cut-over, as extra evidence (off unless asked;
   * chosen by server version, never blocking: traceProbe.ts).
   */
  probeTraces?: boolean;
  /**
   * Whether the workspace the rotation comes from is trusted (VS Code's workspace trust; the CLI, run
   * by the user on paths they name, passes true). Untrusted: no `.env` target is read for its secret
   * or written with the new key.
   */
  workspaceTrusted: boolean;
  /** The old secret when the front end has it (e.g. in SecretStorage): lets the re-check prove the old pair answers 401. */
  oldSecretKey?: string;
}

export interface KeyPairInput { publicKey: string; secretKey: string }

export interface RotationDeps {
  /** The state folder shared by the extension and the CLI (journals in rotations/, locks in locks/). */
  stateDir: string;
  tool: RotationTool;
  /** Who is rotating (acting identity), written into the key's note, the journal and the audit log. */
  actor: string;
  secrets: PendingSecretStore;
  /** An organization-key client with the admin API; absent for a manual rotation. */
  admin?: LangfuseClient;
  /** A client for a project key pair on the rotation's Langfuse instance. */
  clientFor(pair: KeyPairInput, baseUrl: string): LangfuseClient;
  /** Builds the sink for a target spec (createSink with the front end's settings). */
  sinkFor(target: string): SecretSink;
  /** Appends one audit entry (AuditWriter.append); never given a secret. */
  audit?: (event: { action: string; outcome: 'success' | 'failure' | 'refused' | 'started' | 'cancelled'; details: Record<string, unknown>; journal: RotationJournal }) => void;
  now?: () => Date;
  /** Tests: a canary-shaped generator. Default: Langfuse's own format. */
  generatePair?: () => KeyPairInput;
  /**
   * Whether the front end's workspace is trusted NOW (VS Code: `workspace.isTrusted`), for rotations
   * resumed in another window than the one that planned them. Absent: the plan's answer stands.
   */
  workspaceTrusted?: () => boolean;
  /** Called at named points between an outside effect and the journal write (tests crash here). */
  checkpoint?: (name: string) => void;
  /**
   * Pauses between attempts of a step after the revoke, whose transient failures (network, timeout,
   * 5xx, rate limit) are retried because such a rotation can only go forward. Default 1 s, 4 s, 10 s.
   */
  retryDelaysMs?: readonly number[];
}

export type RotationEvent =
  | { kind: 'step'; step: RotationStep; index: number; total: number; title: string; message: string }
  | { kind: 'target'; target: string; status: 'snapshot' | 'written' | 'unchanged' | 'verified' | 'restored' | 'restore-conflict'; message: string }
  | { kind: 'note'; message: string }
  | { kind: 'waiting'; reason: WaitReason; message: string }
  | { kind: 'error'; message: string };

export type WaitReason = 'new-pair' | 'checklist' | 'references' | 'targets-hold-old' | 'confirm-revoke' | 'manual-deletion' | 'old-key-still-valid' | 'restore-conflict';

export interface ChecklistRequest {
  rotationId: string;
  project: string;
  oldPublicKey: string;
  newPublicKey: string;
  /** The checklist lines to show, e.g. "New keys are in aws-sm:acme/prod". */
  items: string[];
  evidence: Evidence;
}

export interface RevokeRequest {
  rotationId: string;
  project: string;
  oldPublicKey: string;
  newPublicKey: string;
  mode: RotationMode;
  /** One sentence naming project and key, to show verbatim in the confirmation. */
  question: string;
  /** Compromised mode: the explicit warning that services still on the old key will fail at once. */
  warning?: string;
  /** Manual mode: the user deletes the key in the Langfuse UI and then confirms. */
  manualInstructions?: string;
}

export interface NewPairRequest {
  rotationId: string;
  project: string;
  baseUrl: string;
  oldPublicKey: string;
  /** What to tell the user: where to create the key and which note to give it. */
  instructions: string;
  suggestedNote: string;
}

/** Every callback may be absent: the rotation then waits at that step (resumable). */
export interface RotationCallbacks {
  onEvent?(event: RotationEvent): void;
  /** Manual mode: the pair the user created in the Langfuse UI; undefined = not yet. */
  provideNewPair?(request: NewPairRequest): Promise<KeyPairInput | undefined>;
  confirmChecklist?(request: ChecklistRequest): Promise<boolean>;
  /** Names project and key; in manual mode "yes" means "I deleted it in the UI". */
  confirmRevoke?(request: RevokeRequest): Promise<boolean>;
  /**
   * A `.env` target points its SDK at another host than the connection's: write the new key there
   * anyway? Only an answer given for these hosts by name counts (never a blanket --yes); absent or
   * false refuses the target.
   */
  confirmForeignHost?(request: ForeignHostRequest): Promise<boolean>;
}

export interface RunResult {
  journal: RotationJournal;
  /** `waiting`: a person must act (see journal.waiting); run again to continue. */
  outcome: 'completed' | 'rolledBack' | 'waiting' | 'progressed';
}

export type { Evidence, ForeignHostRequest, Reference };
