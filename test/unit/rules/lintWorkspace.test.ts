import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findEnvFiles, keyPairsInFiles, lintPaths } from '../../../src/core/rules/lintWorkspace';
import { keyIndexFromEntries } from '../../../src/core/rules/keyIndex';
import { DEMO, indexEntry, NOW } from './helpers';

const ACME = path.join(__dirname, '..', '..', 'fixtures', 'workspace-acme');

function copyAcme(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-ws-'));
  fs.cpSync(ACME, dir, { recursive: true });
  return dir;
}

function summary(report: ReturnType<typeof lintPaths>, root: string): string[] {
  return report.findings.map(f => `${path.relative(root, f.file)}:${f.range.start.line + 1} ${f.code}`);
}

describe('lint a workspace on disk', () => {
  let dir: string;
  beforeEach(() => { dir = copyAcme(); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the demo mistake in the sample workspace: the production key in .env.staging', () => {
    const report = lintPaths([dir], { now: NOW });
    assert.deepEqual(report.files.map(f => [path.relative(dir, f.file), f.environment, f.project]), [
      ['.env.production', 'production', 'production-chatbot'],
      ['.env.staging', 'staging', 'staging-chatbot'],
      ['analytics/.env', 'analytics', 'analytics-readonly'],
    ]);
    const lines = summary(report, dir);
    assert.ok(lines.includes('.env.staging:3 wrong-project'), lines.join('\n'));
    assert.ok(lines.includes('.env.staging:3 shared-key'));
    assert.ok(lines.includes('.env.production:2 shared-key'));
    assert.ok(!lines.some(l => l.startsWith('.env.example')), 'example files are skipped');
    assert.deepEqual(report.invalidAccessFiles, []);
  });

  it('with the organization index: verifies pairs and reports the overdue production key', () => {
    const keyIndex = keyIndexFromEntries({
      [DEMO.production.pk]: indexEntry('production'),
      [DEMO.staging.pk]: indexEntry('staging'),
      [DEMO.analytics.pk]: indexEntry('analytics'),
    }, true);
    const lines = summary(lintPaths([dir], { now: NOW, keyIndex }), dir);
    assert.ok(lines.includes('.env.production:2 rotation-overdue'), lines.join('\n'));
    assert.ok(!lines.some(l => l.endsWith('pair-unverified')));
  });

  it('reads git state without git: a tracked secret and an unignored production key', () => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n'); // the team forgot the .env files
    execFileSync('git', ['add', '.env.staging'], { cwd: dir });
    const lines = summary(lintPaths([dir], { now: NOW }), dir);
    assert.ok(lines.includes('.env.staging:4 secret-in-tracked-file'), lines.join('\n'));
    assert.ok(lines.includes('.env.production:2 production-key-not-ignored'));
    assert.ok(!lines.some(l => l.startsWith('analytics/.env') && l.includes('ignored')), 'analytics is not production');
  });

  it('compares base URLs with the connection the caller resolves, never with anything from the workspace', () => {
    fs.appendFileSync(path.join(dir, '.env.production'), 'LANGFUSE_BASE_URL=https://us.cloud.langfuse.com\n');
    const asked: string[] = [];
    const report = lintPaths([dir], { now: NOW, connectionBaseUrl: name => { asked.push(name); return 'http://127.0.0.1:3000'; } });
    assert.ok(summary(report, dir).includes('.env.production:4 base-url-mismatch'));
    assert.ok(asked.every(n => n === 'local-sandbox'));
  });

  it('reports an invalid access file as a configuration error at its line', () => {
    fs.writeFileSync(path.join(dir, '.langfuse', 'access.yaml'), 'version: 1\nenvironments:\n  staging:\n    files: [.env.staging]\n');
    const report = lintPaths([dir], { now: NOW });
    assert.equal(report.invalidAccessFiles.length, 1);
    const [f] = report.findings.filter(x => x.code === 'access-file-invalid');
    assert.equal(f.file, path.join(dir, '.langfuse', 'access.yaml'));
    assert.equal(f.range.start.line, 2);
  });

  it('lints files an access file lists even without a .env name, and explicit files as given', () => {
    fs.mkdirSync(path.join(dir, 'deploy', 'prod'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deploy', 'prod', 'api.env'), `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n`);
    fs.writeFileSync(path.join(dir, '.langfuse', 'access.yaml'), fs.readFileSync(path.join(dir, '.langfuse', 'access.yaml'), 'utf8').replace('"deploy/prod/*.env"', '"deploy/prod/*.env", "config/prod.vars"'));
    fs.mkdirSync(path.join(dir, 'config'));
    fs.writeFileSync(path.join(dir, 'config', 'prod.vars'), `LANGFUSE_PUBLIC_KEY=${DEMO.analytics.pk}\n`);
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', '.env'), 'A=1\n');
    const files = findEnvFiles([dir]).map(f => path.relative(dir, f));
    assert.deepEqual(files, ['.env.production', '.env.staging', 'analytics/.env', 'config/prod.vars', 'deploy/prod/api.env']);
    const lines = summary(lintPaths([path.join(dir, 'config', 'prod.vars'), path.join(dir, '.env.example')], { now: NOW }), dir);
    assert.deepEqual(lines, ['config/prod.vars:1 wrong-project']);
  });

  it('collects the key pairs for an online pass, once each', () => {
    assert.throws(() => keyPairsInFiles(findEnvFiles([dir]), { workspaceTrusted: false }), /Restricted Mode: keys found in its files are never sent anywhere/);
    const pairs = keyPairsInFiles(findEnvFiles([dir]), { workspaceTrusted: true });
    assert.deepEqual(pairs.map(p => p.publicKey).sort(), [DEMO.production.pk, DEMO.analytics.pk].sort());
  });

  it('says which path does not exist', () => {
    assert.throws(() => findEnvFiles([path.join(dir, 'nope')]), /No such file or folder: .*nope/);
  });
});
