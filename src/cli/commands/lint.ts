// `langfuse-access lint [paths…]`: the .env rules of the editor, for CI. Offline by default;
// `--online` asks the connection's host (the CLI's configuration, never the workspace) who each key
// pair is. stdout: the report (text, JSON or SARIF 2.1.0); stderr: notes. Exit 0 nothing at the
// --fail-on level, 1 findings at or above it, 2 usage or configuration errors (an invalid access file).
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import { AccessFileCache } from '../../core/access/accessLocator';
import { cliConnectionUrls } from '../../core/connections/cliConfig';
import { forTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse/index';
import { CONNECTIONS_FILE, CliEnv, ExitCode, TOOL_NAME } from '../../core/names';
import type { WhoAmIResult } from '../../core/rules/keyIndex';
import { displayPath, lintOutput } from '../../core/rules/lintOutput';
import { findEnvFiles, lintFiles } from '../../core/rules/lintWorkspace';
import { cliOnlineHosts, verifyPairsOnline } from '../../core/rules/onlineCheck';
import { severityAtLeast } from '../../core/rules/ruleCodes';
import { configDirPath } from '../../core/state/stateDir';
import { lintHelp, LINT_USAGE } from '../../core/display/help/lint';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { parseReportArgs } from '../reportArgs';

const FORMATS = ['text', 'json', 'sarif'] as const;

async function askOnline(io: CliIo, files: string[], access: AccessFileCache, urlOf: (name: string) => string | undefined): Promise<Map<string, WhoAmIResult> | undefined> {
  const hosts = cliOnlineHosts(files, file => access.forFile(file)?.config?.connection, urlOf, { name: CliEnv.baseUrl, value: io.env[CliEnv.baseUrl] },
    { file: f => forTerminal(displayPath(io.cwd, f)), connectionsFile: path.join(configDirPath(io.env), CONNECTIONS_FILE) });
  if ('problem' in hosts) {
    io.err(`${TOOL_NAME} lint: ${forTerminal(hosts.problem)}\n`);
    return undefined;
  }
  try {
    // The CLI has no Restricted Mode: the user names the paths to check on the command line.
    return await verifyPairsOnline(hosts.byHost, { workspaceTrusted: true, onUnavailable: (publicKey, reason) => io.err(`${TOOL_NAME} lint: ${l10n.t('could not check {0} online: {1}', forTerminal(publicKey), forTerminal(reason))}\n`) });
  } finally {
    await closeAllHostGates();
  }
}

export const command: CliCommand = {
  usage: LINT_USAGE,
  help: lintHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const { values, positionals, format, failOn } = parseReportArgs(args, FORMATS, { online: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } });

    const paths = (positionals.length > 0 ? positionals : ['.']).map(p => path.resolve(io.cwd, p));
    const access = new AccessFileCache();
    let files: string[];
    try {
      files = findEnvFiles(paths, access);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (files.length === 0) io.err(`${TOOL_NAME} lint: ${l10n.t('no .env files under {0} (example files are skipped).', paths.map(p => forTerminal(displayPath(io.cwd, p) || '.')).join(', '))}\n`);
    const urlOf = cliConnectionUrls(io.env, message => io.err(`${TOOL_NAME} lint: ${l10n.t('ignoring the connections: {0}', message)}\n`));
    let online: Map<string, WhoAmIResult> | undefined;
    if (values.online) {
      online = await askOnline(io, files, access, urlOf);
      if (!online) return ExitCode.usage;
    }

    const report = lintFiles(files, { online, connectionBaseUrl: urlOf }, access);
    io.out(lintOutput(format, io.cwd, report, { verbose: values.verbose === true }));

    if (report.invalidAccessFiles.length > 0) {
      const files = report.invalidAccessFiles.map(f => forTerminal(displayPath(io.cwd, f))).join(', ');
      io.err(`${TOOL_NAME} lint: ${report.invalidAccessFiles.length > 1 ? l10n.t('fix the access files first: {0}', files) : l10n.t('fix the access file first: {0}', files)}\n`);
      return ExitCode.usage;
    }
    return report.findings.some(f => severityAtLeast(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};
