// Issue 20 item 6, "a translator can add a language without touching code": in the pseudo locale (every
// message in accented brackets, generated from the real bundle) every command's --help page, the
// command list, and the Access view's two reports (explain access, check isolation) come out with no
// plain English word left. What is left in plain ASCII must be data: flags, usage lines, example
// commands, variable and file names, names and roles from the server. A literal someone forgets to pass
// through l10n.t stays plain ASCII and fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setUpCliL10n } from '../../../src/cli/l10n';
import type { CliCommand } from '../../../src/cli/command';
import { registerAllCommands } from '../../../src/cli/commands/all';
import { cliCommands } from '../../../src/cli/registry';
import { command as apply } from '../../../src/cli/commands/apply';
import { command as audit } from '../../../src/cli/commands/audit';
import { command as compliance } from '../../../src/cli/commands/compliance';
import { command as conformance } from '../../../src/cli/commands/conformance';
import { command as doctor } from '../../../src/cli/commands/doctor';
import { command as exportCommand } from '../../../src/cli/commands/export';
import { command as lint } from '../../../src/cli/commands/lint';
import { command as plan } from '../../../src/cli/commands/plan';
import { command as rotate } from '../../../src/cli/commands/rotate';
import { command as sandbox } from '../../../src/cli/commands/sandbox';
import { command as sso } from '../../../src/cli/commands/sso';
import { formatCommandHelp, formatCommandList, type CommandHelp } from '../../../src/core/display/cliHelp';
import { escapeMarkdown } from '../../../src/core/display/markdown';
import { installTranslator } from '../../../src/core/l10n/l10n';
import { CliEnv, CONFORMANCE_PREFIX, CONNECTIONS_FILE, TOOL_NAME } from '../../../src/core/names';
import { FORWARDING_CONFIG_FILE, SIEM_TOKEN_ENV } from '../../../src/core/audit/forward/forwardConfig';
import { HEADLESS_SINK_FORMS } from '../../../src/core/secrets/spec';
import { SSO_PROVIDERS } from '../../../src/core/sso/index';
import { checkIsolation, isolationReport } from '../../../src/core/reports/checkIsolation';
import { explainAccess } from '../../../src/core/reports/explainAccess';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The plain-ASCII words of `text` once the data is taken out (whitespace folded first, since the help
 * wraps long lines). Besides `data`: Markdown code spans, HTML tags and URLs, which the pseudo locale
 * keeps as written like any translator would.
 */
function plainWords(text: string, data: readonly string[]): string[] {
  let rest = text.replace(/\s+/g, ' ');
  for (const d of [...new Set(data.map(d => d.replace(/\s+/g, ' ')))].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  rest = rest.replace(/`[^`]*`/g, ' ').replace(/<\/?[a-z]+>/g, ' ').replace(/https?:[^\s)]+/g, ' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** What a help page shows as data: flags, usage lines, names, example commands and one-word defaults (values; prose defaults are translated). */
function helpData(name: string, command: CliCommand, help: CommandHelp): string[] {
  const options = [...help.options, ...(help.subcommands ?? []).flatMap(s => s.options ?? [])];
  return [
    TOOL_NAME, name, '-h, --help', ...command.usage.split('\n'),
    ...(help.subcommands ?? []).flatMap(s => [s.name, s.usage]),
    ...options.flatMap(o => [o.flag, ...(o.default !== undefined && !o.default.includes(' ') ? [o.default] : [])]),
    ...(help.arguments ?? []).map(a => a.name), ...(help.environment ?? []).map(e => e.name),
    ...help.examples.map(e => `${TOOL_NAME} ${e.command}`),
  ];
}

// Values the pages name inside translated sentences ({n} arguments), and the one option whose whole
// description is a variable name (sso --client-auth-method).
const ARGUMENTS = [
  CONNECTIONS_FILE, CONFORMANCE_PREFIX, FORWARDING_CONFIG_FILE, SIEM_TOKEN_ENV, ...HEADLESS_SINK_FORMS, ...Object.values(CliEnv),
  SSO_PROVIDERS.map(p => p.id).join(', '), '<PREFIX>_CLIENT_AUTH_METHOD', '${VAR:-default}', '${VAR}',
];

describe('l10n: CLI help pages and the Access view reports in a pseudo-localised language', function () {
  this.timeout(60_000);
  let dir: string;
  let pseudo: (m: string) => string;

  before(async () => {
    const helper = await import(path.join(ROOT, 'test', 'scripts', 'pseudo-l10n.mjs')) as { writePseudoBundles(root: string): string; pseudo(m: string): string };
    pseudo = helper.pseudo;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-help-'));
    fs.mkdirSync(path.join(dir, 'media', 'l10n'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'media', 'l10n', 'bundle.l10n.json'), path.join(dir, 'media', 'l10n', 'bundle.l10n.json'));
    fs.copyFileSync(path.join(ROOT, 'package.nls.json'), path.join(dir, 'package.nls.json'));
    helper.writePseudoBundles(dir);
    assert.ok(setUpCliL10n({ LANGFUSE_ACCESS_LOCALE: 'qps-ploc' }, [path.join(dir, 'media', 'l10n')]));
  });
  after(() => { installTranslator(undefined); if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('every command\'s --help page: descriptions, options, defaults, environment, examples, exit codes and headings', async () => {
    const version = (await cliCommands.version.load()).command;
    const commands: Record<string, CliCommand> = { lint, audit, compliance, rotate, export: exportCommand, plan, apply, sso, doctor, conformance, sandbox, version };
    for (const [name, command] of Object.entries(commands)) {
      const help = command.help();
      const page = formatCommandHelp(TOOL_NAME, command.usage, help);
      assert.deepEqual(plainWords(page, [...helpData(name, command, help), ...ARGUMENTS]), [], `${name} --help:\n${page}`);
      assert.ok(page.startsWith(pseudo('Usage: {0}').replace('{0}', `${TOOL_NAME} ${command.usage.split('\n')[0]}`)), page);
      for (const heading of ['Options:', 'Examples:', 'Exit codes:']) assert.ok(page.includes(`\n${pseudo(heading)}\n`), `${name}: ${heading}`);
    }
    const lintPage = formatCommandHelp(TOOL_NAME, lint.usage, lint.help());
    // The description goes into "{0} (default: {1})" as it is: a translated message inside a translated message.
    assert.match(lintPage, /--fail-on error\|warning\|info\n\s+\[\[ŧħḗ ŀǿẇḗşŧ şḗṽḗřīŧẏ ŧħȧŧ ḿȧķḗş ŧħḗ ḗẋīŧ ƈǿḓḗ 1\] \(ḓḗƒȧŭŀŧ: warning\)\]/, 'a one-word default is a value, kept as written');
    assert.ok(lintPage.includes(`  ${TOOL_NAME} lint deploy/ .env.production --fail-on error`), 'example commands stay as typed');
  });

  it('a subcommand\'s page keeps its usages aligned under the translated "Usage:"', () => {
    const page = formatCommandHelp(TOOL_NAME, audit.usage, audit.help());
    const [first, second] = page.split('\n');
    assert.ok(first.startsWith(`[Ŭşȧɠḗ: ${TOOL_NAME} audit verify`), first);
    assert.equal(second.indexOf('audit export'), first.indexOf('audit verify'), page);
    const tail = formatCommandHelp(TOOL_NAME, audit.usage, audit.help(), 'tail');
    assert.deepEqual(plainWords(tail, [...helpData('audit', audit, audit.help()), ...ARGUMENTS]), [], tail);
  });

  it('the command list: summaries and its closing sentences', () => {
    registerAllCommands();
    const list = formatCommandList(TOOL_NAME, cliCommands);
    assert.deepEqual(plainWords(list, [TOOL_NAME, '<command> [options]', ...Object.keys(cliCommands)]), [], list);
    assert.ok(list.includes(`\n${pseudo('Commands:')}\n`), list);
    assert.ok(list.includes(pseudo('Run "{0} <command> --help" (or "{0} help <command>") for a command\'s options, examples and exit codes.').replaceAll('{0}', TOOL_NAME)), list);
  });

  it('explain access: heading, organization role, abilities, table headers and the why column; names and roles stay data', () => {
    const member = { userId: 'analyst', email: 'analyst@acme.com', name: 'Alex *Analyst*', role: 'NONE' as const };
    const md = explainAccess({
      member, projectRoles: false,
      projects: [{ id: 'p-an', name: 'analytics-readonly', override: 'VIEWER' }, { id: 'p-st', name: 'staging_chatbot', override: 'NONE' }, { id: 'p-prod', name: 'production-chatbot', override: undefined }],
    });
    assert.deepEqual(plainWords(md, ['Alex \\*Analyst\\*', 'analyst@acme.com', 'analytics-readonly', 'staging\\_chatbot', 'production-chatbot', 'NONE', 'VIEWER']), [], md);
    assert.ok(md.startsWith(`# ${pseudo('Access of {0}').replace('{0}', escapeMarkdown('Alex *Analyst* (analyst@acme.com)'))}\n`), 'the name escaped as before');
    assert.ok(md.includes(`| staging\\_chatbot | ${pseudo('no access')} | ${pseudo('project role {0} set on {1} (explicit no access), overriding organization {2}').replace('{0}', 'NONE').replace('{1}', 'staging\\_chatbot').replace('{2}', 'NONE')} |`), md);
    assert.ok(md.includes(`| ${pseudo('View traces')} | ${pseudo('Create traces')} |`), 'capability names translated in the header');
  });

  it('check isolation: every finding, the heading, the table and the no-findings line; names, keys and notes stay data', () => {
    const projects = [{ id: 'p-prod', name: 'production-chatbot' }, { id: 'p-mix', name: 'prod-staging-bot' }, { id: 'p-an', name: 'analytics-readonly' }];
    const members = [{ userId: 'lead', email: 'lead@acme.com', name: 'Lee', role: 'OWNER' as const }, { userId: 'dev', email: 'dev@acme.com', name: 'Dee', role: 'MEMBER' as const }];
    const keys = new Map([['p-prod', [{ publicKey: 'pk-lf-9', note: 'chatbot-staging' }]]]);
    const runs = [
      checkIsolation({ projects, members, overrides: new Map(), keys, environments: { production: { project: 'production-chatbot', writers: ['lead@acme.com'] }, staging: { project: 'production-chatbot' }, qa: { project: 'production-chatbot' } } }),
      checkIsolation({ projects, members, overrides: new Map(), keys, environments: { production: { project: 'production-chatbot' } } }),
      checkIsolation({ projects, members, overrides: new Map(), keys }),
      checkIsolation({ projects: [{ id: 'x', name: 'chatbot' }], members, overrides: new Map(), keys: new Map(), environments: {} }),
      checkIsolation({ projects: [{ id: 'x', name: 'chatbot' }], members, overrides: new Map(), keys: new Map() }),
    ];
    const findings = runs.flat();
    assert.deepEqual([...new Set(findings.map(f => f.code))].sort(), ['isolation.keyNoteEnvironment', 'isolation.mixedProject', 'isolation.noSeparation', 'isolation.sharedProject', 'isolation.unlistedWriter', 'isolation.writersNotChecked'], 'every kind of finding');
    assert.equal(findings.filter(f => f.code === 'isolation.writersNotChecked').length, 4, 'all four reasons the writers check did not run');
    const report = isolationReport(findings, 'Acme with .langfuse/access.yaml');
    const data = ['Acme with .langfuse/access.yaml', 'production-chatbot', 'prod-staging-bot', 'analytics-readonly', 'chatbot-staging', 'chatbot', 'pk-lf-9', 'dev@acme.com', 'MEMBER', 'VIEWER',
      // Environment names from the access file and environment kinds are ids, as written in the file and in project names.
      'production', 'staging', 'qa', '.langfuse/access.yaml'];
    assert.deepEqual(plainWords(report, data), [], report);
    assert.ok(report.includes(`| ${pseudo('Severity')} | ${pseudo('Project')} | ${pseudo('Finding')} |`) && report.includes(`| ${pseudo('error')} | production-chatbot |`), report);
    assert.ok(report.includes(escapeMarkdown(pseudo('The environments {0} and {1} share the project {2}: their traces, prompts and keys are not separated. Give each environment its own project.').replace('{0}', 'production, staging').replace('{1}', 'qa').replace('{2}', 'production-chatbot'))), 'the list of environments is an argument, not English glue');
    const none = isolationReport([], 'Acme');
    assert.deepEqual(plainWords(none, ['Acme']), [], none);
  });
});
