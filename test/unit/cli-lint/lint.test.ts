// `langfuse-access lint` end to end through the CLI's main(), on copies of the sample workspace;
// --online against the real sandbox server on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/command';
import { UsageError } from '../../../src/cli/command';
import { command } from '../../../src/cli/commands/lint';
import type { SandboxHandle } from '../../../src/sandbox';
import { startSandbox } from '../../../src/sandbox';

const ROOT = path.join(__dirname, '..', '..', '..');
const ACME = path.join(ROOT, 'test', 'fixtures', 'workspace-acme');
const CANARIES = /sk-lf-(demo|canary)-/;

interface Run { code: number; out: string; err: string }

async function lint(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { out: t => { out += t; }, err: t => { err += t; }, env: { XDG_CONFIG_HOME: path.join(cwd, '.no-config'), ...env }, cwd };
  // In-process like src/cli/main.ts does it (a usage error becomes exit 2); one test below runs the real binary.
  let code: number;
  try {
    code = await command.run(io, args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err += `${e.message}\nUsage: langfuse-access ${command.usage}\n`;
    code = 2;
  }
  assert.doesNotMatch(out + err, CANARIES, 'a secret key reached the output');
  return { code, out, err };
}

describe('langfuse-access lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-cli-'));
    fs.cpSync(ACME, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs as `langfuse-access lint` from the command line with the documented exit codes', () => {
    const cli = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), 'lint', dir, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, '.no-config') } }) };
      } catch (e) {
        const x = e as { status: number; stdout: string; stderr: string };
        return { code: x.status, out: x.stdout + x.stderr };
      }
    };
    const found = cli(['--format', 'sarif']);
    assert.equal(found.code, 1);
    assert.equal(JSON.parse(found.out).version, '2.1.0');
    assert.doesNotMatch(found.out, CANARIES);
    const usage = cli(['--fail-on', 'never']);
    assert.equal(usage.code, 2);
    assert.match(usage.out, /Usage: langfuse-access lint \[paths…\]/);
  });

  it('prints file:line:col findings and exits 1 for the production key in .env.staging', async () => {
    const r = await lint(dir, []);
    assert.equal(r.code, 1);
    assert.match(r.out, /^\.env\.staging:3:21 {2}error {4}wrong-project {2}pk-lf-b1000000-0000-4000-8000-000000000001 is a key of project "production-chatbot"/m);
    assert.match(r.out, /3 files checked: 1 error, 2 warnings, 3 info\.\n$/);
  });

  it('exits 0 when nothing reaches --fail-on, and 1 again when the level is lowered', async () => {
    fs.writeFileSync(path.join(dir, '.env.staging'), '# staging keys come from the vault\n');
    assert.equal((await lint(dir, ['--fail-on', 'warning'])).code, 0);
    assert.equal((await lint(dir, ['--fail-on', 'info'])).code, 1, 'pair-unverified is info');
    assert.equal((await lint(dir, ['--fail-on', 'error'])).code, 0);
  });

  it('lints only the paths given', async () => {
    const r = await lint(dir, ['analytics', '--fail-on', 'error', '--verbose']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^analytics\/\.env:3:21 {2}info/m);
    assert.doesNotMatch(r.out, /\.env\.staging/);
  });

  it('writes JSON with relative paths, 1-based positions and plain-data fixes', async () => {
    const r = await lint(dir, ['--format', 'json']);
    const doc = JSON.parse(r.out);
    assert.equal(doc.version, 1);
    const wrong = doc.findings.find((f: { code: string }) => f.code === 'wrong-project');
    assert.equal(wrong.file, '.env.staging');
    assert.equal(wrong.line, 3);
    assert.equal(wrong.column, 21);
    assert.deepEqual(wrong.fixes.map((f: { kind: string }) => f.kind), ['replaceWithProjectKey', 'openKeyInTree', 'ignoreFinding']);
    assert.deepEqual(doc.summary, { error: 1, warning: 2, info: 3, suppressed: 0 });
  });

  it('flags a key next to a base URL that is not its connection\'s host (the host from the CLI\'s configuration, never the workspace)', async () => {
    fs.appendFileSync(path.join(dir, '.env.production'), 'LANGFUSE_HOST=https://collector.evil.example\n');
    const r = await lint(dir, ['--format', 'json'], { LANGFUSE_ACCESS_BASE_URL: 'https://cloud.langfuse.com' });
    assert.equal(r.code, 1);
    const [f] = JSON.parse(r.out).findings.filter((x: { code: string }) => x.code === 'key-foreign-host');
    assert.equal(f.file, '.env.production');
    assert.equal(f.line, 2);
    assert.match(f.message, /belongs to the connection "local-sandbox" at cloud\.langfuse\.com, but LANGFUSE_HOST .* points to collector\.evil\.example/);
    const offline = await lint(dir, ['--format', 'json']);
    assert.ok(!JSON.parse(offline.out).findings.some((x: { code: string }) => x.code === 'key-foreign-host'), 'without a configured connection there is no host to compare');
  });

  it('honours ignore entries of the access file and reports them as suppressed', async () => {
    const accessFile = path.join(dir, '.langfuse', 'access.yaml');
    fs.appendFileSync(accessFile, 'ignore:\n  - { file: ".env.*", rule: "shared-key", reason: "migration in progress, ticket SEC-42" }\n');
    const r = await lint(dir, ['--format', 'json']);
    const doc = JSON.parse(r.out);
    assert.deepEqual(doc.summary, { error: 1, warning: 0, info: 3, suppressed: 2 });
    assert.equal(doc.suppressed[0].suppressionReason, 'migration in progress, ticket SEC-42');
  });

  it('exits 2 with the access file\'s problem at its line when the access file is invalid', async () => {
    fs.writeFileSync(path.join(dir, '.langfuse', 'access.yaml'), 'version: 1\nhost: https://attacker.example\nenvironments: {}\n');
    const r = await lint(dir, []);
    assert.equal(r.code, 2);
    assert.match(r.out, /^\.langfuse\/access\.yaml:2:1 {2}error {4}access-file-invalid {2}"host" is not allowed/m);
    assert.match(r.err, /fix the access file first/);
  });

  it('exits 2 on usage errors: unknown format, level, flag or path', async () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'fatal'], ['--bogus'], ['no-such-dir']]) {
      const r = await lint(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage: langfuse-access lint/);
    }
  });

  it('reports a secret in a git-tracked file, reading git state without git', async () => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-f', '.env.staging'], { cwd: dir });
    const r = await lint(dir, []);
    assert.match(r.out, /^\.env\.staging:4:21 {2}error {4}secret-in-tracked-file/m);
  });

  it('--online without a configured connection says what is needed and exits 2', async () => {
    const r = await lint(dir, ['--online']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--online needs a connection: connection "local-sandbox".*not configured.*LANGFUSE_ACCESS_BASE_URL/);
  });

  describe('--online against the sandbox', () => {
    let sandbox: SandboxHandle;
    before(async () => { sandbox = await startSandbox(); });
    after(async () => { await sandbox.close(); });

    it('asks the connection from connections.yaml, verifies the pairs and catches a mixed and an unknown pair', async () => {
      const configDir = path.join(dir, '.config', 'langfuse-access');
      fs.mkdirSync(configDir, { recursive: true });
      fs.writeFileSync(path.join(configDir, 'connections.yaml'), `connections:\n  - { id: local-sandbox, name: Local sandbox, baseUrl: "${sandbox.url}" }\n`);
      // analytics/.env: the staging public key with the production secret; .env.local: a pair the server does not know.
      fs.writeFileSync(path.join(dir, 'analytics', '.env'), 'LANGFUSE_PUBLIC_KEY=pk-lf-c2000000-0000-4000-8000-000000000001\nLANGFUSE_SECRET_KEY=sk-lf-demo-b1000000-0000-4000-8000-000000000001\n');
      fs.writeFileSync(path.join(dir, '.env.local'), 'LANGFUSE_PUBLIC_KEY=pk-lf-c2000000-0000-4000-8000-000000000001\nLANGFUSE_SECRET_KEY=sk-lf-canary-00000000-0000-4000-8000-00000000dead\n');
      const before = sandbox.stats.requests;
      const r = await lint(dir, ['--online', '--format', 'json'], { XDG_CONFIG_HOME: path.join(dir, '.config') });
      assert.ok(sandbox.stats.requests > before, 'the sandbox was asked');
      const found = JSON.parse(r.out).findings.map((f: { file: string; line: number; code: string }) => `${f.file}:${f.line} ${f.code}`);
      assert.ok(found.includes('analytics/.env:2 mismatched-pair'), found.join('\n'));
      assert.ok(found.includes('.env.local:2 revoked-key'), found.join('\n'));
      assert.ok(found.includes('.env.staging:3 wrong-project'));
      assert.ok(!found.some((f: string) => f.endsWith('pair-unverified')), 'online answers replace "cannot tell"');
      assert.equal(r.code, 1);
    });

    it('never sends keys anywhere while linting offline', async () => {
      const before = sandbox.stats.requests;
      await lint(dir, [], { LANGFUSE_ACCESS_BASE_URL: sandbox.url });
      assert.equal(sandbox.stats.requests, before);
    });
  });
});
