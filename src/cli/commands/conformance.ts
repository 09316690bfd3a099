// `langfuse-access conformance`: runs the product's own flows against a Langfuse server and removes
// everything it created (src/core/conformance/). One line per check on stdout (stderr with --json,
// whose report goes to stdout). Exit 0 nothing failed, 1 a check or the cleanup failed, 2 usage.
import { parseArgs } from 'node:util';
import { systemClock } from '../../core/clock';
import { formatCheck, formatSummary } from '../../core/conformance/report';
import { runConformance } from '../../core/conformance/suite';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection } from '../../core/connections/cliConfig';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse';
import { CONFORMANCE_PREFIX, ExitCode, TOOL_NAME } from '../../core/names';
import { SessionHost } from '../../core/session';
import { ensureStateDir } from '../../core/state/stateDir';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { cliPort } from '../session/cliPort';
import { ask } from '../session/terminal';
import { testHookFrom } from '../testHook';

const USAGE = 'conformance [--connection NAME] [--project NAME [--allow-existing-keys]] [--yes] [--json]';

const HELP = [
  'Runs the product\'s own flows against a Langfuse server, through the same core the extension uses:',
  'capabilities, the full tree load, a throwaway member added by email (SCIM, @example.com, MEMBER) given',
  'a project role and removed, a key created and revoked, a complete rotation into a .env target (old pair',
  '401, new pair 200, trace probe on), and lint --online on the generated files.',
  '',
  `Everything it creates is named ${CONFORMANCE_PREFIX}<run> and removed at the end, also after a failure or`,
  'Ctrl-C; a run killed outright is cleaned up by the next run (journal in the state folder). Leftovers of',
  'runs started over an hour ago are removed too. SCIM-created users stay as Langfuse users without membership.',
  '',
  '  --connection NAME      an entry of connections.yaml (else LANGFUSE_ACCESS_BASE_URL and the key pair from the environment)',
  '  --project NAME         work in this existing project instead of a throwaway one (created and deleted; needs OWNER)',
  `  --allow-existing-keys  with --project: also revoke keys noted ${CONFORMANCE_PREFIX}… left by earlier runs`,
  '  --yes                  consent to create and delete the throwaway objects (required without a terminal)',
  '  --json                 the report as JSON on stdout (check lines go to stderr)',
  '',
  'Acts as LANGFUSE_ACCESS_ACTING_AS (else git user.email), which must be OWNER or ADMIN; otherwise it stops',
  'before changing anything. A check skipped for a missing entitlement names the plans that have it.',
  'Exit codes: 0 nothing failed, 1 a check or the cleanup failed, 2 usage or configuration error.',
].join('\n');

export const command: CliCommand = {
  usage: USAGE,
  help: `${HELP}\n`,
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
      const question = `Run the conformance suite against ${conn.baseUrl}? It creates and deletes ${flags.project ? `keys in ${flags.project}` : 'a throwaway project'}, a member and keys named ${CONFORMANCE_PREFIX}…. [y/N] `;
      if (!interactive) { io.err(`${TOOL_NAME} conformance: this changes ${conn.baseUrl} (throwaway objects only); pass --yes to run it without a terminal.\n`); return ExitCode.usage; }
      if (!await ask(question)) { io.err('Nothing was run.\n'); return ExitCode.findings; }
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
      io.err(`\nInterrupted: finishing the current step and removing what this run created (Ctrl-C again stops at once; the next run cleans up the rest).\n`);
    };
    process.on('SIGINT', onSigint);
    try {
      io.err(`Conformance against ${conn.baseUrl} with ${conn.publicKey} (${conn.credentialsSource}).\n`);
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
  if (v['allow-existing-keys'] && !v.project) throw new UsageError('--allow-existing-keys only applies with --project NAME');
  return { connection: v.connection, project: v.project, allowExistingKeys: v['allow-existing-keys'] ?? false, yes: v.yes ?? false, json: v.json ?? false };
}
