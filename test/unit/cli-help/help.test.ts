// Issue 14 item 11: every command's --help prints its options with descriptions and defaults, examples
// and exit codes (the convention in src/cli/command.ts), for every registered command — those added
// later included.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { CommandHelp } from '../../../src/cli/command';

interface Page { code: number; out: string; err: string }
interface Collected { commands: Record<string, { usage: string; help?: CommandHelp; page: Page; helpPage: Page }>; extra: Record<string, Page> }

const ROOT = path.resolve(__dirname, '../../..');

describe('cli: every command documents itself (--help)', function () {
  this.timeout(60_000);
  let collected: Collected;
  before(() => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'helpPages.ts'), 'lint --help', 'audit tail --help', '--help'], { cwd: ROOT, encoding: 'utf8' });
    collected = JSON.parse(out);
  });

  it('registers the commands the README lists', () => {
    for (const name of ['lint', 'compliance', 'audit', 'rotate', 'sso', 'sandbox', 'version']) assert.ok(collected.commands[name], name);
  });

  it('each command: a description, every option described, an example, what exit codes 0, 1 and 2 mean; --help prints them', () => {
    for (const [name, { usage, help, page, helpPage }] of Object.entries(collected.commands)) {
      assert.ok(help, `${name} has help`);
      assert.ok(help.description.length > 40, `${name}: a description`);
      const options = [...help.options, ...(help.subcommands ?? []).flatMap(s => s.options ?? [])];
      for (const o of options) assert.ok(o.flag.startsWith('-') && o.description.trim().length > 3, `${name} ${o.flag} is described`);
      assert.ok(help.examples.length >= 1 && help.examples.every(e => e.command.startsWith(name) && e.description), `${name}: examples of this command, each explained`);
      for (const code of ['0', '1', '2']) assert.ok((help.exitCodes as Record<string, string>)[code]?.trim(), `${name}: exit code ${code} explained`);
      // Every flag the usage line names is documented.
      const documented = new Set(options.map(o => o.flag.split(/[ ,]/)[0]));
      for (const flag of usage.match(/(?<![\w-])--?[a-z][\w-]*/g) ?? []) assert.ok(documented.has(flag), `${name}: ${flag} from the usage line is documented`);

      assert.equal(page.code, 0);
      for (const heading of ['Usage: langfuse-access', 'Options:', 'Examples:', 'Exit codes:']) assert.ok(page.err.includes(heading), `${name} --help prints ${heading}`);
      for (const o of options) assert.ok(page.err.includes(o.flag), `${name} --help lists ${o.flag}`);
      assert.match(page.err, /^ {2}2 {2}\S/m, `${name}: exit code 2 is listed`);
      assert.deepEqual(helpPage, page, `${name}: \`help ${name}\` is the same page`);
    }
  });

  it('prints defaults next to their options, and a subcommand\'s own page', () => {
    const lint = collected.extra['lint --help'].err;
    assert.match(lint, /--fail-on error\|warning\|info\n\s+the lowest severity that makes the exit code 1 \(default: warning\)/);
    assert.match(lint, /--format text\|json\|sarif\s+output: [^(]*\(default: text\)/);
    assert.match(lint, /--verbose\s+text output: list each pair-unverified info/);
    const tail = collected.extra['audit tail --help'].err;
    assert.match(tail, /^Usage: langfuse-access audit tail \[-n N\]/);
    assert.match(tail, /-n N\s+how many entries \(default: 20\)/);
    assert.doesNotMatch(tail, /--trust/, 'only the subcommand\'s options');
    assert.match(tail, /langfuse-access audit tail -n 5/);
  });

  it('the general usage names the help page and the exit codes', () => {
    const r = collected.extra['--help'];
    assert.equal(r.code, 0);
    assert.match(r.err, /"langfuse-access help <command>"/);
    assert.match(r.err, /Exit codes: 0 ok, 1 findings or a failed operation, 2 usage or configuration error/);
  });
});
