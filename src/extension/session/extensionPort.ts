import { l10n } from '../../core/l10n/l10n';
import type { Logger } from '../../core/log/logger';
import { actingIdentity } from '../../core/identity/actingAs';
import { shortPublicKey } from '../../core/log/redact';
import { publicKeyProblem, secretKeyProblem } from '../../core/rotation/choices';
import type { CapturingPendingStore } from '../../core/rotation/pendingSecrets';
import type { SecretStorageLike } from '../../core/secrets/secretStorage/secretStorageSink';
import type { SessionPort } from '../../core/session/port';
import type { Chunks } from '../lazy';
import type { Prompter } from '../ui/prompter';

/** What the extension's port reads from VS Code; injected so the port runs without VS Code in unit tests. */
export interface ExtensionPortDeps {
  core: Chunks['core'];
  /** Read on every question: the integration tests swap in a scripted prompter. */
  ui(): Prompter;
  secrets: SecretStorageLike;
  stateDir: string;
  logger?: Logger;
  /** User settings only (inspect().globalValue): a workspace never chooses who acts or where sinks point. */
  actingAsSetting(): string | undefined;
  secretManagersSetting(): unknown;
  vaultToken(): Promise<string | undefined>;
  workspaceRoot(): string | undefined;
  /** The workspace folders on disk: an `env:` target may link within them, never out of them. */
  workspaceRoots?(): readonly string[];
  /** VS Code's workspace trust: in Restricted Mode no rotation reads a secret from, or writes a key into, a workspace file. */
  workspaceTrusted?(): boolean;
  audited?(): void;
  home?: string;
}

/**
 * The VS Code edge of the session: modal dialogs for confirmations and refusals, SecretStorage for a
 * rotation's pending secrets and the `secretstorage` target, user settings for sinks and identity.
 */
export class ExtensionPort implements SessionPort {
  readonly tool = 'extension' as const;
  readonly pendingSecrets: CapturingPendingStore;
  readonly clock;
  readonly stateDir: string;
  readonly logger?: Logger;
  /** Set while a rotation runs with a progress notification. */
  onProgress: ((message: string, increment?: number) => void) | undefined;
  readonly prompter: SessionPort['prompter'];

  constructor(private readonly deps: ExtensionPortDeps) {
    this.clock = deps.core.systemClock;
    this.stateDir = deps.stateDir;
    this.logger = deps.logger;
    this.pendingSecrets = new deps.core.CapturingPendingStore(new deps.core.SecretStoragePendingSecretStore(deps.secrets));
    const ui = () => deps.ui();
    this.prompter = {
      confirm: c => ui().confirm(c.detail ? `${c.detail}\n\n${c.message}` : c.message, c.button, undefined, c.cancel),
      refuse: message => ui().refuse(message),
      notify: message => ui().notify(message),
      progress: event => {
        if (event.kind === 'step') this.onProgress?.(`${event.index}/${event.total} ${event.title}: ${event.message}`, 100 / event.total);
        else this.onProgress?.(event.message);
        this.logger?.child('Rotation').info(deps.core.formatRotationEvent(event).trimEnd());
      },
      newKeyPair: async request => {
        const publicKey = (await ui().input({ title: l10n.t('New key pair for {0}', request.project), prompt: l10n.t('{0} Then paste the public key.', request.instructions), placeHolder: 'pk-lf-…',
          validateInput: publicKeyProblem }))?.trim();
        if (!publicKey) return undefined;
        const secretKey = (await ui().input({ title: l10n.t('New key pair for {0}', request.project), prompt: l10n.t('The secret key of {0} (shown once by Langfuse; stored only in SecretStorage).', shortPublicKey(publicKey)), password: true,
          validateInput: secretKeyProblem }))?.trim();
        return secretKey ? { publicKey, secretKey } : undefined;
      },
    };
  }

  actor() {
    return actingIdentity(this.deps.actingAsSetting(), this.deps.home);
  }

  async sinkSettings() {
    return {
      settings: this.deps.core.secretManagersFromSetting(this.deps.secretManagersSetting(), message => this.logger?.warn(message)),
      cwd: this.deps.workspaceRoot(),
      workspaceRoots: this.deps.workspaceRoots?.() ?? [],
      secretStorage: { storage: this.deps.secrets, label: l10n.t('VS Code SecretStorage') },
      vaultToken: await this.deps.vaultToken(),
    };
  }

  workspaceTrusted(): boolean {
    return this.deps.workspaceTrusted?.() ?? true;
  }

  audited(): void {
    this.deps.audited?.();
  }
}
