// What an edge (the VS Code extension, the CLI) provides to the session: input and output only.
// Everything else — guards, audit entries, clients, the rotation engine's wiring — is the session's.
import type { Clock } from '../clock';
import type { Logger } from '../log/logger';
import type { PendingSecretStore } from '../rotation/pendingSecrets';
import type { KeyPairInput, NewPairRequest, RotationEvent } from '../rotation/types';
import type { SinkFactoryOptions } from '../secrets/createSink';

/** Why the session asks: lets an edge answer by kind (the CLI's --yes, a test's script). */
export type ConfirmationId =
  | 'change'            // every member/key change, naming what changes
  | 'elevated-grant'    // the second confirmation before granting OWNER or ADMIN
  | 'rotation-start'    // a rotation's plan (project, key, mode, targets)
  | 'rotation-checklist'
  | 'rotation-revoke'
  | 'rotation-abort'
  | 'rotation-foreign-host' // writing a key into a .env whose SDK points at another host than the connection's
  | 'discard-secret'    // a key created moments ago whose secret the user did not keep
  | 'plan-apply'        // an access-as-code plan, confirmed as a whole before apply changes anything
  | 'plan-destroy';     // its revokes and removals (exhaustive lists), confirmed on their own

export interface Confirmation {
  id: ConfirmationId;
  message: string;
  /** The button that says yes, e.g. "Change Role". */
  button: string;
  /** What saying no means when it is not simply "Cancel" (e.g. "Go Back to the Secret"): the dialog's only other button. */
  cancel?: string;
  detail?: string;
  /** The hosts a yes would send a key to (rotation-foreign-host): consent to them is given by name, never by a blanket --yes. */
  hosts?: readonly string[];
}

export interface SessionPrompter {
  /** True when the user (or the edge's standing consent, e.g. `--yes`) says go ahead. */
  confirm(confirmation: Confirmation): Promise<boolean>;
  /** A refusal the user must read (the guard's reason, naming whom to ask). */
  refuse(message: string): Promise<void>;
  notify(message: string): void;
  /** Manual rotation: the pair the user created in Langfuse's UI; undefined = not yet. */
  newKeyPair(request: NewPairRequest): Promise<KeyPairInput | undefined>;
  /** Rotation progress. */
  progress(event: RotationEvent): void;
}

export interface ActingIdentity {
  /** The email the guards check; undefined when neither a setting nor git names one. */
  email: string | undefined;
  /** What the audit log records as actor (the email, else user@host). */
  label: string;
}

/** Where sinks get their endpoints and tokens (never from a workspace). */
export type SinkSettings = Omit<SinkFactoryOptions, 'lockDir' | 'tool'>;

export interface SessionPort {
  readonly tool: 'extension' | 'cli';
  readonly stateDir: string;
  readonly prompter: SessionPrompter;
  /** Where a rotation's new secret waits until the rotation ends (SecretStorage, a 0600 file). */
  readonly pendingSecrets: PendingSecretStore;
  readonly clock: Clock;
  readonly logger?: Logger;
  actor(): ActingIdentity;
  sinkSettings(): Promise<SinkSettings>;
  /** VS Code's workspace trust (the CLI has no Restricted Mode: true). An untrusted workspace's files lend no secret and take no key. */
  workspaceTrusted?(): boolean;
  /** Called after each audit append (the extension refreshes its Audit Log view). */
  audited?(): void;
  /** Tests only: named crash points inside the rotation engine. */
  checkpoint?(name: string): void;
}
