// What `export`, `plan` and `apply` share: the session for the access file's connection — named by
// --connection, else by the file's `connection:` (looked up in YOUR connections.yaml; the host never
// comes from the file), else the CLI's environment connection — and how their errors are reported.
import { AccessFileError, LiveStateError } from '../../core/accessAsCode/index';
import { l10n } from '../../core/l10n/l10n';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection } from '../../core/connections/cliConfig';
import { forTerminal } from '../../core/display/terminal';
import { isLangfuseError } from '../../core/langfuse/errors';
import { CliEnv, ExitCode, TOOL_NAME } from '../../core/names';
import { SessionHost } from '../../core/session/host';
import type { Session } from '../../core/session/session';
import { UnsafeWriteError } from '../../core/fs/scopedWrite';
import { ensureStateDir } from '../../core/state/stateDir';
import type { CliIo } from '../command';
import { testHookFrom } from '../testHook';
import { cliPort } from './cliPort';

export function openAccessSession(io: CliIo, options: { connection?: string; fileConnection?: string; yes: boolean }): { host: SessionHost; session: Session } {
  const stateDir = ensureStateDir(io.env);
  const config = loadCliConfig(io.env);
  const host = new SessionHost(cliPort(io, {
    stateDir, yes: options.yes, interactive: Boolean(process.stdin.isTTY) && !options.yes, secretManagers: config.secretManagers, checkpoint: testHookFrom(io.env),
  }));
  let name = options.connection ?? options.fileConnection;
  if (!options.connection && name && !config.connections.some(c => c.id === name) && io.env[CliEnv.baseUrl]) {
    io.err(`${l10n.t('Connection "{0}" (named in the access file) is not in {1}; using {2}.', forTerminal(name), config.file, CliEnv.baseUrl)}\n`);
    name = undefined;
  }
  const conn = resolveCliConnection(io, name);
  io.err(`${connectionLine(conn)}\n`);
  return { host, session: host.session({ id: conn.id, name: conn.name, baseUrl: conn.baseUrl, pair: { publicKey: conn.publicKey, secretKey: conn.secretKey } }) };
}

/** The exit code for a known failure (after printing it), or undefined for an unexpected error. */
export function accessFailure(io: CliIo, command: string, err: unknown): number | undefined {
  const say = (message: string) => io.err(`${TOOL_NAME} ${command}: ${forTerminal(message)}\n`);
  if (err instanceof AccessFileError) {
    say(err.message);
    for (const p of err.problems.slice(0, 20)) io.err(`  ${forTerminal(p)}\n`);
    if (err.problems.length > 20) io.err(`  ${l10n.t('… and {0} more', err.problems.length - 20)}\n`);
    return ExitCode.usage;
  }
  if (err instanceof ConnectionConfigError || err instanceof UnsafeWriteError) { say(err.message); return ExitCode.usage; }
  if (err instanceof LiveStateError) { say(err.message); return ExitCode.findings; }
  if (isLangfuseError(err)) { say(`${err.message}${err.hint ? ` ${err.hint}` : ''}`); return ExitCode.findings; }
  return undefined;
}

/** Which connection a command uses and where its key comes from (the key is public; the secret never shown). */
export function connectionLine(conn: { id?: string; baseUrl: string; publicKey: string; credentialsSource: string }): string {
  return l10n.t('Connection {0}: {1}, key {2} from {3}.', forTerminal(conn.id ?? l10n.t('(environment)')), forTerminal(conn.baseUrl), conn.publicKey, forTerminal(conn.credentialsSource));
}
