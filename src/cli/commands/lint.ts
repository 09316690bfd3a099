// `langfuse-access lint [paths…]`: the .env rules of the editor, for CI. Offline by default;
// `--online` asks the connection's host (the CLI's configuration, never the workspace) who each key
// pair is. stdout: the report (text, JSON or SARIF 2.1.0); stderr: notes. Exit 0 nothing at the
// --fail-on level, 1 findings at or above it, 2 usage or configuration errors (an invalid access file).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import { AccessFileCache } from '../../core/access/accessLocator';
import { ConnectionConfig } from '../../core/connections/connection';
import { CliEnv, CONNECTIONS_FILE, ExitCode, TOOL_NAME } from '../../core/names';
import type { Finding } from '../../core/rules/finding';
import type { WhoAmIResult } from '../../core/rules/keyIndex';
import { pairKey } from '../../core/rules/keyIndex';
import type { LintReport } from '../../core/rules/lintWorkspace';
import { findEnvFiles, keyPairsInFiles, lintFiles } from '../../core/rules/lintWorkspace';
import type { Severity } from '../../core/rules/ruleCodes';
import { severityAtLeast } from '../../core/rules/ruleCodes';
import { toSarif } from '../../core/sarif/toSarif';
import { configDirPath } from '../../core/state/stateDir';
import { closeAllHostGates } from '../../core/langfuse/index';
import { createWhoAmIResolver } from '../../core/rules/whoAmIResolver';
import type { CliCommand, CliIo } from '../command';
import { parseReportArgs } from '../reportArgs';
import { UsageError } from '../command';

const USAGE = 'lint [paths…] [--format text|json|sarif] [--fail-on error|warning|info] [--online]';
const FORMATS = ['text', 'json', 'sarif'] as const;

const ConnectionsFile = z.union([z.array(ConnectionConfig), z.object({ connections: z.array(ConnectionConfig) })]);

/**
 * Where a connection points for the CLI: its entry in connections.yaml, else the CLI's own
 * connection from LANGFUSE_ACCESS_BASE_URL. Never anything from the linted workspace.
 */
function connectionResolver(io: CliIo): (name: string) => string | undefined {
  const file = path.join(configDirPath(io.env), CONNECTIONS_FILE);
  let known: ConnectionConfig[] = [];
  if (fs.existsSync(file)) {
    const parsed = ConnectionsFile.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
    if (parsed.success) known = Array.isArray(parsed.data) ? parsed.data : parsed.data.connections;
    else io.err(`${TOOL_NAME} lint: ignoring ${file}: it is not a list of connections (id, name, baseUrl).\n`);
  }
  return name => known.find(c => c.id === name)?.baseUrl ?? io.env[CliEnv.baseUrl];
}

function relative(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function textReport(io: CliIo, report: LintReport): string {
  const lines = report.findings.map(f => `${relative(io, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.code}  ${f.message}`);
  const c = countBySeverity(report.findings);
  const ignored = report.suppressed.length > 0 ? `, ${report.suppressed.length} ignored by the access file` : '';
  lines.push(`${plural(report.files.length, 'file')} checked: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info${ignored}.`);
  return `${lines.join('\n')}\n`;
}

function jsonFinding(io: CliIo, f: Finding): Record<string, unknown> {
  return { ...f, file: relative(io, f.file), line: f.range.start.line + 1, column: f.range.start.character + 1 };
}

function jsonReport(io: CliIo, report: LintReport): string {
  return `${JSON.stringify({
    version: 1,
    files: report.files.map(f => ({ ...f, file: relative(io, f.file) })),
    findings: report.findings.map(f => jsonFinding(io, f)),
    suppressed: report.suppressed.map(f => jsonFinding(io, f)),
    summary: { ...countBySeverity(report.findings), suppressed: report.suppressed.length },
  }, null, 2)}\n`;
}

async function askOnline(io: CliIo, files: string[], access: AccessFileCache, urlOf: (name: string) => string | undefined): Promise<Map<string, WhoAmIResult> | undefined> {
  // Each pair goes only to the host of the connection named by the access file that covers it.
  const byUrl = new Map<string, string[]>();
  for (const file of files) {
    const connection = access.forFile(file)?.config?.connection;
    const url = connection ? urlOf(connection) : io.env[CliEnv.baseUrl];
    if (!url) {
      io.err(`${TOOL_NAME} lint: --online needs a connection: ${connection ? `connection "${connection}" (named in the access file) is not configured — add it to ${path.join(configDirPath(io.env), CONNECTIONS_FILE)}` : `${relative(io, file)} has no access file naming a connection`}, or set ${CliEnv.baseUrl}. The host never comes from the workspace.\n`);
      return undefined;
    }
    byUrl.set(url, [...(byUrl.get(url) ?? []), file]);
  }
  const answers = new Map<string, WhoAmIResult>();
  try {
    for (const [url, group] of byUrl) {
      const resolver = createWhoAmIResolver(url);
      // The CLI has no Restricted Mode: the user names the paths to check on the command line.
      for (const pair of keyPairsInFiles(group, { workspaceTrusted: true })) {
        const answer = await resolver.whoAmI(pair);
        if (answer.status === 'unavailable') io.err(`${TOOL_NAME} lint: could not check ${pair.publicKey} online: ${answer.reason}\n`);
        answers.set(pairKey(pair.publicKey, pair.secretKey), answer);
      }
    }
  } finally {
    await closeAllHostGates();
  }
  return answers;
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
    if (files.length === 0) io.err(`${TOOL_NAME} lint: no .env files under ${paths.map(p => relative(io, p) || '.').join(', ')} (example files are skipped).\n`);
    const urlOf = connectionResolver(io);
    let online: Map<string, WhoAmIResult> | undefined;
    if (values.online) {
      online = await askOnline(io, files, access, urlOf);
      if (!online) return ExitCode.usage;
    }

    const report = lintFiles(files, { online, connectionBaseUrl: urlOf }, access);
    if (format === 'sarif') io.out(`${JSON.stringify(toSarif({ findings: report.findings, suppressed: report.suppressed, baseDir: io.cwd }), null, 2)}\n`);
    else if (format === 'json') io.out(jsonReport(io, report));
    else io.out(textReport(io, report));

    if (report.invalidAccessFiles.length > 0) {
      io.err(`${TOOL_NAME} lint: fix the access file${report.invalidAccessFiles.length > 1 ? 's' : ''} first: ${report.invalidAccessFiles.map(f => relative(io, f)).join(', ')}\n`);
      return ExitCode.usage;
    }
    return report.findings.some(f => severityAtLeast(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};
