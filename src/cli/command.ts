import type { CommandHelp } from '../core/display/cliHelp';
import type { EnvLike } from '../core/state/stateDir';

export type { CommandHelp, HelpOption, HelpSubcommand } from '../core/display/cliHelp';

/** What a CLI command may touch: its output streams, the environment and the working folder. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: EnvLike;
  cwd: string;
}

/**
 * A `langfuse-access` command. The convention every command follows (test/unit/cli-help/help.test.ts
 * checks each registered command):
 * - `usage`: one line after the tool's name, every option in brackets, e.g.
 *   `lint [paths…] [--format text|json|sarif]` (several lines for subcommands).
 * - `help`: builds the `--help` page as data, kept in `src/core/display/help/<command>.ts` (built when
 *   shown, so its words come from the translator the CLI installs at start): a description; every option
 *   the command parses, each with a description and its default when it has one; the environment
 *   variables it reads; at least one example; and what exit codes 0, 1 and 2 mean for it (0 ok,
 *   1 findings or a failed operation, 2 usage or configuration error — ExitCode in src/core/names.ts).
 *   `langfuse-access <command> --help` and `langfuse-access help <command>` print it
 *   (src/core/display/cliHelp.ts lays it out); for a command with subcommands,
 *   `<command> <subcommand> --help` prints that subcommand's part.
 * - Machine output on stdout, messages on stderr; credentials never in argv.
 */
export interface CliCommand {
  usage: string;
  help(): CommandHelp;
  run(io: CliIo, args: string[]): Promise<number>;
}

/** Thrown for bad flags or arguments: the CLI prints the usage line and exits 2. */
export class UsageError extends Error {}
