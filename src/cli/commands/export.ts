// `langfuse-access export`: the live organization into the nearest `.langfuse/access.yaml` (created
// in the working folder when there is none). stdout: the file written; stderr: what it holds.
import { parseArgs } from 'node:util';
import { exportAccess, exportTarget } from '../../core/accessAsCode/index';
import { closeAllHostGates } from '../../core/langfuse/index';
import { readFileNoFollow } from '../../core/fs/scopedWrite';
import { parseAccessFile } from '../../core/access/accessFile';
import { forTerminal } from '../../core/display/terminal';
import { ExitCode } from '../../core/names';
import type { SessionHost } from '../../core/session/host';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';

const HELP = `Writes who holds which role and which project keys exist into the access file, from the live
organization: "organization:" (every member and role) and "projects:" (per project: explicit project
roles, NONE included, and the keys by note). Other sections (environments, rotation, ignore) and their
comments stay as they are; a key already declared keeps its stores, environment, maxAgeDays and rotate.
New keys get rotate: manual and, as stores, the .env files in the repository that hold them. Comments
name members and key dates. No secret is read or written. "plan" right after "export" shows no changes.
Organization keys are listed in a comment only: the public API cannot manage them.

Options:
  --connection NAME  a connection of $XDG_CONFIG_HOME/langfuse-access/connections.yaml
                     (default: the file's "connection:", else LANGFUSE_ACCESS_BASE_URL and the
                     LANGFUSE_ACCESS_PUBLIC_KEY/SECRET_KEY or LANGFUSE_ACCESS_CREDENTIALS_FILE pair)
  --file PATH        the access file (default: the nearest .langfuse/access.yaml, else a new one in
                     the working folder)

Needs an organization key on a plan with the admin API. The file is written only inside the folder
holding .langfuse/ and never through a symbolic link.

Examples:
  langfuse-access export --connection acme-eu
  langfuse-access export --file infra/.langfuse/access.yaml

Exit codes: 0 written; 1 Langfuse refused or failed; 2 usage, configuration or an invalid file.`;

export const command: CliCommand = {
  usage: 'export [--connection NAME] [--file PATH]',
  help: HELP,
  async run(io: CliIo, args: string[]): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { connection: { type: 'string' }, file: { type: 'string' } }, allowPositionals: false }));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    let host: SessionHost | undefined;
    try {
      const file = exportTarget(io.cwd, values.file);
      const existing = readFileNoFollow(file);
      const fileConnection = existing === undefined ? undefined : parseAccessFile(existing, file).config?.connection;
      const opened = openAccessSession(io, { connection: values.connection, fileConnection, yes: false });
      host = opened.host;
      const result = await exportAccess(opened.session, file);
      const { exported } = result;
      const keys = exported.projects.reduce((n, p) => n + p.keys.length, 0);
      io.err(`${result.created ? 'Created' : 'Updated'} ${forTerminal(file)}: ${exported.organization.members.length} member(s), ${exported.projects.length} project(s), ${keys} key(s) (rotate: manual unless the file said otherwise).\n`);
      for (const s of [...exported.organization.skipped, ...exported.projects.flatMap(p => p.skipped.map(x => `${p.name}: ${x}`))]) io.err(`  not declared: ${forTerminal(s)}\n`);
      io.out(`${forTerminal(file)}\n`);
      return ExitCode.ok;
    } catch (err) {
      const code = accessFailure(io, 'export', err);
      if (code === undefined) throw err;
      return code;
    } finally {
      host?.close();
      await closeAllHostGates();
    }
  },
};
