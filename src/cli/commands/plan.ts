// `langfuse-access plan`: the drift between the access file and the live organization, each change
// with the guard's verdict for the acting identity. stdout: the plan (text, Markdown for a pull-request
// comment, JSON to save for `apply --plan`, or SARIF); stderr: notes.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { accessFilePath, loadAccessWorkspace, planAccess, renderMarkdown, renderSarif, renderText, summarize } from '../../core/accessAsCode/index';
import { folderScope, writeFileInScope } from '../../core/fs/scopedWrite';
import { jsonForTerminal } from '../../core/display/terminal';
import { closeAllHostGates } from '../../core/langfuse/index';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, ExitCode } from '../../core/names';
import type { SessionHost } from '../../core/session/host';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const USAGE = 'plan [--file PATH] [--connection NAME] [--format text|json|markdown|sarif] [--detailed-exitcode] [--out FILE] [--verbose]';

const HELP = `Compares the access file's "organization:" and "projects:" sections with the live organization
and prints every difference with the exact change that fixes it, grouped by project: add a member
(SCIM for unknown emails), change an organization role, set / clear / NONE a project role, remove a
member, create a key into its stores, rotate an overdue key declared rotate: auto, revoke an undeclared
key of an exhaustive list. Each change carries the guard's verdict for the acting identity
(LANGFUSE_ACCESS_ACTING_AS, else git user.email): e.g. "would remove the last OWNER — refused".
Overdue keys declared rotate: manual are warnings, not changes; items a non-exhaustive list does not
name are reported as unmanaged and never touched. The plan records a fingerprint of the live state it
was made from; "apply --plan FILE" refuses any change whose live state moved since.

Options:
  --file PATH           the access file (default: the nearest .langfuse/access.yaml)
  --connection NAME     a connection of YOUR connections.yaml (default: the file's "connection:",
                        else the LANGFUSE_ACCESS_* environment); the host never comes from the file
  --format FORMAT       text (default), markdown (fits a pull-request comment), json (the plan;
                        save it for "apply --plan"), sarif (code scanning: one result per change on
                        its line of the access file)
  --out FILE            also write the plan as JSON to FILE (for "apply --plan FILE")
  --detailed-exitcode   Terraform's exit codes: 0 no changes, 2 changes, 1 any error (usage included)
  --verbose             list every unmanaged item (default: the first five)

Examples:
  langfuse-access plan
  langfuse-access plan --format markdown > plan.md        # a pull-request comment
  langfuse-access plan --out plan.json --detailed-exitcode # CI: fails (2) when access drifted

Exit codes: 0 planned (changes or not); 1 Langfuse refused or failed; 2 usage, configuration or an
invalid file. With --detailed-exitcode: 0 no changes, 2 changes, 1 any error.`;

export const command: CliCommand = {
  usage: USAGE,
  help: HELP,
  async run(io: CliIo, args: string[]): Promise<number> {
    const detailed = args.includes('--detailed-exitcode');
    const fail = (code: number) => (detailed ? ExitCode.findings : code);
    let values;
    try {
      ({ values } = parseArgs({ args, allowPositionals: false, options: {
        file: { type: 'string' }, connection: { type: 'string' }, format: { type: 'string', default: 'text' }, out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean' }, verbose: { type: 'boolean' },
      } }));
      if (!(FORMATS as readonly string[]).includes(values.format!)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    } catch (err) {
      if (!detailed) throw new UsageError((err as Error).message);
      io.err(`langfuse-access plan: ${(err as Error).message}\nUsage: langfuse-access ${USAGE}\n`);
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
        io.err(`Plan saved to ${out}: apply it with "langfuse-access apply --plan ${values.out}".\n`);
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
