// `langfuse-access <command> [...]`: the command-line edge over src/core.
// Exit codes: 0 ok, 1 findings or a failed operation, 2 usage or configuration error.
// Machine output goes to stdout, messages to stderr. Credentials never come from argv.
import { formatCommandHelp, formatCommandList, formatUsage } from '../core/display/cliHelp';
import { l10n } from '../core/l10n/l10n';
import { ExitCode, TOOL_NAME, TOOL_VERSION } from '../core/names';
import type { CliIo } from './command';
import { UsageError } from './command';
import { registerAllCommands } from './commands/all';
import { cliCommands as commands } from './registry';

registerAllCommands();

const usage = () => formatCommandList(TOOL_NAME, commands);

export async function main(argv: string[], io: CliIo): Promise<number> {
  // `help <command> [subcommand]` is `<command> [subcommand] --help`.
  if (argv[0] === 'help' && argv[1] && commands[argv[1]]) return main([...argv.slice(1), '--help'], io);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.err(usage());
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version') {
    io.out(`${TOOL_VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands[name];
  if (!entry) {
    io.err(`${l10n.t('{0}: unknown command "{1}"', TOOL_NAME, name)}\n\n${usage()}`);
    return ExitCode.usage;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.err(formatCommandHelp(TOOL_NAME, command.usage, command.help(), rest[0]));
    return ExitCode.ok;
  }
  try {
    return await command.run(io, rest);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${TOOL_NAME} ${name}: ${err.message}\n${formatUsage(TOOL_NAME, command.usage)}\n`);
      return ExitCode.usage;
    }
    throw err;
  }
}

if (require.main === module) {
  // Messages (stderr) and output to a terminal never carry a control character the tool did not write
  // itself (values are escaped where they are formatted, so a name cannot start a line of its own);
  // piped stdout stays byte for byte what the format says (JSON, SARIF and CSV escape on their own).
  const { forTerminalText } = require('../core/display/terminal') as typeof import('../core/display/terminal');
  const io: CliIo = {
    out: text => process.stdout.write(process.stdout.isTTY ? forTerminalText(text) : text),
    err: text => process.stderr.write(forTerminalText(text)),
    env: process.env,
    cwd: process.cwd(),
  };
  (require('./l10n') as typeof import('./l10n')).setUpCliL10n(process.env);
  main(process.argv.slice(2), io).then(
    code => { process.exitCode = code; },
    err => {
      // Errors reaching here are unexpected; their text is redacted like every log line.
      const { redact } = require('../core/log/redact') as typeof import('../core/log/redact');
      process.stderr.write(`${TOOL_NAME}: ${forTerminalText(redact(err instanceof Error ? err.message : err))}\n`);
      process.exitCode = ExitCode.findings;
    },
  );
}
