// `langfuse-access apply`: converge the organization on the access file — the plan (made now, or
// saved with "plan --out"), confirmed once (--yes or a terminal), revokes and removals only with
// --allow-destroy. Every change goes through the session (guards, audit) and keys through the rotation
// engine; every step is journaled, so a killed apply is reported exactly and continued by the next.
// stdout: what was done (text or JSON); stderr: the plan, questions and progress.
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import { parseArgs } from 'node:util';
import {
  accessFilePath, AccessFileError, applyAccess, loadAccessWorkspace, parsePlan, planAccess, renderApplyText, renderText, type AccessPlan,
} from '../../core/accessAsCode/index';
import { readFileNoFollow } from '../../core/fs/scopedWrite';
import { jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse/index';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, ExitCode } from '../../core/names';
import { rotationFailure } from '../../core/rotation/failure';
import type { SessionHost } from '../../core/session/host';
import { APPLY_USAGE, applyHelp } from '../../core/display/help/access';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';


export const command: CliCommand = {
  usage: APPLY_USAGE,
  help: applyHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({ args, allowPositionals: false, options: {
        plan: { type: 'string' }, file: { type: 'string' }, connection: { type: 'string' },
        yes: { type: 'boolean' }, 'allow-destroy': { type: 'boolean' }, json: { type: 'boolean' },
      } }));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    let host: SessionHost | undefined;
    try {
      const saved = values.plan ? readPlan(path.resolve(io.cwd, values.plan)) : undefined;
      const file = values.file ? path.resolve(io.cwd, values.file) : saved?.file ?? accessFilePath(io.cwd, undefined);
      const rootDir = path.dirname(path.dirname(file));
      const ws = loadAccessWorkspace(file, { stores: { workspaceRoots: [rootDir], secretStorage: false }, defaultMaxAgeDays: DEFAULT_ROTATION_MAX_AGE_DAYS });
      const opened = openAccessSession(io, { connection: values.connection ?? saved?.connection.id, fileConnection: ws.file.config.connection, yes: !!values.yes });
      host = opened.host;
      // The plan the user sees is the plan that is applied: a change that moves after this is refused.
      const plan = saved ?? await planAccess(opened.session, ws);
      io.err(saved ? `${l10n.t('Applying the plan of {0} (live state {1}…).', saved.createdAt, saved.fingerprint.slice(0, 19))}\n` : renderText(plan, { cwd: io.cwd }));
      const report = await applyAccess(opened.session, { ws, saved: plan, allowDestroy: !!values['allow-destroy'] });
      io.out(values.json ? `${jsonForTerminal(JSON.stringify({ ...report, plan: undefined }, null, 2))}\n` : renderApplyText(report));
      return report.status === 'applied' || report.status === 'nothing' ? ExitCode.ok : ExitCode.findings;
    } catch (err) {
      const code = accessFailure(io, 'apply', err) ?? rotationCode(io, err);
      if (code === undefined) throw err;
      return code;
    } finally {
      host?.close();
      await closeAllHostGates();
    }
  },
};

function readPlan(file: string): AccessPlan {
  let text: string | undefined;
  try { text = readFileNoFollow(file); } catch (err) { throw new AccessFileError((err as Error).message); }
  if (text === undefined) throw new AccessFileError(l10n.t('There is no plan file {0}.', file));
  try { return parsePlan(text, file); } catch (err) { throw new AccessFileError((err as Error).message); }
}

function rotationCode(io: CliIo, err: unknown): number | undefined {
  const failure = rotationFailure(err);
  if (!failure) return undefined;
  io.err(`langfuse-access apply: ${failure.message}\n`);
  return failure.kind === 'configuration' ? ExitCode.usage : ExitCode.findings;
}
