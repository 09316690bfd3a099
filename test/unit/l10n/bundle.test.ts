// Issue 20 item 6: a translator adds a language without touching code. The committed bundle holds
// every string the sources pass to l10n.t (regenerated here with @vscode/l10n-dev and compared), and
// a pseudo-localised bundle (every message in brackets) loaded the CLI's way reaches core's words, and
// the built CLI picks a bundle placed beside it for LANGFUSE_ACCESS_LOCALE.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setUpCliL10n } from '../../../src/cli/l10n';
import { main } from '../../../src/cli/main';
import { command as rotate } from '../../../src/cli/commands/rotate';
import { installTranslator } from '../../../src/core/l10n/l10n';
import { nodeView } from '../../../src/core/org/nodeView';
import { formatAge } from '../../../src/core/keys/keyHealth';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(ROOT, 'media', 'l10n', 'bundle.l10n.json');

describe('l10n: the bundle and a pseudo-localised language', function () {
  this.timeout(60_000);
  let dir: string;
  let built: string | undefined;
  after(() => {
    installTranslator(undefined);
    for (const d of [dir, built]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('media/l10n/bundle.l10n.json holds exactly the strings of every l10n.t call (npm run l10n)', async () => {
    const { bundleFromSources } = await import(path.join(ROOT, 'test', 'scripts', 'l10n-bundle.mjs')) as { bundleFromSources(): Promise<Record<string, string>> };
    const fromSources = await bundleFromSources();
    const committed = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(fromSources).length > 100, 'the extension and core strings are wrapped');
    assert.deepEqual(Object.keys(fromSources).filter(k => !(k in committed)), [], 'every l10n.t string is in the bundle');
    assert.deepEqual(Object.keys(committed).filter(k => !(k in fromSources)), [], 'no stale string');
  });

  it('every placeholder of a message is {0}, {1}…: VS Code\'s and @vscode/l10n\'s formatters read any other {…} (like the {{0} of "${{0}}") as an unknown name and print it as written', () => {
    const committed = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    const odd = Object.keys(committed).filter(m => [...m.matchAll(/\{([^}]+)\}/g)].some(([, name]) => !/^\d+$/.test(name)));
    assert.deepEqual(odd, []);
  });

  it('a pseudo-localised bundle loaded for LANGFUSE_ACCESS_LOCALE translates core\'s tree rows, placeholders kept', async () => {
    // Generated from the real bundles by the helper the e2e case uses (test/scripts/pseudo-l10n.mjs).
    const { writePseudoBundles, pseudo } = await import(path.join(ROOT, 'test', 'scripts', 'pseudo-l10n.mjs')) as { writePseudoBundles(root: string): string; pseudo(m: string): string };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-'));
    fs.mkdirSync(path.join(dir, 'media', 'l10n'), { recursive: true });
    fs.copyFileSync(BUNDLE, path.join(dir, 'media', 'l10n', 'bundle.l10n.json'));
    fs.copyFileSync(path.join(ROOT, 'package.nls.json'), path.join(dir, 'package.nls.json'));
    writePseudoBundles(dir);
    assert.equal(pseudo('{0} projects'), '[{0} ƥřǿĵḗƈŧş]', 'placeholders are kept');
    assert.equal(pseudo('$(add) Add a target…'), '$(add) [Ȧḓḓ ȧ ŧȧřɠḗŧ…]', 'a leading icon stays an icon');
    const nls = JSON.parse(fs.readFileSync(path.join(dir, 'package.nls.qps-ploc.json'), 'utf8')) as Record<string, string>;
    assert.equal(nls['views.accessTree.name'], '[Ȧƈƈḗşş]', 'the manifest strings too');
    const l10nDir = path.join(dir, 'media', 'l10n');
    assert.equal(setUpCliL10n({ LANG: 'en_US.UTF-8' }, [l10nDir]), undefined, 'English needs no bundle');
    assert.equal(setUpCliL10n({ LANGFUSE_ACCESS_LOCALE: 'qps-ploc' }, [l10nDir]), path.join(l10nDir, 'bundle.l10n.qps-ploc.json'));
    const policy = { maxAgeDays: 90 } as Parameters<typeof nodeView>[1]['policy'];
    const org = nodeView({ kind: 'organization', connectionId: 'c', projectCount: 3 } as Parameters<typeof nodeView>[0], { policy });
    assert.equal(org.label, pseudo('Organization'));
    assert.equal(org.description, '[3 ƥřǿĵḗƈŧş]');
    assert.equal(nodeView({ kind: 'orgMembers', connectionId: 'c' } as Parameters<typeof nodeView>[0], { policy }).label, '[Ḿḗḿƀḗřş]');
    assert.equal(formatAge(180), '[180 ḓȧẏş ǿŀḓ]', 'ages are words too');

    // The CLI's own messages: an unknown command, and a command's usage error (data stays as written).
    let err = '';
    assert.equal(await main(['nope'], { out: () => undefined, err: t => { err += t; }, env: {}, cwd: dir }), 2);
    assert.ok(err.startsWith(`${pseudo('{0}: unknown command "{1}"').replace('{0}', 'langfuse-access').replace('{1}', 'nope')}\n`), err);
    await assert.rejects(rotate.run({ out: () => undefined, err: () => undefined, env: {}, cwd: dir }, ['--resume', '--list']),
      (e: Error) => e.message === pseudo('use only one of --resume, --abort and --list'));
  });

  it('the built CLI: LANGFUSE_ACCESS_LOCALE naming a bundle beside dist/ translates --help and a command\'s page; English without', async () => {
    // `npm test` builds first; a lone unit run builds here.
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'ignore' });
    const { pseudoLocalisedExtension, pseudo } = await import(path.join(ROOT, 'test', 'scripts', 'pseudo-l10n.mjs')) as { pseudoLocalisedExtension(dir: string): string; pseudo(m: string): string };
    built = pseudoLocalisedExtension(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-cli-')));
    const cli = (locale: string, ...args: string[]) => spawnSync(process.execPath, [path.join(built!, 'dist', 'cli.js'), ...args], { cwd: built, encoding: 'utf8', env: { ...process.env, LANGFUSE_ACCESS_LOCALE: locale } });

    const list = cli('qps-ploc', '--help');
    assert.equal(list.status, 0, list.stderr);
    assert.ok(list.stderr.startsWith(`${pseudo('Usage: {0}').replace('{0}', 'langfuse-access <command> [options]')}\n\n${pseudo('Commands:')}\n`), list.stderr);
    assert.match(list.stderr, /^ {2}lint +\[ƈħḗƈķ \.ḗƞṽ ƒīŀḗş/m, 'the summaries, registered before the bundle was loaded, are translated when shown');
    const lint = cli('qps-ploc', 'help', 'lint');
    assert.equal(lint.status, 0, lint.stderr);
    for (const text of ['Options:', 'Exit codes:', 'print this help', 'findings at or above --fail-on']) assert.ok(lint.stderr.includes(pseudo(text)), `${text}:\n${lint.stderr}`);
    assert.ok(lint.stderr.includes('  langfuse-access lint deploy/ .env.production --fail-on error'), 'example commands as typed');

    const english = cli('en', 'help', 'lint');
    assert.equal(english.status, 0, english.stderr);
    assert.match(english.stderr, /^Usage: langfuse-access lint \[paths…\]/);
    assert.match(english.stderr, /\nOptions:\n[^]*\n {2}-h, --help +print this help\n/);
  });
});
