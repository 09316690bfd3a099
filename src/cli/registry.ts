import { ExitCode, TOOL_VERSION } from '../core/names';
import type { CliCommand } from './command';
import { VERSION_HELP } from '../core/display/help/version';

export interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: CliCommand }>;
}

/** Each command is its own module, loaded only when it runs; src/cli/commands/all.ts registers them. */
export const cliCommands: Record<string, CommandEntry> = {
  version: {
    summary: 'print the version',
    load: async () => ({ command: { usage: 'version', help: VERSION_HELP, run: async io => { io.out(`${TOOL_VERSION}\n`); return ExitCode.ok; } } }),
  },
};

export function registerCliCommand(name: string, summary: string, load: CommandEntry['load']): void {
  cliCommands[name] = { summary, load };
}
