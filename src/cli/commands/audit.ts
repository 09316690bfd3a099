// `langfuse-access audit verify|export|tail|forward|checkpoint`: the audit log in the state folder.
// stdout: machine output (reports, exports, entries); stderr: messages. Exit 0 ok, 1 problems found
// or entries left unsent, 2 usage or configuration errors. Forwarding endpoints come only from the
// CLI's own config file (never a workspace); the SIEM token only from the environment.
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { formatAuditExport } from '../../core/audit/export';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { folderScope, UnsafeWriteError, writeFileInScope } from '../../core/fs/scopedWrite';
import { SIEM_TOKEN_ENV, type AuditForwardingConfig } from '../../core/audit/forward/forwardConfig';
import { loadForwardingConfig } from '../../core/audit/forward/loadForwardingConfig';
import { auditFilterFrom, entryLine, verifyReportText } from '../../core/audit/presentation';
import { forwardedTip } from '../../core/audit/forward/cursor';
import { caFileReader, forwardConfigured, forwardResultLine, forwardSelection } from '../../core/audit/forward/forwardConfigured';
import { openAuditWriter } from '../../core/audit/openAuditWriter';
import type { AuditFilter } from '../../core/audit/reader';
import { readAuditLog } from '../../core/audit/reader';
import { readSigningKey } from '../../core/audit/signingKey';
import { verifyAuditLogParallel } from '../../core/audit/parallelVerify';
import { auditLogPresence, missingLogText } from '../../core/audit/logPresence';
import { CliEnv, ExitCode, StateFiles, TOOL_NAME } from '../../core/names';
import { configDirPath, stateDirPath } from '../../core/state/stateDir';
import type { CliCommand, CliIo } from '../command';
import { auditHelp, AUDIT_USAGE } from '../../core/display/help/audit';
import { UsageError } from '../command';


function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: false as const, strict: true as const });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function filterFrom(values: Record<string, unknown>): AuditFilter {
  try {
    return auditFilterFrom(values as Parameters<typeof auditFilterFrom>[0]);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function logFile(io: CliIo, override?: string): string {
  return override ? path.resolve(io.cwd, override) : path.join(stateDirPath(io.env), StateFiles.auditLog);
}

async function verify(io: CliIo, args: string[]): Promise<number> {
  const { values } = parse(args, { log: { type: 'string' }, trust: { type: 'string', multiple: true }, format: { type: 'string', default: 'text' } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(l10n.t('--format must be text or json'));
  const file = logFile(io, values.log);
  const stateDir = stateDirPath(io.env);
  const presence = auditLogPresence(file, stateDir);
  if (!presence.present) {
    const missing = missingLogText(presence, values.log !== undefined);
    io.out(values.format === 'json' ? `${jsonForTerminal(JSON.stringify({ file, ok: missing.ok, present: false, expectedBecause: presence.expectedBecause, message: missing.text }, null, 2))}\n` : `${forTerminal(missing.text)}\n`);
    return missing.ok ? ExitCode.ok : ExitCode.findings;
  }
  const report = await verifyAuditLogParallel(file, { trustedKeys: values.trust, knownTip: values.log ? undefined : forwardedTip(stateDir) });
  const own = values.log ? undefined : readSigningKey(stateDir);
  if (values.format === 'json') {
    io.out(`${jsonForTerminal(JSON.stringify({ ...report, signingKey: own ? { keyId: own.keyId, publicKey: own.publicKey } : undefined }, null, 2))}\n`);
  } else {
    io.out(verifyReportText(file, true, report, own));
  }
  return report.ok ? ExitCode.ok : ExitCode.findings;
}

function exportLog(io: CliIo, args: string[]): number {
  const { values } = parse(args, {
    format: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, project: { type: 'string' },
    actor: { type: 'string' }, action: { type: 'string' }, output: { type: 'string' }, log: { type: 'string' },
  });
  if (values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError(l10n.t('--format must be jsonl or csv'));
  const result = readAuditLog(logFile(io, values.log), filterFrom(values));
  const exported = formatAuditExport(result.entries.slice().reverse(), values.format);
  const text = values.format === 'jsonl' ? jsonForTerminal(exported) : exported;
  if (result.unreadableLines.length) io.err(`${TOOL_NAME} audit: ${l10n.t('skipped {0} damaged line(s) ({1}); run "audit verify"', result.unreadableLines.length, result.unreadableLines.slice(0, 5).join(', '))}\n`);
  if (values.output) {
    const output = path.resolve(io.cwd, values.output);
    try {
      writeFileInScope(output, text, folderScope(output), { mode: 0o600 });
    } catch (err) {
      if (err instanceof UnsafeWriteError) throw new UsageError(err.message);
      throw err;
    }
    io.err(`${TOOL_NAME} audit: ${l10n.t('exported {0} entries to {1}', result.entries.length, values.output)}\n`);
  } else {
    io.out(text);
  }
  return ExitCode.ok;
}

function tail(io: CliIo, args: string[]): number {
  const { values } = parse(args, {
    n: { type: 'string', short: 'n', default: '20' }, project: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' },
    since: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean', default: false }, log: { type: 'string' },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(l10n.t('-n must be a positive whole number'));
  const result = readAuditLog(logFile(io, values.log), filterFrom(values), n);
  const oldestFirst = result.entries.slice().reverse();
  io.out(values.json ? jsonForTerminal(formatAuditExport(oldestFirst, 'jsonl')) : oldestFirst.map(entryLine).map(l => `${l}\n`).join(''));
  return ExitCode.ok;
}

function readForwardingConfig(io: CliIo): AuditForwardingConfig {
  try {
    return loadForwardingConfig(configDirPath(io.env));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function forward(io: CliIo, args: string[]): Promise<number> {
  const { values } = parse(args, { siem: { type: 'boolean', default: false }, syslog: { type: 'boolean', default: false } });
  const config = readForwardingConfig(io);
  const stateDir = stateDirPath(io.env);
  const token = io.env[SIEM_TOKEN_ENV];
  let results;
  try {
    const only = forwardSelection(config, values);
    if (config.siem && only !== 'syslog' && !token) io.err(`${TOOL_NAME} audit: ${l10n.t('{0} is not set; sending without a bearer token', SIEM_TOKEN_ENV)}\n`);
    results = await forwardConfigured(config, { file: path.join(stateDir, StateFiles.auditLog), stateDir, siemToken: token, readCa: caFileReader(configDirPath(io.env)), only });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  for (const r of results) io.out(`${forwardResultLine(r)}\n`);
  return results.some(r => r.pending > 0 || r.error) ? ExitCode.findings : ExitCode.ok;
}

function checkpoint(io: CliIo, args: string[]): number {
  parse(args, {});
  const stateDir = stateDirPath(io.env);
  // No log, no key: a signing key on its own would make `verify` expect a log that never was.
  if (!auditLogPresence(path.join(stateDir, StateFiles.auditLog), stateDir).present) {
    io.out(`${l10n.t('nothing to sign: no audit log yet')}\n`);
    return ExitCode.ok;
  }
  const writer = openAuditWriter({ stateDir, actor: { identity: io.env[CliEnv.actingAs] ?? io.env.USER ?? 'unknown', tool: 'cli' } });
  const entry = writer.checkpointIfDue();
  const key = writer.signingPublicKey();
  io.out(`${entry ? l10n.t('signed checkpoint at seq {0} with key {1} (public key {2})', entry.seq, key.keyId, key.publicKey) : l10n.t('nothing to sign: the log is empty or already ends with a checkpoint (key {0})', key.keyId)}\n`);
  return ExitCode.ok;
}

export const command: CliCommand = {
  usage: AUDIT_USAGE,
  help: auditHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'verify': return verify(io, rest);
      case 'export': return exportLog(io, rest);
      case 'tail': return tail(io, rest);
      case 'forward': return forward(io, rest);
      case 'checkpoint': return checkpoint(io, rest);
      default: throw new UsageError(sub ? l10n.t('unknown audit command "{0}"', sub) : l10n.t('name an audit command'));
    }
  },
};
