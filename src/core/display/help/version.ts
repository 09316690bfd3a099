import type { CommandHelp } from '../cliHelp';

export const VERSION_HELP: CommandHelp = {
  description: 'Prints the version of langfuse-access (the same as --version).',
  options: [],
  examples: [{ command: 'version', description: 'e.g. 0.1.0' }],
  exitCodes: { 0: 'always', 1: 'never', 2: 'never' },
};
