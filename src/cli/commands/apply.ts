// `langfuse-access apply`: converge the organization on the access file — the plan (made now, or
// saved with "plan --out"), confirmed once (--yes or a terminal), revokes and removals only with
// --allow-destroy. Every change goes through the session (guards, audit) and keys through the rotation
// engine; every step is journaled, so a killed apply is reported exactly and continued by the next.
// stdout: what was done (text or JSON); stderr: the plan, questions and progress.
import * as path from 'node:path';
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
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';

const HELP = `Plans (or takes the plan saved with "plan --out FILE"), shows it, asks once, then makes the
changes in a safe order: members added first, revokes and removals last. Before each change it
re-reads the live organization: a change whose live state moved since the plan is refused and named
(plan again); a change already made is skipped. The guards of the Access view run on every change:
the last OWNER is never removed or demoted, nobody grants above their own role (acting identity:
LANGFUSE_ACCESS_ACTING_AS, else git user.email), OWNER/ADMIN grants are confirmed twice. Keys are
created through the rotation engine: the new secret is kept in a 0600 pending file in the state
folder until it is in its declared stores, then wiped — it never goes to stdout, a plan, the journal
or the audit log. Overdue keys declared rotate: auto are rotated the same way (the old key is revoked
only after the new one is stored and verified). Every change is audited; every step is journaled in
$XDG_STATE_HOME/langfuse-access/applies/, so after a kill the next apply reports what was done and
finishes the interrupted key creations.

Options:
  --plan FILE        apply this saved plan (refused if the access file changed since)
  --file PATH        the access file (default: the plan's, else the nearest .langfuse/access.yaml)
  --connection NAME  a connection of YOUR connections.yaml (default: the file's "connection:")
  --yes              confirm the plan (and OWNER/ADMIN grants, rotation checklists) without asking
  --allow-destroy    also revoke undeclared keys and remove undeclared members of exhaustive lists
                     (--yes alone never does)
  --json             print what was done as JSON

Without --yes and without a terminal nothing is changed.

Examples:
  langfuse-access apply
  langfuse-access plan --out plan.json && langfuse-access apply --plan plan.json --yes
  langfuse-access apply --yes --allow-destroy

Exit codes: 0 every change done (or nothing to do); 1 something was refused, moved, skipped, is
waiting or failed, or the plan was not confirmed; 2 usage, configuration or an invalid file.`;

export const command: CliCommand = {
  usage: 'apply [--plan FILE] [--file PATH] [--connection NAME] [--yes] [--allow-destroy] [--json]',
  help: HELP,
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
      io.err(saved ? `Applying the plan of ${saved.createdAt} (live state ${saved.fingerprint.slice(0, 19)}…).\n` : renderText(plan, { cwd: io.cwd }));
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
  if (text === undefined) throw new AccessFileError(`There is no plan file ${file}.`);
  try { return parsePlan(text, file); } catch (err) { throw new AccessFileError((err as Error).message); }
}

function rotationCode(io: CliIo, err: unknown): number | undefined {
  const failure = rotationFailure(err);
  if (!failure) return undefined;
  io.err(`langfuse-access apply: ${failure.message}\n`);
  return failure.kind === 'configuration' ? ExitCode.usage : ExitCode.findings;
}
