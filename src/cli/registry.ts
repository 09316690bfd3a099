import { ExitCode, TOOL_VERSION } from '../core/names';
import type { CliCommand } from './command';
import { versionHelp } from '../core/display/help/version';
import { l10n } from '../core/l10n/l10n';

export interface CommandEntry {
  /** The one-line summary of `langfuse-access --help`, translated when shown. */
  summary: () => string;
  load: () => Promise<{ command: CliCommand }>;
}

/** Each command is its own module, loaded only when it runs; src/cli/commands/all.ts registers them. */
export const cliCommands: Record<string, CommandEntry> = {
  version: {
    summary: () => l10n.t('print the version'),
    load: async () => ({ command: { usage: 'version', help: versionHelp, run: async io => { io.out(`${TOOL_VERSION}\n`); return ExitCode.ok; } } }),
  },
};

export function registerCliCommand(name: string, summary: () => string, load: CommandEntry['load']): void {
  cliCommands[name] = { summary, load };
}
