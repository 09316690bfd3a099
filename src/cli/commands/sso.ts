// `langfuse-access sso check|setup`: the SSO setup assistant for a self-hosted Langfuse, non-interactive.
// stdout: the redirect URI, what to register, the online check and the block written; stderr: notes.
// Exit 0 ok, 1 a check failed or nothing was written, 2 usage. The client secret never comes from argv.
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import { parseArgs } from 'node:util';
import { openAuditWriter } from '../../core/audit/openAuditWriter';
import { readFileFromDisk } from '../../core/deployment/fileReader';
import { resolveActingIdentity } from '../../core/identity/actingAs';
import { CliEnv, ExitCode } from '../../core/names';
import type { OnlineCheckResult, SsoBlockResult, SsoSetupPlan } from '../../core/sso/index';
import {
  applySsoBlock, checkProviderOnline, isGitIgnored, readDeploymentFileNoFollow, ssoPlanFromFlags, ssoSetupAuditEvent,
  SsoInputError, SsoWriteError, writeDeploymentFileNoFollow,
} from '../../core/sso/index';
import { renderConsoleGuide, renderOnlineCheck } from '../../core/sso/report';
import { stateDirPath } from '../../core/state/stateDir';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { ssoHelp, SSO_USAGE } from '../../core/display/help/sso';


function parse(args: string[]) {
  try {
    return parseArgs({
      args, allowPositionals: true,
      options: {
        provider: { type: 'string' }, issuer: { type: 'string' }, 'tenant-id': { type: 'string' }, 'client-id': { type: 'string' },
        'public-url': { type: 'string' }, 'base-path': { type: 'string' }, name: { type: 'string' }, checks: { type: 'string' },
        'client-auth-method': { type: 'string' }, 'enforce-domains': { type: 'string' }, 'disable-password-login': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false }, write: { type: 'string' }, yes: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10' }, format: { type: 'string', default: 'text' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function planFrom(v: ReturnType<typeof parse>['values']): SsoSetupPlan {
  try {
    return ssoPlanFromFlags(v);
  } catch (err) {
    if (err instanceof SsoInputError) throw new UsageError(err.message);
    throw err;
  }
}

async function online(plan: SsoSetupPlan, timeout: string): Promise<OnlineCheckResult> {
  const seconds = Number(timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new UsageError(l10n.t('--timeout must be a number of seconds between 0 and 120'));
  try {
    return await checkProviderOnline(plan, { timeoutMs: seconds * 1000 });
  } catch (err) {
    if (err instanceof SsoInputError) throw new UsageError(err.message);
    throw err;
  }
}

async function confirmed(io: CliIo, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY || io.env.CI) return false;
  io.err(l10n.t('Write this block? [y/N] '));
  const answer = await new Promise<string>(resolve => process.stdin.once('data', d => resolve(String(d))));
  process.stdin.pause();
  return /^y(es)?$/i.test(answer.trim());
}

function audit(io: CliIo, plan: SsoSetupPlan, file: string, result: SsoBlockResult, check: OnlineCheckResult | undefined): void {
  const writer = openAuditWriter({ stateDir: stateDirPath(io.env), actor: { identity: resolveActingIdentity(io.env[CliEnv.actingAs]).identity, tool: 'cli' } });
  writer.append(ssoSetupAuditEvent(plan, path.relative(io.cwd, file) || file, { result, onlineCheck: check ? (check.ok ? 'passed' : 'failed') : 'skipped' }));
  writer.checkpointIfDue();
}

async function setup(io: CliIo, v: ReturnType<typeof parse>['values'], plan: SsoSetupPlan, json: boolean): Promise<number> {
  if (!v.write) throw new UsageError(l10n.t('--write FILE is required: the docker-compose file, .env or Helm values to add the variables to'));
  if (plan.disablePasswordLogin && !v.check) throw new UsageError(l10n.t('--disable-password-login needs --check: password login is turned off only after the provider answered the online check (no lock-out)'));
  const file = path.resolve(io.cwd, v.write);
  let check: OnlineCheckResult | undefined;
  if (v.check) {
    check = await online(plan, v.timeout!);
    if (!json) io.out(renderOnlineCheck(check));
    if (!check.ok && (check.applicable || plan.disablePasswordLogin)) {
      io.err(`${check.applicable ? l10n.t('The online check failed: nothing was written. Fix what it says and run again.') : l10n.t('Password login is not turned off without an online check; nothing was written.')}\n`);
      if (json) io.out(`${JSON.stringify({ redirectUri: plan.redirectUri, check, written: [] }, null, 2)}\n`);
      return ExitCode.findings;
    }
  }
  let text: string;
  let result: SsoBlockResult;
  const secret = io.env[CliEnv.ssoClientSecret];
  try {
    text = readDeploymentFileNoFollow(file, io.cwd);
    const withSecret = secret !== undefined && secret !== '' && v.yes && /(^|[\\/])(\.env[^\\/]*|[^\\/]*\.env)$/.test(file) && isGitIgnored(file);
    result = applySsoBlock({ file, text, plan, clientSecret: withSecret ? secret : undefined, read: readFileFromDisk });
  } catch (err) {
    if (err instanceof SsoWriteError) { io.err(`${err.message}\n`); return ExitCode.findings; }
    throw err;
  }
  if (result.written.length === 0) {
    io.err(`${l10n.t('{0} already has these SSO settings; nothing to write.', path.basename(file))}\n`);
    return ExitCode.ok;
  }
  if (!json) io.out(`\n${l10n.t('Block for {0} in {1} (line {2}):', result.targetName, path.relative(io.cwd, file), result.line + 1)}\n${result.preview}\n`);
  if (!await confirmed(io, v.yes!)) {
    io.err(`${l10n.t('Not written: run again with --yes to write it.')}\n`);
    return ExitCode.findings;
  }
  try {
    writeDeploymentFileNoFollow(file, io.cwd, text, result.newText);
  } catch (err) {
    if (err instanceof SsoWriteError) { io.err(`${err.message}\n`); return ExitCode.findings; }
    throw err;
  }
  audit(io, plan, file, result, check);
  if (json) io.out(`${JSON.stringify({ redirectUri: plan.redirectUri, check, file: path.relative(io.cwd, file), written: result.written, clientSecret: result.secretNote }, null, 2)}\n`);
  else io.out(`${l10n.t('Wrote {0} variables to {1}.', result.written.length, path.relative(io.cwd, file))}\n${result.secretNote}\n`);
  if (plan.disablePasswordLogin) io.err(`${l10n.t('Password login is off once Langfuse restarts with this file: sign in with SSO once before closing your current session.')}\n`);
  return ExitCode.ok;
}

export const command: CliCommand = {
  usage: SSO_USAGE,
  help: ssoHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const { values: v, positionals } = parse(args);
    const sub = positionals[0];
    if (sub !== 'check' && sub !== 'setup') throw new UsageError(sub ? l10n.t('name a subcommand: check or setup (not "{0}")', sub.slice(0, 40)) : l10n.t('name a subcommand: check or setup'));
    if (positionals.length > 1) throw new UsageError(l10n.t('unexpected argument "{0}"', positionals[1].slice(0, 40)));
    if (v.format !== 'text' && v.format !== 'json') throw new UsageError(l10n.t('--format must be text or json'));
    const json = v.format === 'json';
    const plan = planFrom(v);
    if (!json) io.out(renderConsoleGuide(plan));
    if (sub === 'setup') return setup(io, v, plan, json);
    const check = await online(plan, v.timeout!);
    if (json) io.out(`${JSON.stringify({ provider: plan.provider.id, langfuseVersion: plan.langfuseVersion, redirectUri: plan.redirectUri, check }, null, 2)}\n`);
    else io.out(`\n${renderOnlineCheck(check)}`);
    return check.ok || !check.applicable ? ExitCode.ok : ExitCode.findings;
  },
};
