import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { AccessFileCache, findAccessFile, loadAccessFile } from '../../../src/core/access/accessLocator';
import { environmentForFile, mayListOtherFiles } from '../../../src/core/access/environmentMatch';
import { addIgnoreEntry } from '../../../src/core/access/ignoreWriter';

const ACME = path.join(__dirname, '..', '..', 'fixtures', 'workspace-acme');

function problemsOf(yaml: string): Array<{ line: number; character: number; message: string }> {
  return parseAccessFile(yaml, '/w/.langfuse/access.yaml', '/w').problems.map(p => ({ line: p.range.start.line, character: p.range.start.character, message: p.message }));
}

describe('access file: loading with exact positions', () => {
  it('loads the sample Acme workspace file without problems', () => {
    const loaded = loadAccessFile(path.join(ACME, '.langfuse', 'access.yaml'));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.rootDir, ACME);
    assert.equal(loaded.config?.connection, 'local-sandbox');
    assert.deepEqual(Object.keys(loaded.config?.environments ?? {}), ['production', 'staging', 'analytics']);
    assert.equal(loaded.config?.rotation?.maxAgeDays, 90);
  });

  it('points at the line and column of each mistake, with a message that says what to do', () => {
    const yaml = [
      'version: 1',
      'connection: acme-eu',
      'environments:',
      '  production:',
      '    project: production-chatbot',
      '    publicKeys: ["sk-lf-canary-0000"]',
      '  staging:',
      '    files: [.env.staging]',
      '    prject: staging-chatbot',
      'rotation:',
      '  maxAgeDays: 0',
    ].join('\n');
    const problems = problemsOf(yaml);
    assert.deepEqual(problems.map(p => [p.line, p.character]), [[5, 17], [6, 2], [8, 4], [10, 14]]);
    assert.match(problems[0].message, /public key starting "pk-lf-"/);
    assert.ok(!problems[0].message.includes('sk-lf-canary'), 'the secret is never echoed');
    assert.match(problems[1].message, /"project" is required in environments\.staging/);
    assert.match(problems[2].message, /Unknown field "prject"/);
    assert.match(problems[3].message, /positive number of days/);
  });

  it('refuses a host in the file and explains that hosts come from the user\'s settings', () => {
    const problems = problemsOf('version: 1\nbaseUrl: https://evil.example\nenvironments: {}\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 1);
    assert.match(problems[0].message, /hosts never come from the workspace access file/);
  });

  it('reports YAML syntax errors at their position and yields no config', () => {
    const loaded = parseAccessFile('version: 1\nenvironments:\n  production: [oops\n', '/w/a.yaml', '/w');
    assert.equal(loaded.config, undefined);
    assert.ok(loaded.problems.length > 0);
    assert.match(loaded.problems[0].message, /^YAML syntax:/);
  });

  it('rejects a public key claimed by two projects and an ignore entry naming no rule', () => {
    const yaml = [
      'version: 1',
      'environments:',
      '  a: { project: p1, publicKeys: [pk-lf-1] }',
      '  b: { project: p2, publicKeys: [pk-lf-1] }',
      'ignore:',
      '  - { file: .env, rule: no-such-rule, reason: because }',
    ].join('\n');
    const problems = problemsOf(yaml);
    assert.equal(problems.length, 2);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /listed for project "p1" too/);
    assert.equal(problems[1].line, 5);
    assert.match(problems[1].message, /not a finding code/);
  });
});

describe('access file: which file belongs to which environment', () => {
  const loaded = parseAccessFile([
    'version: 1',
    'environments:',
    '  production: { project: production-chatbot, files: [".env.production", "deploy/prod/*.env"] }',
    '  staging: { project: staging-chatbot, files: [".env.staging", ".env"] }',
  ].join('\n'), '/repo/.langfuse/access.yaml', '/repo');

  const cases: Array<[string, string | undefined]> = [
    ['/repo/.env.production', 'production'],
    ['/repo/services/api/.env.production', 'production'],
    ['/repo/deploy/prod/api.env', 'production'],
    ['/repo/deploy/prod/nested/api.env', undefined],
    ['/repo/other/deploy/prod/api.env', undefined],
    ['/repo/.env', 'staging'],
    ['/repo/.env.local', undefined],
    ['/elsewhere/.env', undefined],
  ];
  for (const [file, env] of cases) {
    it(`${file} → ${env ?? 'no environment'}`, () => {
      assert.equal(environmentForFile(loaded, file)?.name, env);
    });
  }
});

describe('access file: can a pattern name a file without a .env name?', () => {
  const withFiles = (files: string) => parseAccessFile(`version: 1\nenvironments:\n  p: { project: x, files: ${files} }\n`, '/w/.langfuse/access.yaml', '/w');
  it('no, for .env, .env.* and *.env patterns (a scan may skip other files)', () => {
    assert.equal(mayListOtherFiles(withFiles('[".env", ".env.production", "deploy/prod/*.env", "**/.env.*"]')), false);
  });
  it('yes, as soon as one pattern could', () => {
    assert.equal(mayListOtherFiles(withFiles('[".env", "config/prod.vars"]')), true);
    assert.equal(mayListOtherFiles(withFiles('[".env*"]')), true);
    assert.equal(mayListOtherFiles(withFiles('["deploy/**"]')), true);
  });
});

describe('access file: nearest one up the tree (monorepos)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-access-'));
    fs.mkdirSync(path.join(dir, '.langfuse'));
    fs.writeFileSync(path.join(dir, '.langfuse', 'access.yaml'), 'version: 1\nenvironments:\n  root: { project: root-project, files: [".env"] }\n');
    fs.mkdirSync(path.join(dir, 'packages', 'billing', '.langfuse'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'packages', 'billing', '.langfuse', 'access.yaml'), 'version: 1\nenvironments:\n  billing: { project: billing-project, files: [".env"] }\n');
    fs.mkdirSync(path.join(dir, 'packages', 'web', 'src'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest access file for a folder', () => {
    assert.equal(findAccessFile(path.join(dir, 'packages', 'web', 'src')), path.join(dir, '.langfuse', 'access.yaml'));
    assert.equal(findAccessFile(path.join(dir, 'packages', 'billing')), path.join(dir, 'packages', 'billing', '.langfuse', 'access.yaml'));
  });

  it('applies the package\'s own access file to its files and the root one to the rest', () => {
    const cache = new AccessFileCache();
    const billing = cache.forFile(path.join(dir, 'packages', 'billing', '.env'));
    const web = cache.forFile(path.join(dir, 'packages', 'web', '.env'));
    assert.ok(billing && web);
    assert.equal(environmentForFile(billing, path.join(dir, 'packages', 'billing', '.env'))?.environment.project, 'billing-project');
    assert.equal(environmentForFile(web, path.join(dir, 'packages', 'web', '.env'))?.environment.project, 'root-project');
    assert.equal(cache.all().length, 2);
  });
});

describe('access file: recording an ignored finding', () => {
  const original = [
    '# Acme access file — reviewed by security',
    'version: 1',
    'connection: acme-eu   # points to EU cloud in settings',
    'environments:',
    '  staging:',
    '    project: staging-chatbot # the staging project',
    '    files: [".env.staging", ".env.local"]',
    '',
  ].join('\n');

  it('adds the entry and keeps every comment', () => {
    const out = addIgnoreEntry(original, { file: '.env.local', rule: 'shared-key', reason: 'local sandbox key' });
    for (const comment of ['# Acme access file — reviewed by security', '# points to EU cloud in settings', '# the staging project']) assert.ok(out.includes(comment), comment);
    assert.ok(out.includes('files: [".env.staging", ".env.local"]'), 'untouched lines keep their form');
    const loaded = parseAccessFile(out, '/w/.langfuse/access.yaml', '/w');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config?.ignore, [{ file: '.env.local', rule: 'shared-key', reason: 'local sandbox key' }]);
  });

  it('updates the reason of an existing entry instead of adding a duplicate', () => {
    const once = addIgnoreEntry(original, { file: '.env.local', rule: 'shared-key', reason: 'first' });
    const twice = addIgnoreEntry(once, { file: '.env.local', rule: 'shared-key', reason: 'second: with colon' });
    const loaded = parseAccessFile(twice, '/w/.langfuse/access.yaml', '/w');
    assert.deepEqual(loaded.config?.ignore, [{ file: '.env.local', rule: 'shared-key', reason: 'second: with colon' }]);
  });

  it('refuses an empty reason and a file with YAML errors, leaving the text to the caller unchanged', () => {
    assert.throws(() => addIgnoreEntry(original, { file: '.env', rule: 'shared-key', reason: '  ' }), /needs a reason/);
    assert.throws(() => addIgnoreEntry('version: [1\n', { file: '.env', rule: 'shared-key', reason: 'r' }), /YAML errors/);
  });
});
