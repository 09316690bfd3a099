// `langfuse-access rotate`: the CLI front end of the rotation state machine (src/core/rotation/).
// The new secret is kept in a 0600 file in the state folder until the rotation completes or is
// rolled back. Without --yes and without a terminal, nothing is revoked: the rotation waits and can
// be resumed. Progress and the report go to stderr; stdout gets "<rotation id> <status>" (or JSON).
import { parseArgs } from 'node:util';
import { l10n } from '../../core/l10n/l10n';
import { closeAllHostGates } from '../../core/langfuse';
import { CliEnv, ExitCode, TOOL_NAME } from '../../core/names';
import { formatRotationList, formatRotationReport, resumeOffer, rotationReport, rotationSubject, RotationBusyError, RotationStateError, type RotationJournal, type RunResult } from '../../core/rotation';
import { rotationFailure } from '../../core/rotation/failure';
import { checkPlanRequest, PlanInputError, rotationPlanFrom } from '../../core/rotation/planInput';
import { SessionHost, type SessionRotations } from '../../core/session';
import { forTerminal, jsonForTerminal } from '../../core/display/terminal';
import { ensureStateDir } from '../../core/state/stateDir';
import { rotateHelp } from '../../core/display/help/rotate';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection, type CliConnection } from '../../core/connections/cliConfig';
import { journalOrUndefined, nextStepAfterFailure, parseAllowedHosts } from '../rotateConsent';
import { cliPort } from '../session/cliPort';
import { connectionLine } from '../session/accessSession';
import { testHookFrom } from '../testHook';

// Syntax only, one line per form (formatUsage aligns them): what TARGET can be and where --manual reads
// the new pair are said, translated, by --help's --to, --manual and Environment entries.
const USAGE = [
  'rotate --connection NAME --project NAME --key pk-lf-… --to TARGET… [--compromised] [--manual] [--yes] [--scan PATH…] [--probe-traces] [--allow-foreign-host HOST…] [--json]',
  'rotate --resume [ROTATION_ID] [--yes] [--allow-foreign-host HOST…] [--json]',
  'rotate --abort ROTATION_ID',
  'rotate --list',
].join('\n');

export { TEST_HOOK_ENV } from '../testHook';

interface Flags {
  connection?: string; project?: string; key?: string; to: string[]; scan: string[];
  compromised: boolean; manual: boolean; yes: boolean; probeTraces: boolean; json: boolean;
  resume: boolean; abort?: string; list: boolean; id?: string;
  /** Hosts the user consents to, by name, for env: targets pointing away from the connection. */
  allowForeignHost: string[];
}

function parseFlags(args: string[]): Flags {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        connection: { type: 'string' }, project: { type: 'string' }, key: { type: 'string' },
        to: { type: 'string', multiple: true }, scan: { type: 'string', multiple: true },
        compromised: { type: 'boolean' }, manual: { type: 'boolean' }, yes: { type: 'boolean' }, 'probe-traces': { type: 'boolean' },
        json: { type: 'boolean' }, resume: { type: 'boolean' }, abort: { type: 'string' }, list: { type: 'boolean' },
        'allow-foreign-host': { type: 'string', multiple: true },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const f: Flags = {
    connection: v.connection, project: v.project, key: v.key, to: v.to ?? [], scan: v.scan ?? [],
    compromised: v.compromised ?? false, manual: v.manual ?? false, yes: v.yes ?? false, probeTraces: v['probe-traces'] ?? false,
    json: v.json ?? false, resume: v.resume ?? false, abort: v.abort, list: v.list ?? false, id: parsed.positionals[0],
    allowForeignHost: parseAllowedHosts(v['allow-foreign-host'] ?? []),
  };
  if (parsed.positionals.length > (f.resume ? 1 : 0)) throw new UsageError(l10n.t('unexpected argument "{0}"', parsed.positionals.at(-1) ?? ''));
  if ([f.resume, f.abort !== undefined, f.list].filter(Boolean).length > 1) throw new UsageError(l10n.t('use only one of --resume, --abort and --list'));
  if (f.compromised && f.manual) throw new UsageError(l10n.t('--compromised and --manual cannot be combined (a manual rotation waits for you to delete the old key)'));
  return f;
}

export const command: CliCommand = {
  usage: USAGE,
  help: rotateHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const flags = parseFlags(args);
    let host: SessionHost | undefined;
    let rotations: SessionRotations | undefined;
    let rotationId: string | undefined;
    try {
      const stateDir = ensureStateDir(io.env);
      host = new SessionHost(cliPort(io, {
        stateDir, yes: flags.yes, interactive: Boolean(process.stdin.isTTY) && !flags.yes, allowForeignHosts: flags.allowForeignHost,
        secretManagers: loadCliConfig(io.env).secretManagers, checkpoint: testHookFrom(io.env),
      }));
      if (flags.list) return list(io, host, flags.json);
      if (flags.resume || flags.abort !== undefined) {
        const journal = pickRotation(io, host, flags);
        if (!journal) return ExitCode.ok;
        const conn = resolveCliConnection(io, flags.connection ?? knownConnection(io, journal));
        if (conn.baseUrl !== journal.connection.baseUrl) {
          throw new ConnectionConfigError(l10n.t('Rotation {0} runs against {1}, but the connection resolved to {2}. Use --connection {3} or set {4}.', journal.id, journal.connection.baseUrl, conn.baseUrl, journal.connection.id ?? 'NAME', CliEnv.baseUrl));
        }
        rotations = await host.session(sessionConnection(conn)).rotations({ manual: journal.mode === 'manual' });
        rotationId = journal.id;
        const result = flags.abort !== undefined ? await rotations.abort(journal) : await rotations.run(journal.id);
        return result ? finish(io, result, flags.json) : ExitCode.findings;
      }
      const plan = planFromFlags(io, flags);
      io.err(`${connectionLine(plan.conn)}\n`);
      rotations = await host.session(sessionConnection(plan.conn)).rotations({ manual: flags.manual });
      if (!flags.manual && !rotations.adminAvailable) {
        throw new ConnectionConfigError(l10n.t('This connection cannot create or delete keys: it needs an organization key on a plan with the admin API (Langfuse Cloud Team/Enterprise, self-hosted Enterprise). Run a manual rotation with --manual: you create the new pair in the Langfuse UI.'));
      }
      const started = await rotations.start(plan.plan);
      // A target that cannot take the key is the caller's choice to fix (exit 2, like other configuration
      // errors); a guard's refusal or a declined confirmation is an outcome (exit 1).
      if (started.status === 'unusable') return ExitCode.usage;
      if (started.status !== 'started') return ExitCode.findings;
      rotationId = started.journal.id;
      return finish(io, await rotations.run(started.journal.id), flags.json);
    } catch (err) {
      return reportError(io, err, journalOrUndefined(rotations?.engine, rotationId));
    } finally {
      rotations?.close();
      host?.close();
      await closeAllHostGates();
    }
  },
};

function sessionConnection(conn: CliConnection) {
  return { id: conn.id, name: conn.name, baseUrl: conn.baseUrl, pair: { publicKey: conn.publicKey, secretKey: conn.secretKey } };
}

function planFromFlags(io: CliIo, f: Flags) {
  const request = { project: f.project, key: f.key, targets: f.to, scan: f.scan, probeTraces: f.probeTraces, mode: f.compromised ? 'compromised' as const : f.manual ? 'manual' as const : 'normal' as const };
  try {
    checkPlanRequest(request, io.cwd);
    const conn = resolveCliConnection(io, f.connection);
    return { conn, plan: rotationPlanFrom(request, conn, io.cwd) };
  } catch (err) {
    throw err instanceof PlanInputError ? new UsageError(err.message) : err;
  }
}

function knownConnection(io: CliIo, journal: RotationJournal): string | undefined {
  const id = journal.connection.id;
  return id && loadCliConfig(io.env).connections.some(c => c.id === id) ? id : undefined;
}

function pickRotation(io: CliIo, host: SessionHost, f: Flags): RotationJournal | undefined {
  const found = host.findRotation(f.abort ?? f.id);
  if ('journal' in found) return found.journal;
  if ('choose' in found) throw new UsageError(l10n.t('{0} rotations can be resumed; name one: {1}', found.choose.length, found.choose.map(j => `${j.id} (${rotationSubject(j)}, step ${j.step})`).join(', ')));
  if (f.abort ?? f.id) throw new RotationStateError(found.none);
  io.err(`${found.none}\n`);
  return undefined;
}

function list(io: CliIo, host: SessionHost, json: boolean): number {
  const { journals, damaged } = host.rotations();
  if (json) {
    io.out(`${jsonForTerminal(JSON.stringify(journals.map(rotationReport), null, 2))}\n`);
  } else {
    io.out(formatRotationList(journals));
    if (journals.length === 0) io.err(`${l10n.t('No rotations.')}\n`);
  }
  for (const d of damaged) io.err(`${l10n.t('Damaged journal {0}: {1}', forTerminal(d.file), forTerminal(d.problem))}\n`);
  return ExitCode.ok;
}

function finish(io: CliIo, result: RunResult, json: boolean): number {
  const report = rotationReport(result.journal);
  io.err(`\n${formatRotationReport(report)}`);
  if (result.outcome === 'waiting') {
    const resume = l10n.t('Resume with: {0}', `${TOOL_NAME} rotate --resume ${result.journal.id}`);
    io.err(`${resumeOffer(result.journal).canAbort ? `${resume}   ${l10n.t('(or roll back with --abort {0})', result.journal.id)}` : resume}\n`);
  }
  io.out(json ? `${jsonForTerminal(JSON.stringify(report, null, 2))}\n` : `${result.journal.id} ${result.outcome}\n`);
  return result.outcome === 'waiting' ? ExitCode.findings : ExitCode.ok;
}

function reportError(io: CliIo, err: unknown, journal?: RotationJournal): number {
  if (err instanceof UsageError) throw err;
  const failure = rotationFailure(err);
  if (!failure) throw err;
  io.err(`${TOOL_NAME} rotate: ${forTerminal(failure.message)}\n`);
  const next = !failure.resumable || err instanceof RotationBusyError || err instanceof RotationStateError ? undefined : nextStepAfterFailure(journal);
  if (next) io.err(`${next}\n`);
  return failure.kind === 'configuration' ? ExitCode.usage : ExitCode.findings;
}
