// `langfuse-access <command> --help`: one layout for every command (src/cli/command.ts states the
// convention). A command describes itself as data, built when shown (so its words come from the
// translator the CLI installed); this renders it for the terminal.
import { l10n } from '../l10n/l10n';
import { ExitCode } from '../names';

export interface HelpOption {
  /** As typed, with its value: `--format text|json|sarif`, `-n N`, `--yes`. */
  flag: string;
  description: string;
  /** Shown as "(default: …)"; omit for flags that are off unless given. */
  default?: string;
}

export interface HelpSubcommand {
  name: string;
  /** One usage line after the command name, e.g. `verify [--log FILE] [--format text|json]`. */
  usage: string;
  description: string;
  options?: HelpOption[];
}

export interface CommandHelp {
  /** What the command does and when to use it (a few sentences; wrapped at 100 columns). */
  description: string;
  /** Positional arguments, e.g. `paths…`. */
  arguments?: { name: string; description: string }[];
  subcommands?: HelpSubcommand[];
  options: HelpOption[];
  /** Environment variables the command reads. */
  environment?: { name: string; description: string }[];
  /** Full command lines (without the tool's name), each with what it does. */
  examples: { command: string; description: string }[];
  /** What each exit code means for this command: 0 success, 1 findings or a failed operation, 2 usage or configuration. */
  exitCodes: Record<(typeof ExitCode)[keyof typeof ExitCode], string>;
}

const WIDTH = 100;

function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && indent + line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** `name  description` rows with the descriptions aligned and wrapped under each other. */
function table(rows: { name: string; text: string }[], indent = 2): string[] {
  const col = Math.min(28, Math.max(...rows.map(r => r.name.length)) + 2);
  const pad = ' '.repeat(indent + col);
  return rows.flatMap(r => {
    const text = wrap(r.text, indent + col);
    const head = `${' '.repeat(indent)}${r.name}`;
    return r.name.length + 2 > col ? [head, ...text.map(l => pad + l)] : [`${head.padEnd(indent + col)}${text[0]}`, ...text.slice(1).map(l => pad + l)];
  });
}

function optionRows(options: readonly HelpOption[]): { name: string; text: string }[] {
  return options.map(o => ({ name: o.flag, text: o.default !== undefined ? l10n.t('{0} (default: {1})', o.description, o.default) : o.description }));
}

/**
 * "Usage: <tool> <usage>"; a usage of several lines (one per subcommand) is aligned under the first,
 * wherever the translation puts it.
 */
export function formatUsage(tool: string, usage: string): string {
  const [first, ...more] = usage.split('\n');
  const head = l10n.t('Usage: {0}', `${tool} ${first}`);
  const indent = ' '.repeat(Math.max(0, head.indexOf(`${tool} ${first}`)) + tool.length + 1);
  return [head, ...more.map(line => indent + line)].join('\n');
}

/**
 * The help text of a command: usage, description, arguments, subcommands, options (with defaults),
 * environment, examples and exit codes. `only` narrows a command with subcommands to one of them.
 */
export function formatCommandHelp(tool: string, usage: string, help: CommandHelp, only?: string): string {
  const sub = only ? help.subcommands?.find(s => s.name === only) : undefined;
  const out: string[] = [formatUsage(tool, sub ? `${usage.split(' ')[0]} ${sub.usage}` : usage), '', ...wrap(sub ? sub.description : help.description, 0)];
  if (help.arguments?.length && !sub) out.push('', l10n.t('Arguments:'), ...table(help.arguments.map(a => ({ name: a.name, text: a.description }))));
  if (help.subcommands?.length && !sub) {
    out.push('', l10n.t('Subcommands:'));
    for (const s of help.subcommands) {
      out.push(`  ${usage.split(' ')[0]} ${s.usage}`, ...wrap(s.description, 6).map(l => `      ${l}`));
      if (s.options?.length) out.push(...table(optionRows(s.options), 6));
      out.push('');
    }
    out.pop();
  }
  const options = sub ? [...sub.options ?? [], ...help.options] : help.options;
  out.push('', l10n.t('Options:'), ...table(optionRows([...options, { flag: '-h, --help', description: l10n.t('print this help') }])));
  if (help.environment?.length) out.push('', l10n.t('Environment:'), ...table(help.environment.map(e => ({ name: e.name, text: e.description }))));
  const examples = sub ? help.examples.filter(e => e.command.split(' ')[1] === sub.name) : help.examples;
  if (examples.length) out.push('', l10n.t('Examples:'), ...examples.flatMap(e => [...wrap(e.description, 2).map(l => `  # ${l}`), `  ${tool} ${e.command}`]));
  out.push('', l10n.t('Exit codes:'), ...table(Object.entries(help.exitCodes).map(([code, text]) => ({ name: code, text }))));
  return `${out.join('\n')}\n`;
}

/** The usage lines of a command made of subcommands, one per subcommand (the usage field of its CliCommand; formatUsage aligns them). */
export function subcommandUsage(command: string, usages: readonly string[]): string {
  return usages.map(usage => `${command} ${usage}`).join('\n');
}

/** `langfuse-access --help`: the commands with their one-line summaries (translated when shown). */
export function formatCommandList(tool: string, commands: Readonly<Record<string, { summary(): string }>>): string {
  const width = Math.max(...Object.keys(commands).map(n => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary()}`);
  return [
    formatUsage(tool, '<command> [options]'), '', l10n.t('Commands:'), ...lines, '',
    l10n.t('Run "{0} <command> --help" (or "{0} help <command>") for a command\'s options, examples and exit codes.', tool), '',
    l10n.t('Exit codes: 0 ok, 1 findings or a failed operation, 2 usage or configuration error.'), '',
  ].join('\n');
}
