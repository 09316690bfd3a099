// `langfuse-access conformance`: runs the product's own flows against a Langfuse server and removes
// everything it created (src/core/conformance/). One line per check on stdout (stderr with --json,
// whose report goes to stdout). Exit 0 nothing failed, 1 a check or the cleanup failed, 2 usage.
import { parseArgs } from 'node:util';
import { l10n } from '../../core/l10n/l10n';
import { systemClock } from '../../core/clock';
import { formatCheck, formatSummary } from '../../core/conformance/report';
import { runConformance } from '../../core/conformance/suite';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection } from '../../core/connections/cliConfig';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse';
import { CONFORMANCE_PREFIX, ExitCode, TOOL_NAME } from '../../core/names';
import { SessionHost } from '../../core/session';
import { ensureStateDir } from '../../core/state/stateDir';
import { conformanceHelp, CONFORMANCE_USAGE } from '../../core/display/help/conformance';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { cliPort } from '../session/cliPort';
import { ask } from '../session/terminal';
import { testHookFrom } from '../testHook';


export const command: CliCommand = {
  usage: CONFORMANCE_USAGE,
  help: conformanceHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const flags = parseFlags(args);
    let conn;
    try {
      conn = resolveCliConnection(io, flags.connection);
    } catch (err) {
      if (err instanceof ConnectionConfigError) { io.err(`${TOOL_NAME} conformance: ${err.message}\n`); return ExitCode.usage; }
      throw err;
    }
    const interactive = Boolean(process.stdin.isTTY);
    if (!flags.yes) {
      const question = flags.project
        ? l10n.t('Run the conformance suite against {0}? It creates and deletes keys in {1}, a member and keys named {2}…. [y/N] ', conn.baseUrl, flags.project, CONFORMANCE_PREFIX)
        : l10n.t('Run the conformance suite against {0}? It creates and deletes a throwaway project, a member and keys named {1}…. [y/N] ', conn.baseUrl, CONFORMANCE_PREFIX);
      if (!interactive) { io.err(`${TOOL_NAME} conformance: ${l10n.t('this changes {0} (throwaway objects only); pass --yes to run it without a terminal.', conn.baseUrl)}\n`); return ExitCode.usage; }
      if (!await ask(question)) { io.err(`${l10n.t('Nothing was run.')}\n`); return ExitCode.findings; }
    }
    const stateDir = ensureStateDir(io.env);
    const host = new SessionHost(cliPort(io, {
      stateDir, yes: true, interactive: false, secretManagers: loadCliConfig(io.env).secretManagers, checkpoint: testHookFrom(io.env),
    }));
    const stop = new AbortController();
    let interrupts = 0;
    const onSigint = () => {
      if (++interrupts > 1) process.exit(130);
      stop.abort();
      io.err(`\n${l10n.t('Interrupted: finishing the current step and removing what this run created (Ctrl-C again stops at once; the next run cleans up the rest).')}\n`);
    };
    process.on('SIGINT', onSigint);
    try {
      io.err(`${l10n.t('Conformance against {0} with {1} ({2}).', conn.baseUrl, conn.publicKey, conn.credentialsSource)}\n`);
      const line = (text: string) => (flags.json ? io.err(text) : io.out(text));
      const report = await runConformance(host.session({ id: conn.id, name: conn.name, baseUrl: conn.baseUrl, pair: { publicKey: conn.publicKey, secretKey: conn.secretKey } }), {
        existingProject: flags.project, allowExistingKeys: flags.allowExistingKeys,
        now: () => systemClock.now(), signal: stop.signal, checkpoint: testHookFrom(io.env),
        onCheck: c => line(formatCheck(c)),
      });
      line(formatSummary(report));
      if (flags.json) io.out(`${jsonForTerminal(JSON.stringify(report, null, 2))}\n`);
      return report.summary.failed > 0 || report.cleanup.problems.length > 0 ? ExitCode.findings : ExitCode.ok;
    } catch (err) {
      io.err(`${TOOL_NAME} conformance: ${forTerminal((err as Error).message)}\n`);
      return ExitCode.findings;
    } finally {
      process.off('SIGINT', onSigint);
      host.close();
      await closeAllHostGates();
    }
  },
};

interface Flags { connection?: string; project?: string; allowExistingKeys: boolean; yes: boolean; json: boolean }

function parseFlags(args: string[]): Flags {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: false,
      options: { connection: { type: 'string' }, project: { type: 'string' }, 'allow-existing-keys': { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v['allow-existing-keys'] && !v.project) throw new UsageError(l10n.t('--allow-existing-keys only applies with --project NAME'));
  return { connection: v.connection, project: v.project, allowExistingKeys: v['allow-existing-keys'] ?? false, yes: v.yes ?? false, json: v.json ?? false };
}
