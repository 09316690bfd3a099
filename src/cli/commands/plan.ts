// `langfuse-access plan`: the drift between the access file and the live organization, each change
// with the guard's verdict for the acting identity. stdout: the plan (text, Markdown for a pull-request
// comment, JSON to save for `apply --plan`, or SARIF); stderr: notes.
import * as path from 'node:path';
import { l10n } from '../../core/l10n/l10n';
import { parseArgs } from 'node:util';
import { accessFilePath, loadAccessWorkspace, planAccess, renderMarkdown, renderSarif, renderText, summarize } from '../../core/accessAsCode/index';
import { folderScope, writeFileInScope } from '../../core/fs/scopedWrite';
import { jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse/index';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, ExitCode } from '../../core/names';
import type { SessionHost } from '../../core/session/host';
import { PLAN_USAGE, planHelp } from '../../core/display/help/access';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;


export const command: CliCommand = {
  usage: PLAN_USAGE,
  help: planHelp,
  async run(io: CliIo, args: string[]): Promise<number> {
    const detailed = args.includes('--detailed-exitcode');
    const fail = (code: number) => (detailed ? ExitCode.findings : code);
    let values;
    try {
      ({ values } = parseArgs({ args, allowPositionals: false, options: {
        file: { type: 'string' }, connection: { type: 'string' }, format: { type: 'string', default: 'text' }, out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean' }, verbose: { type: 'boolean' },
      } }));
      if (!(FORMATS as readonly string[]).includes(values.format!)) throw new Error(l10n.t('--format must be one of {0}, got "{1}"', FORMATS.join(', '), values.format ?? ''));
    } catch (err) {
      if (!detailed) throw new UsageError((err as Error).message);
      io.err(`langfuse-access plan: ${(err as Error).message}\n${l10n.t('Usage: {0}', `langfuse-access ${PLAN_USAGE}`)}\n`);
      return ExitCode.findings;
    }
    let host: SessionHost | undefined;
    try {
      const file = accessFilePath(io.cwd, values.file);
      const rootDir = path.dirname(path.dirname(file));
      const ws = loadAccessWorkspace(file, { stores: { workspaceRoots: [rootDir], secretStorage: false }, defaultMaxAgeDays: DEFAULT_ROTATION_MAX_AGE_DAYS });
      const opened = openAccessSession(io, { connection: values.connection, fileConnection: ws.file.config.connection, yes: false });
      host = opened.host;
      const plan = await planAccess(opened.session, ws);
      const options = { cwd: io.cwd, verbose: values.verbose };
      if (values.format === 'json') io.out(`${jsonForTerminal(JSON.stringify(plan, null, 2))}\n`);
      else if (values.format === 'sarif') io.out(`${jsonForTerminal(JSON.stringify(renderSarif(plan, { baseDir: io.cwd }), null, 2))}\n`);
      else if (values.format === 'markdown') io.out(renderMarkdown(plan, options));
      else io.out(renderText(plan, options));
      if (values.out) {
        const out = path.resolve(io.cwd, values.out);
        writeFileInScope(out, `${JSON.stringify(plan, null, 2)}\n`, folderScope(out));
        io.err(`${l10n.t('Plan saved to {0}: apply it with "{1}".', out, `langfuse-access apply --plan ${values.out}`)}\n`);
      }
      return detailed && summarize(plan).total > 0 ? 2 : ExitCode.ok;
    } catch (err) {
      const code = accessFailure(io, 'plan', err);
      if (code === undefined) throw err;
      return fail(code);
    } finally {
      host?.close();
      await closeAllHostGates();
    }
  },
};
