// `langfuse-access rotate`: the CLI front end of the rotation state machine (src/core/rotation/).
// The new secret is kept in a 0600 file in the state folder until the rotation completes or is
// rolled back. Without --yes and without a terminal, nothing is revoked: the rotation waits and can
// be resumed. Progress and the report go to stderr; stdout gets "<rotation id> <status>" (or JSON).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditWriter } from '../../core/audit/auditWriter';
import { openAuditWriter } from '../../core/audit/openAuditWriter';
import { resolveActingIdentity } from '../../core/identity/actingAs';
import { closeAllHostGates, createLangfuseClient, isLangfuseError, type LangfuseClient } from '../../core/langfuse';
import { CliEnv, ExitCode, StateFiles, TOOL_NAME } from '../../core/names';
import {
  auditRotationTo, FilePendingSecretStore, formatRotationReport, resumeOffer, RotationBusyError, RotationEngine, RotationError, RotationInputError, rotationReport, RotationStateError,
  type KeyPairInput, type RotationCallbacks, type RotationEvent, type RotationJournal, type RunResult,
} from '../../core/rotation';
import { createSink, formatSinkTarget, isSinkError, parseSinkTarget, SINK_SPEC_HELP, type SecretManagersSettings } from '../../core/secrets';
import { ensureStateDir } from '../../core/state/stateDir';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection, type CliConnection } from '../connections';
import { CONSENT_HELP, foreignHostConsent, journalOrUndefined, nextStepAfterFailure, parseAllowedHosts } from '../rotateConsent';
import { ask, askLine, readAll } from '../terminal';

const USAGE = [
  'rotate --connection NAME --project NAME --key pk-lf-… --to TARGET… [--compromised] [--manual] [--yes] [--scan PATH…] [--probe-traces] [--allow-foreign-host HOST…] [--json]',
  '       rotate --resume [ROTATION_ID] [--yes] [--allow-foreign-host HOST…] [--json]    rotate --abort ROTATION_ID    rotate --list',
  `  TARGET: ${SINK_SPEC_HELP.replace('secretstorage, ', '')} (secretstorage is the VS Code extension's).`,
  ...CONSENT_HELP,
  '  Manual mode reads the new pair from LANGFUSE_ACCESS_NEW_PUBLIC_KEY/LANGFUSE_ACCESS_NEW_SECRET_KEY or stdin.',
].join('\n');

export const NEW_PAIR_ENV = { publicKey: 'LANGFUSE_ACCESS_NEW_PUBLIC_KEY', secretKey: 'LANGFUSE_ACCESS_NEW_SECRET_KEY' } as const;
/** Tests only: `crash:<checkpoint>` kills the process with SIGKILL there; `record:<file>` appends checkpoint names. */
export const TEST_HOOK_ENV = 'LANGFUSE_ACCESS_TEST_HOOK';

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
  if (parsed.positionals.length > (f.resume ? 1 : 0)) throw new UsageError(`unexpected argument "${parsed.positionals.at(-1)}"`);
  if ([f.resume, f.abort !== undefined, f.list].filter(Boolean).length > 1) throw new UsageError('use only one of --resume, --abort and --list');
  if (f.compromised && f.manual) throw new UsageError('--compromised and --manual cannot be combined (a manual rotation waits for you to delete the old key)');
  return f;
}

export const command: CliCommand = {
  usage: USAGE,
  async run(io: CliIo, args: string[]): Promise<number> {
    const flags = parseFlags(args);
    let engine: RotationEngine | undefined;
    let audit: AuditWriter | undefined;
    let rotationId: string | undefined;
    try {
      const stateDir = ensureStateDir(io.env);
      audit = openAuditWriter({ stateDir, actor: { identity: resolveActingIdentity(io.env[CliEnv.actingAs]).identity, tool: 'cli' } });
      if (flags.list) return list(io, new RotationEngine(engineDeps(io, stateDir, audit, undefined, {})), flags.json);
      if (flags.resume || flags.abort !== undefined) {
        const probe = new RotationEngine(engineDeps(io, stateDir, audit, undefined, {}));
        const journal = pickRotation(io, probe, flags);
        if (!journal) return ExitCode.ok;
        const conn = resolveCliConnection(io, flags.connection ?? knownConnection(io, journal));
        if (conn.baseUrl !== journal.connection.baseUrl) {
          throw new ConnectionConfigError(`Rotation ${journal.id} runs against ${journal.connection.baseUrl}, but the connection resolved to ${conn.baseUrl}. Use --connection ${journal.connection.id ?? 'NAME'} or set ${CliEnv.baseUrl}.`);
        }
        engine = new RotationEngine(engineDeps(io, stateDir, audit, journal.mode === 'manual' ? undefined : await adminClient(conn), loadCliConfig(io.env).secretManagers));
        const callbacks = cliCallbacks(io, flags);
        rotationId = journal.id;
        const result = flags.abort !== undefined ? await engine.abort(journal.id, callbacks) : await engine.run(journal.id, callbacks);
        return finish(io, result, flags.json);
      }
      const plan = await planFromFlags(io, flags);
      engine = new RotationEngine(engineDeps(io, stateDir, audit, plan.admin, loadCliConfig(io.env).secretManagers));
      const callbacks = cliCallbacks(io, flags);
      const started = await engine.start(plan.plan, callbacks);
      rotationId = started.id;
      return finish(io, await engine.run(started.id, callbacks), flags.json);
    } catch (err) {
      return reportError(io, err, journalOrUndefined(engine, rotationId));
    } finally {
      engine?.close();
      try { audit?.checkpointIfDue(); } catch { /* signing is best effort; the chain itself is written */ }
      await closeAllHostGates();
    }
  },
};

async function planFromFlags(io: CliIo, f: Flags) {
  if (!f.project) throw new UsageError('--project NAME is required');
  if (!f.key) throw new UsageError('--key pk-lf-… (the public key to rotate) is required');
  if (f.to.length === 0) throw new UsageError(`name at least one --to TARGET (${SINK_SPEC_HELP.replace('secretstorage, ', '')})`);
  const targets = f.to.map(t => {
    const parsed = parseSinkTarget(t, io.cwd);
    if (parsed.kind === 'secretstorage') {
      throw new UsageError(`"${t}": secretstorage is VS Code's SecretStorage, which only the extension can write. Use the extension's rotation wizard for it, or choose env:, aws-sm:, pass: or vault:.`);
    }
    return parsed;
  });
  const conn = resolveCliConnection(io, f.connection);
  io.err(`Connection ${conn.id ?? '(environment)'}: ${conn.baseUrl}, key ${conn.publicKey} from ${conn.credentialsSource}.\n`);
  const admin = f.manual ? undefined : await adminClient(conn);
  if (!f.manual && !admin) {
    throw new ConnectionConfigError(`This connection cannot create or delete keys: it needs an organization key on a plan with the admin API (Langfuse Cloud Team/Enterprise, self-hosted Enterprise). Run a manual rotation with --manual: you create the new pair in the Langfuse UI.`);
  }
  return {
    conn,
    admin,
    plan: {
      mode: f.compromised ? 'compromised' as const : f.manual ? 'manual' as const : 'normal' as const,
      connection: { id: conn.id, name: conn.name, baseUrl: conn.baseUrl },
      project: { name: f.project },
      oldPublicKey: f.key,
      targets: targets.map(formatSinkTarget),
      scanPaths: f.scan.map(p => path.resolve(io.cwd, p)),
      probeTraces: f.probeTraces,
      // The CLI has no Restricted Mode: the user names every target and scan path on the command line.
      workspaceTrusted: true,
      // A project-key connection IS the old pair: it proves the 401 afterwards.
      oldSecretKey: conn.publicKey === f.key ? conn.secretKey : undefined,
    },
  };
}

/** The connection as an admin client, or undefined when its key cannot manage keys (project key, plan without admin API). */
async function adminClient(conn: CliConnection): Promise<LangfuseClient | undefined> {
  const client = createLangfuseClient({ baseUrl: conn.baseUrl, publicKey: conn.publicKey, secretKey: conn.secretKey });
  const caps = await client.detectCapabilities();
  return caps.keyKind === 'organization' && caps.adminApi ? client : undefined;
}

function engineDeps(io: CliIo, stateDir: string, audit: AuditWriter, admin: LangfuseClient | undefined, secretManagers: SecretManagersSettings) {
  const actor = resolveActingIdentity(io.env[CliEnv.actingAs]).identity;
  const settings: SecretManagersSettings = {
    ...secretManagers,
    vault: { ...secretManagers.vault, address: secretManagers.vault?.address ?? io.env.VAULT_ADDR, namespace: secretManagers.vault?.namespace ?? io.env.VAULT_NAMESPACE },
  };
  const hook = io.env[TEST_HOOK_ENV];
  return {
    stateDir,
    tool: 'cli' as const,
    actor,
    secrets: new FilePendingSecretStore(stateDir),
    admin,
    clientFor: (pair: KeyPairInput, baseUrl: string) => createLangfuseClient({ baseUrl, ...pair }),
    sinkFor: (target: string) => createSink(target, {
      settings, lockDir: path.join(stateDir, StateFiles.locksDir), tool: 'cli', cwd: io.cwd, vaultToken: io.env.VAULT_TOKEN, pass: { env: { ...process.env, ...io.env } },
    }),
    audit: auditRotationTo(audit),
    checkpoint: hook ? testHook(hook) : undefined,
  };
}

function testHook(hook: string): (name: string) => void {
  if (hook.startsWith('crash:')) {
    const at = hook.slice('crash:'.length);
    return name => { if (name === at) process.kill(process.pid, 'SIGKILL'); };
  }
  if (hook.startsWith('record:')) {
    const file = hook.slice('record:'.length);
    return name => fs.appendFileSync(file, `${name}\n`);
  }
  return () => undefined;
}

function knownConnection(io: CliIo, journal: RotationJournal): string | undefined {
  const id = journal.connection.id;
  return id && loadCliConfig(io.env).connections.some(c => c.id === id) ? id : undefined;
}

function pickRotation(io: CliIo, engine: RotationEngine, f: Flags): RotationJournal | undefined {
  const id = f.abort ?? f.id;
  if (id) return engine.load(id);
  const mine = engine.resumable();
  if (mine.length === 1) return mine[0];
  if (mine.length === 0) {
    const others = engine.list().journals.filter(j => j.status === 'active' || j.status === 'rollingBack');
    io.err(`Nothing to resume.${others.length ? ` ${others.length} rotation(s) in progress belong to the VS Code extension; continue them there.` : ''}\n`);
    return undefined;
  }
  throw new UsageError(`${mine.length} rotations can be resumed; name one: ${mine.map(j => `${j.id} (${j.oldKey.publicKey}, step ${j.step})`).join(', ')}`);
}

function list(io: CliIo, engine: RotationEngine, json: boolean): number {
  const { journals, damaged } = engine.list();
  if (json) {
    io.out(`${JSON.stringify(journals.map(rotationReport), null, 2)}\n`);
  } else {
    for (const j of journals) {
      io.out(`${j.id}\t${j.tool}\t${j.status}\t${j.step}\t${j.project.name}\t${j.oldKey.publicKey}${j.waiting ? `\twaiting: ${j.waiting.reason}` : ''}\n`);
    }
    if (journals.length === 0) io.err('No rotations.\n');
  }
  for (const d of damaged) io.err(`Damaged journal ${d.file}: ${d.problem}\n`);
  return ExitCode.ok;
}

function finish(io: CliIo, result: RunResult, json: boolean): number {
  const report = rotationReport(result.journal);
  io.err(`\n${formatRotationReport(report)}`);
  if (result.outcome === 'waiting') io.err(`Resume with: ${TOOL_NAME} rotate --resume ${result.journal.id}${resumeOffer(result.journal).canAbort ? `   (or roll back with --abort ${result.journal.id})` : ''}\n`);
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : `${result.journal.id} ${result.outcome}\n`);
  return result.outcome === 'waiting' ? ExitCode.findings : ExitCode.ok;
}

function reportError(io: CliIo, err: unknown, journal?: RotationJournal): number {
  if (err instanceof UsageError) throw err;
  if (err instanceof ConnectionConfigError || err instanceof RotationInputError || (isSinkError(err) && err.code === 'invalid-config')) {
    io.err(`${TOOL_NAME} rotate: ${(err as Error).message}\n`);
    return ExitCode.usage;
  }
  if (err instanceof RotationError || isSinkError(err) || isLangfuseError(err)) {
    const hint = isLangfuseError(err) && err.hint ? ` ${err.hint}` : '';
    io.err(`${TOOL_NAME} rotate: ${(err as Error).message}${hint}\n`);
    const next = err instanceof RotationBusyError || err instanceof RotationStateError ? undefined : nextStepAfterFailure(journal);
    if (next) io.err(`${next}\n`);
    return ExitCode.findings;
  }
  throw err;
}

// ── interaction ──────────────────────────────────────────────────────────────────────────────────

function cliCallbacks(io: CliIo, f: Flags): RotationCallbacks {
  const interactive = Boolean(process.stdin.isTTY) && !f.yes;
  return {
    onEvent: (e: RotationEvent) => io.err(formatEvent(e)),
    async confirmChecklist(req) {
      io.err(`Deploy checklist for ${req.newPublicKey}:\n${req.items.map(i => `  - ${i}`).join('\n')}\n`);
      if (f.yes) { io.err('Confirmed by --yes.\n'); return true; }
      if (!interactive) { io.err('Not confirmed: no terminal and no --yes.\n'); return false; }
      return ask('Is every item done? [y/N] ');
    },
    async confirmRevoke(req) {
      if (req.warning) io.err(`WARNING: ${req.warning}\n`);
      if (req.manualInstructions) io.err(`${req.manualInstructions}\n`);
      if (f.yes) { io.err(`${req.question} Yes (--yes).\n`); return true; }
      if (!interactive) { io.err(`${req.question}\nNot revoking: no terminal and no --yes. The rotation is saved and waits here.\n`); return false; }
      return ask(`${req.question} [y/N] `);
    },
    confirmForeignHost: foreignHostConsent(io, f.allowForeignHost),
    async provideNewPair(req) {
      io.err(`${req.instructions}\n`);
      const pk = io.env[NEW_PAIR_ENV.publicKey];
      const sk = io.env[NEW_PAIR_ENV.secretKey];
      if (pk || sk) return { publicKey: pk ?? '', secretKey: sk ?? '' };
      const text = process.stdin.isTTY ? `${await askLine('New public key (pk-lf-…): ')}\n${await askLine('New secret key (sk-lf-…, not shown): ', true)}` : await readAll();
      const publicKey = /pk-lf-[A-Za-z0-9_-]+/.exec(text)?.[0];
      const secretKey = /sk-lf-[A-Za-z0-9_-]+/.exec(text)?.[0];
      if (!publicKey && !secretKey) { io.err(`No pair given (set ${NEW_PAIR_ENV.publicKey}/${NEW_PAIR_ENV.secretKey} or pipe it on stdin).\n`); return undefined; }
      return { publicKey: publicKey ?? '', secretKey: secretKey ?? '' };
    },
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
