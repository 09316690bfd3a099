// The CLI edge of the session: questions on the terminal (stderr), `--yes` as standing consent, and
// without a terminal and without --yes nothing is confirmed (a rotation then waits, resumable).
import * as os from 'node:os';
import { l10n } from '../../core/l10n/l10n';
import { systemClock } from '../../core/clock';
import { forTerminalText } from '../../core/display/terminal';
import { actingIdentity } from '../../core/identity/actingAs';
import { CliEnv, TOOL_NAME } from '../../core/names';
import { FilePendingSecretStore } from '../../core/rotation/pendingSecrets';
import { formatRotationEvent } from '../../core/rotation/report';
import { withVaultEnvironment, type SecretManagersSettings } from '../../core/secrets/settings';
import { standingConsent } from '../../core/session/consent';
import type { SessionPort, SessionPrompter } from '../../core/session/port';
import type { CliIo } from '../command';
import { ask, askNewPair } from './terminal';

export interface CliPortOptions {
  stateDir: string;
  /** `--yes`: every confirmation is given. */
  yes: boolean;
  /** A terminal to ask on (stdin is a TTY and --yes is not given). */
  interactive: boolean;
  secretManagers: SecretManagersSettings;
  /** Hosts named with --allow-foreign-host. */
  allowForeignHosts?: readonly string[];
  checkpoint?: (name: string) => void;
}

export function cliPort(io: CliIo, options: CliPortOptions): SessionPort {
  const prompter: SessionPrompter = {
    async confirm(c) {
      const decided = standingConsent(c, options);
      if ('ask' in decided) return ask(decided.ask);
      if (decided.say) io.err(`${decided.say}\n`);
      return decided.answer;
    },
    async refuse(message) { io.err(`${l10n.t('{0}: refused: {1}', TOOL_NAME, forTerminalText(message))}\n`); },
    notify(message) { io.err(`${forTerminalText(message)}\n`); },
    progress(event) { io.err(formatRotationEvent(event)); },
    newKeyPair: request => askNewPair(io, request),
  };
  const settings = withVaultEnvironment(options.secretManagers, io.env);
  return {
    tool: 'cli',
    stateDir: options.stateDir,
    prompter,
    pendingSecrets: new FilePendingSecretStore(options.stateDir),
    clock: systemClock,
    checkpoint: options.checkpoint,
    workspaceTrusted: () => true,
    actor: () => actingIdentity(io.env[CliEnv.actingAs], io.env.HOME || os.homedir()),
    // pass gets only the allow-listed part of this environment (core/process/childEnv.ts).
    sinkSettings: async () => ({ settings, cwd: io.cwd, workspaceRoots: [io.cwd], vaultToken: io.env.VAULT_TOKEN, pass: { env: { ...process.env, ...io.env } } }),
  };
}
