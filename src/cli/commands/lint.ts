// `langfuse-access lint [paths…]`: the .env rules of the editor, for CI. Offline by default;
// `--online` asks the connection's host (the CLI's configuration, never the workspace) who each key
// pair is. stdout: the report (text, JSON or SARIF 2.1.0); stderr: notes. Exit 0 nothing at the
// --fail-on level, 1 findings at or above it, 2 usage or configuration errors (an invalid access file).
import * as path from 'node:path';
import { AccessFileCache } from '../../core/access/accessLocator';
import { ConnectionConfigError, loadCliConfig } from '../../core/connections/cliConfig';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse/index';
import { CONNECTIONS_FILE, CliEnv, ExitCode, TOOL_NAME } from '../../core/names';
import type { WhoAmIResult } from '../../core/rules/keyIndex';
import { displayPath, jsonReport, textReport } from '../../core/rules/lintOutput';
import { findEnvFiles, lintFiles } from '../../core/rules/lintWorkspace';
import { groupByHost, verifyPairsOnline } from '../../core/rules/onlineCheck';
import { severityAtLeast } from '../../core/rules/ruleCodes';
import { toSarif } from '../../core/sarif/toSarif';
import { configDirPath } from '../../core/state/stateDir';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { parseReportArgs } from '../reportArgs';

const USAGE = 'lint [paths…] [--format text|json|sarif] [--fail-on error|warning|info] [--online]';
const FORMATS = ['text', 'json', 'sarif'] as const;

/**
 * Where a connection points for the CLI: its entry in connections.yaml, else the CLI's own
 * connection from LANGFUSE_ACCESS_BASE_URL. Never anything from the linted workspace.
 */
function connectionResolver(io: CliIo): (name: string) => string | undefined {
  let known: { id: string; baseUrl: string }[] = [];
  try {
    known = loadCliConfig(io.env).connections;
  } catch (err) {
    if (!(err instanceof ConnectionConfigError)) throw err;
    io.err(`${TOOL_NAME} lint: ignoring the connections: ${err.message}\n`);
  }
  return name => known.find(c => c.id === name)?.baseUrl ?? io.env[CliEnv.baseUrl];
}

async function askOnline(io: CliIo, files: string[], access: AccessFileCache, urlOf: (name: string) => string | undefined): Promise<Map<string, WhoAmIResult> | undefined> {
  const hostFor = (file: string) => {
    const connection = access.forFile(file)?.config?.connection;
    return connection ? urlOf(connection) : io.env[CliEnv.baseUrl];
  };
  const { byHost, unplaced } = groupByHost(files, hostFor);
  if (unplaced.length > 0) {
    const connection = access.forFile(unplaced[0])?.config?.connection;
    io.err(`${TOOL_NAME} lint: --online needs a connection: ${connection ? `connection "${forTerminal(connection)}" (named in the access file) is not configured — add it to ${path.join(configDirPath(io.env), CONNECTIONS_FILE)}` : `${forTerminal(displayPath(io.cwd, unplaced[0]))} has no access file naming a connection`}, or set ${CliEnv.baseUrl}. The host never comes from the workspace.\n`);
    return undefined;
  }
  try {
    // The CLI has no Restricted Mode: the user names the paths to check on the command line.
    return await verifyPairsOnline(byHost, { workspaceTrusted: true, onUnavailable: (publicKey, reason) => io.err(`${TOOL_NAME} lint: could not check ${forTerminal(publicKey)} online: ${forTerminal(reason)}\n`) });
  } finally {
    await closeAllHostGates();
  }
}

export const command: CliCommand = {
  usage: USAGE,
  async run(io: CliIo, args: string[]): Promise<number> {
    const { values, positionals, format, failOn } = parseReportArgs(args, FORMATS, { online: { type: 'boolean', default: false } });

    const paths = (positionals.length > 0 ? positionals : ['.']).map(p => path.resolve(io.cwd, p));
    const access = new AccessFileCache();
    let files: string[];
    try {
      files = findEnvFiles(paths, access);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (files.length === 0) io.err(`${TOOL_NAME} lint: no .env files under ${paths.map(p => forTerminal(displayPath(io.cwd, p) || '.')).join(', ')} (example files are skipped).\n`);
    const urlOf = connectionResolver(io);
    let online: Map<string, WhoAmIResult> | undefined;
    if (values.online) {
      online = await askOnline(io, files, access, urlOf);
      if (!online) return ExitCode.usage;
    }

    const report = lintFiles(files, { online, connectionBaseUrl: urlOf }, access);
    if (format === 'sarif') io.out(`${jsonForTerminal(JSON.stringify(toSarif({ findings: report.findings, suppressed: report.suppressed, baseDir: io.cwd }), null, 2))}\n`);
    else if (format === 'json') io.out(jsonForTerminal(jsonReport(io.cwd, report)));
    else io.out(textReport(io.cwd, report));

    if (report.invalidAccessFiles.length > 0) {
      io.err(`${TOOL_NAME} lint: fix the access file${report.invalidAccessFiles.length > 1 ? 's' : ''} first: ${report.invalidAccessFiles.map(f => forTerminal(displayPath(io.cwd, f))).join(', ')}\n`);
      return ExitCode.usage;
    }
    return report.findings.some(f => severityAtLeast(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};
