// `langfuse-access conformance`: the product's own flows against a real server, through the same
// session, engine and rules the extension and the CLI use. Everything it creates is journaled before
// it exists and removed at the end — after a failure or Ctrl-C too; a killed run is cleaned up by the
// next one (cleanup.ts).
import { l10n } from '../l10n/l10n';
import * as path from 'node:path';
import { StateFiles, TOOL_NAME, TOOL_VERSION } from '../names';
import type { Session } from '../session';
import { CheckFailure, messageOf, SkipCheck, type SuiteContext, type SuiteOptions } from './context';
import { cleanUpJournal, scimUserNote, sweepPrefixed } from './cleanup';
import { ConformanceJournal, newRunId } from './journal';
import { memberAddCheck, memberRemoveCheck, projectRoleClearCheck, projectRoleSetCheck } from './checks/members';
import { keyCreateRevokeCheck, lintOnlineCheck, rotationCheck, type RotationOutcome } from './checks/keys';
import { accessRoundTripCheck } from './checks/accessAsCode';
import { capabilitiesCheck, identityCheck, needAdminApi, projectCheck, projectDeleteCheck, treeCheck } from './checks/setup';
import { summarize, type CheckResult, type CleanupResult, type ConformanceReport } from './types';

export interface RunOptions extends SuiteOptions {
  now(): Date;
  signal: AbortSignal;
  checkpoint?(name: string): void;
  /** Each check's result as soon as it is known (progress lines). */
  onCheck?(result: CheckResult): void;
}

export async function runConformance(session: Session, options: RunOptions): Promise<ConformanceReport> {
  const { stateDir } = session.host.port;
  const baseUrl = session.connection.baseUrl;
  const startedAt = options.now();
  const runId = newRunId(startedAt);
  const earlier = ConformanceJournal.leftovers(stateDir, baseUrl);
  const journal = ConformanceJournal.create(stateDir, runId, baseUrl, startedAt);
  const ctx: SuiteContext = {
    session, journal, runId, options, now: options.now, signal: options.signal,
    workDir: path.join(stateDir, StateFiles.conformanceDir, runId),
    checkpoint: name => options.checkpoint?.(name),
  };
  const checks: CheckResult[] = [];
  const cleanup: CleanupResult = { removed: [], problems: [], notes: [] };
  let stopped: string | undefined;

  const check = async <T>(id: string, title: string, fn: () => Promise<T>, detailOf: (value: T) => string = v => String(v)): Promise<T | undefined> => {
    const started = Date.now();
    let result: CheckResult;
    let value: T | undefined;
    if (stopped) {
      result = { id, title, status: 'skip', ms: 0, detail: stopped };
    } else if (options.signal.aborted) {
      stopped = l10n.t('interrupted (Ctrl-C); cleaning up');
      result = { id, title, status: 'skip', ms: 0, detail: stopped };
    } else {
      try {
        value = await fn();
        result = { id, title, status: 'pass', ms: Date.now() - started, detail: detailOf(value) };
      } catch (err) {
        result = err instanceof SkipCheck
          ? { id, title, status: 'skip', ms: Date.now() - started, detail: err.message, ...(err.plans ? { plans: err.plans } : {}) }
          : { id, title, status: 'fail', ms: Date.now() - started, detail: err instanceof CheckFailure ? err.message : `${messageOf(err)}` };
      }
    }
    checks.push(result);
    options.onCheck?.(result);
    return value;
  };

  let rotation: RotationOutcome | undefined;
  try {
    await check('capabilities', l10n.t('Key kind, plan and server version'), () => capabilitiesCheck(ctx));
    if (ctx.capabilities?.keyKind !== 'organization') stopped = l10n.t('needs an organization key');
    const identity = await check('identity', l10n.t('Acting identity is OWNER or ADMIN'), () => identityCheck(ctx));
    const identityResult = checks.at(-1)!;
    if (identity === undefined && identityResult.status === 'fail') stopped = l10n.t('stopped before changing anything (see the identity check)');
    await check('tree', l10n.t('Full tree load (projects, members, keys, roles)'), () => treeCheck(ctx));
    await check('cleanup-earlier', l10n.t('Leftovers of earlier runs removed'), async () => {
      needAdminApi(ctx);
      if (identityResult.status !== 'pass') throw new SkipCheck(l10n.t('needs an OWNER or ADMIN identity (see the identity check)'));
      const before = cleanup.removed.length;
      for (const old of earlier.journals) await cleanUpJournal(session, old, cleanup);
      for (const file of earlier.damaged) cleanup.problems.push(l10n.t('Could not read {0}; remove it by hand after checking the server.', file));
      await sweepPrefixed(session, { now: options.now(), runId, existingProjectId: undefined, allowKeys: false }, cleanup);
      const n = cleanup.removed.length - before;
      if (cleanup.problems.length) throw new CheckFailure(cleanup.problems.join('; '));
      return n ? l10n.t('{0} object(s) removed: {1}', n, cleanup.removed.slice(before).join('; ')) : l10n.t('nothing left by earlier runs');
    });
    await check('project', options.existingProject ? l10n.t('Existing project found') : l10n.t('Throwaway project created'), () => projectCheck(ctx));
    if (options.existingProject && ctx.project) {
      await sweepPrefixed(session, { now: options.now(), runId, existingProjectId: ctx.project.id, allowKeys: options.allowExistingKeys }, cleanup);
    }
    await check('member.add', l10n.t('Add a member by email (SCIM, MEMBER)'), () => memberAddCheck(ctx));
    await check('projectRole.set', l10n.t('Set a project role'), () => projectRoleSetCheck(ctx));
    await check('projectRole.clear', l10n.t('Clear the project role'), () => projectRoleClearCheck(ctx));
    await check('member.remove', l10n.t('Remove the member'), () => memberRemoveCheck(ctx));
    await check('apiKey.createRevoke', l10n.t('Create a key and revoke it'), () => keyCreateRevokeCheck(ctx));
    rotation = (await check('rotation', l10n.t('Complete rotation into a .env target'), () => rotationCheck(ctx), r => r.detail))?.outcome;
    await check('lint.online', l10n.t('lint --online on the generated files'), () => lintOnlineCheck(ctx, rotation));
    await check('accessAsCode.roundTrip', l10n.t('Access as code: export → plan → edit → plan → apply → plan'), () => accessRoundTripCheck(ctx));
    await check('project.delete', l10n.t('Throwaway project deleted'), () => projectDeleteCheck(ctx, rotation?.newPair));
  } finally {
    // Whatever happened above (a failed check, an exception, Ctrl-C): remove what this run created.
    try {
      await cleanUpJournal(session, journal, cleanup);
    } catch (err) {
      cleanup.problems.push(l10n.t('Cleanup stopped: {0}. {1} keeps what is left for the next run.', messageOf(err), journal.file));
    }
  }
  if (checks.some(c => c.id === 'member.add' && c.status !== 'skip')) cleanup.notes.push(scimUserNote());
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    server: { baseUrl, version: ctx.capabilities?.serverVersion },
    actingAs: session.host.port.actor().email,
    runId,
    project: { mode: options.existingProject ? 'existing' : 'throwaway', name: options.existingProject ?? runId },
    startedAt: startedAt.toISOString(),
    checks, cleanup, summary: summarize(checks),
    ...(stopped ? { stopped } : {}),
  };
}

export type { Session };
