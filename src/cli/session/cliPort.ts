// The CLI edge of the session: questions on the terminal (stderr), `--yes` as standing consent, and
// without a terminal and without --yes nothing is confirmed (a rotation then waits, resumable).
import * as os from 'node:os';
import { systemClock } from '../../core/clock';
import { resolveActingIdentity } from '../../core/identity/actingAs';
import { CliEnv, TOOL_NAME } from '../../core/names';
import { FilePendingSecretStore } from '../../core/rotation/pendingSecrets';
import type { RotationEvent } from '../../core/rotation/types';
import type { SecretManagersSettings } from '../../core/secrets/settings';
import type { Confirmation, SessionPort, SessionPrompter } from '../../core/session/port';
import type { CliIo } from '../command';
import { ask, askNewPair } from './terminal';

export interface CliPortOptions {
  stateDir: string;
  /** `--yes`: every confirmation is given. */
  yes: boolean;
  /** A terminal to ask on (stdin is a TTY and --yes is not given). */
  interactive: boolean;
  secretManagers: SecretManagersSettings;
  checkpoint?: (name: string) => void;
}

/** Confirmations the command line itself states (the plan in argv, `--abort ID`): no second question. */
const STATED_BY_ARGV = new Set<Confirmation['id']>(['rotation-start', 'rotation-abort']);

export function cliPort(io: CliIo, options: CliPortOptions): SessionPort {
  const prompter: SessionPrompter = {
    async confirm(c) {
      if (STATED_BY_ARGV.has(c.id)) return true;
      if (c.detail) io.err(`${c.detail}\n`);
      if (c.id === 'rotation-checklist') {
        io.err(`${c.message}\n`);
        if (options.yes) { io.err('Confirmed by --yes.\n'); return true; }
        if (!options.interactive) { io.err('Not confirmed: no terminal and no --yes.\n'); return false; }
        return ask('Is every item done? [y/N] ');
      }
      if (options.yes) { io.err(`${c.message} Yes (--yes).\n`); return true; }
      if (!options.interactive) {
        io.err(c.id === 'rotation-revoke'
          ? `${c.message}\nNot revoking: no terminal and no --yes. The rotation is saved and waits here.\n`
          : `${c.message}\nNot confirmed: no terminal and no --yes.\n`);
        return false;
      }
      return ask(`${c.message} [y/N] `);
    },
    async refuse(message) { io.err(`${TOOL_NAME}: refused: ${message}\n`); },
    notify(message) { io.err(`${message}\n`); },
    progress(event) { io.err(formatEvent(event)); },
    newKeyPair: request => askNewPair(io, request),
  };
  const settings: SecretManagersSettings = {
    ...options.secretManagers,
    vault: { ...options.secretManagers.vault, address: options.secretManagers.vault?.address ?? io.env.VAULT_ADDR, namespace: options.secretManagers.vault?.namespace ?? io.env.VAULT_NAMESPACE },
  };
  return {
    tool: 'cli',
    stateDir: options.stateDir,
    prompter,
    pendingSecrets: new FilePendingSecretStore(options.stateDir),
    clock: systemClock,
    checkpoint: options.checkpoint,
    actor() {
      const resolved = resolveActingIdentity(io.env[CliEnv.actingAs], io.env.HOME || os.homedir());
      return { email: resolved.source === 'os' ? undefined : resolved.identity, label: resolved.identity };
    },
    sinkSettings: async () => ({ settings, cwd: io.cwd, vaultToken: io.env.VAULT_TOKEN, pass: { env: { ...process.env, ...io.env } } }),
  };
}

function formatEvent(e: RotationEvent): string {
  switch (e.kind) {
    case 'step': return `[${e.index}/${e.total}] ${e.title}: ${e.message}\n`;
    case 'target': return `    ${e.status}: ${e.message}\n`;
    case 'note': return `    note: ${e.message}\n`;
    case 'waiting': return `Waiting (${e.reason}): ${e.message}\n`;
    case 'error': return `Error: ${e.message}\n`;
  }
}
