// The npm package as a CLI user gets it: `npm pack` ships dist/ and the docs only, the bundles carry
// every dependency, and the packed CLI runs with `npx --offline` from an empty folder with an empty
// npm cache (so nothing can come from node_modules or the registry).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
// media/l10n: the CLI's translations (bundle.l10n.<locale>.json), read with @vscode/l10n.
const SHIPPED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/(chunks\/)?[\w.-]+\.js|media\/l10n\/bundle\.l10n(\.[\w-]+)?\.json)$/;

describe('npm package (npm pack, npx --offline)', function () {
  this.timeout(120_000);
  let tmp: string;
  let tarball: string;
  let files: string[];

  before(() => {
    // `npm test` builds first; a lone unit run builds here.
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'ignore' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-pack-'));
    fs.mkdirSync(path.join(tmp, 'packed'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', path.join(tmp, 'packed')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(tmp, 'packed', packed.filename);
    files = packed.files.map((f: { path: string }) => f.path);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ships dist/, the CLI\'s translations, README, LICENSE, CHANGELOG and package.json, nothing else', () => {
    assert.deepEqual(files.filter(f => !SHIPPED.test(f)), [], 'files outside the package\'s `files`');
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'media/l10n/bundle.l10n.json']) assert.ok(files.includes(needed), `${needed} is packed`);
  });

  it('declares no runtime dependencies: the bundles carry them and require no package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) assert.equal(manifest[field], undefined, field);
    const required: string[] = [];
    for (const file of files.filter(f => f.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // The date-shift check's clock (test/support/shiftedClock.cjs) never ships: nobody can backdate an audit entry.
      assert.ok(!text.includes('LANGFUSE_ACCESS_TEST_CLOCK_SHIFT_DAYS'), `${file} reads the test clock`);
      for (const m of text.matchAll(/\brequire\("([^"]+)"\)/g)) {
        const name = m[1];
        if (name.startsWith('.') || name.startsWith('node:') || isBuiltin(name) || name === 'vscode') continue;
        // The AWS SDK names its optional CRT signer inside an error message: "[require(\"@aws-sdk/signature-v4-crt\");]".
        if (text[m.index - 1] === '[') continue;
        required.push(`${file}: ${name}`);
      }
    }
    assert.deepEqual(required, [], 'a bundle requires a package that is not shipped');
  });

  it('runs as `npx --offline <tarball>` from an empty folder: --help, version, lint', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    const npx = (...args: string[]) => spawnSync('npx', ['--yes', '--offline', '--cache', path.join(tmp, 'npm-cache'), path.relative(empty, tarball), ...args], { cwd: empty, encoding: 'utf8' });
    const help = npx('--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stderr, /Usage: langfuse-access <command>/);
    assert.match(help.stderr, /rotate\s+rotate an API key/);
    const version = npx('version');
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, version.stderr);
    // A workspace the lint command parses for real: the access file (yaml), .gitignore (ignore), globs (minimatch).
    fs.mkdirSync(path.join(empty, '.langfuse'));
    fs.writeFileSync(path.join(empty, '.langfuse', 'access.yaml'), 'version: 1\nconnection: acme\nenvironments:\n  staging: { project: staging-chatbot, files: [".env.staging"] }\n');
    fs.writeFileSync(path.join(empty, '.env.staging'), 'LANGFUSE_PUBLIC_KEY=pk-lf-c2000000-0000-4000-8000-000000000001\nLANGFUSE_SECRET_KEY=sk-lf-demo-c2000000-0000-4000-8000-000000000001\n');
    fs.writeFileSync(path.join(empty, '.gitignore'), '.env*\n');
    const lint = npx('lint', '--format', 'json');
    assert.equal(lint.status, 0, lint.stderr);
    const report = JSON.parse(lint.stdout);
    assert.deepEqual(report.files, [{ file: '.env.staging', environment: 'staging', project: 'staging-chatbot' }]);
    assert.deepEqual(report.findings.map((f: { code: string }) => f.code), ['key-project-unknown', 'pair-unverified']);
    assert.ok(!lint.stdout.includes('sk-lf-demo-c2000000'), 'no secret in the output');
  });
});
