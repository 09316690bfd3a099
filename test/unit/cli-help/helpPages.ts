// Run with `node --import tsx` (the registry loads commands with a dynamic import(), which needs tsx's
// ESM hooks): prints, as JSON, every registered command's usage, help data and the pages
// `<command> --help` and `help <command>` print, plus the argument lists given on the command line.
import { registerAllCommands } from '../../../src/cli/commands/all';
import { main } from '../../../src/cli/main';
import { cliCommands } from '../../../src/cli/registry';

async function page(argv: string[]): Promise<{ code: number; err: string; out: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: t => { out += t; }, err: t => { err += t; }, env: {}, cwd: process.cwd() });
  return { code, out, err };
}

async function collect(): Promise<void> {
  registerAllCommands();
  const commands: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(cliCommands)) {
    const { command } = await entry.load();
    commands[name] = { usage: command.usage, help: command.help(), page: await page([name, '--help']), helpPage: await page(['help', name]) };
  }
  const extra: Record<string, unknown> = {};
  for (const argv of process.argv.slice(2)) extra[argv] = await page(argv.split(' '));
  process.stdout.write(JSON.stringify({ commands, extra }));
}

void collect();
