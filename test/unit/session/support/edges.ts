// Both edges' session ports, built as the extension and the CLI build them, with scripted input:
// the extension's port over a scripted Prompter and an in-memory SecretStorage (VS Code itself is not
// needed: the port reads VS Code only through what it is given), the CLI's port over captured
// stdout/stderr with --yes. Each records the confirmations asked and the refusals shown.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuditEntry } from '../../../../src/core/audit/entry';
import * as core from '../../../../src/core/chunks/core';
import type { ConfirmationId, SessionPort } from '../../../../src/core/session';
import { cliPort } from '../../../../src/cli/session/cliPort';
import { ExtensionPort } from '../../../../src/extension/session/extensionPort';
import type { Prompter } from '../../../../src/extension/ui/prompter';
import { MemorySecretStorage } from '../../secrets/support/memorySecretStorage';

export type Edge = 'extension' | 'cli';

export interface EdgeRun {
  port: SessionPort;
  stateDir: string;
  /** Confirmation ids in the order the session asked them. */
  confirmations: ConfirmationId[];
  refusals: string[];
  output: string[];
  /** The extension edge's SecretStorage. */
  secrets: MemorySecretStorage;
  audit(): AuditEntry[];
  dispose(): void;
}

/** A Prompter that says yes to every confirmation (as a user clicking through would) and records the rest. */
function yesPrompter(output: string[]): Prompter {
  return {
    confirm: async (message, button) => { output.push(`confirm: ${message} [${button}]`); return true; },
    choose: async () => undefined,
    pick: async () => undefined,
    input: async () => undefined,
    refuse: async message => { output.push(`refuse: ${message}`); },
    notify: message => { output.push(`notify: ${message}`); },
    done: message => { output.push(`done: ${message}`); },
    transient: () => undefined,
    withdraw: () => undefined,
    failed: message => { output.push(`failed: ${message}`); },
    copy: async () => undefined,
  };
}

/** `actingAs` undefined: no setting and no git user.email (a HOME without .gitconfig). */
export function edgeRun(edge: Edge, actingAs: string | undefined): EdgeRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lfa-session-${edge}-`));
  const stateDir = path.join(dir, 'state');
  const output: string[] = [];
  const secrets = new MemorySecretStorage();
  const port: SessionPort = edge === 'extension'
    ? new ExtensionPort({
      core, ui: () => yesPrompter(output), secrets, stateDir, home: dir,
      actingAsSetting: () => actingAs, secretManagersSetting: () => ({}), vaultToken: async () => undefined, workspaceRoot: () => dir,
    })
    : cliPort({ out: t => output.push(t), err: t => output.push(t), env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'cfg'), ...(actingAs ? { LANGFUSE_ACCESS_ACTING_AS: actingAs } : {}) }, cwd: dir },
      { stateDir, yes: true, interactive: false, secretManagers: {} });
  const confirmations: ConfirmationId[] = [];
  const refusals: string[] = [];
  const { confirm, refuse } = port.prompter;
  port.prompter.confirm = c => { confirmations.push(c.id); return confirm(c); };
  port.prompter.refuse = m => { refusals.push(m); return refuse(m); };
  return {
    port, stateDir, confirmations, refusals, output, secrets,
    audit: () => {
      const file = path.join(stateDir, 'audit.jsonl');
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as AuditEntry).filter(e => e.action !== 'audit.checkpoint') : [];
    },
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
