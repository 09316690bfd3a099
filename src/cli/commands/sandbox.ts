// `langfuse-access sandbox`: the sandbox's own runner (src/sandbox/cli.ts) behind the CLI's conventions.
import { runSandboxCli, SANDBOX_USAGE, SandboxUsageError } from '../../sandbox/cli';
import { sandboxHelp } from '../../core/display/help/sandbox';
import { UsageError, type CliCommand } from '../command';

export const command: CliCommand = {
  usage: SANDBOX_USAGE.split('\n')[0],
  help: sandboxHelp,
  async run(io, args) {
    try {
      return await runSandboxCli(io, args);
    } catch (err) {
      throw err instanceof SandboxUsageError ? new UsageError(err.message) : err;
    }
  },
};
