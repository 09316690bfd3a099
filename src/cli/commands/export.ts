// `langfuse-access export`: the live organization into the nearest `.langfuse/access.yaml` (created
// in the working folder when there is none). stdout: the file written; stderr: what it holds.
import { parseArgs } from 'node:util';
import { l10n } from '../../core/l10n/l10n';
import { exportAccess, exportTarget } from '../../core/accessAsCode/index';
import { closeAllHostGates } from '../../core/langfuse/index';
import { readFileNoFollow } from '../../core/fs/scopedWrite';
import { parseAccessFile } from '../../core/access/accessFile';
import { forTerminal } from '../../core/display/terminal';
import { ExitCode } from '../../core/names';
import type { SessionHost } from '../../core/session/host';
import { EXPORT_USAGE, exportHelp } from '../../core/display/help/access';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { accessFailure, openAccessSession } from '../session/accessSession';


export const command: CliCommand = {
  usage: EXPORT_USAGE,
  help: exportHelp,
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
      const counts = [forTerminal(file), exported.organization.members.length, exported.projects.length, keys] as const;
      io.err(`${result.created
        ? l10n.t('Created {0}: {1} member(s), {2} project(s), {3} key(s) (rotate: manual unless the file said otherwise).', ...counts)
        : l10n.t('Updated {0}: {1} member(s), {2} project(s), {3} key(s) (rotate: manual unless the file said otherwise).', ...counts)}\n`);
      for (const s of [...exported.organization.skipped, ...exported.projects.flatMap(p => p.skipped.map(x => `${p.name}: ${x}`))]) io.err(`  ${l10n.t('not declared: {0}', forTerminal(s))}\n`);
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
