import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { applyEdits, resolveFixEdits } from '../../../src/core/deployment/applyFix';
import { buildComplianceReport } from '../../../src/core/deployment/complianceReport';
import { assertEditsInScope, filesTouchedBy } from '../../../src/core/deployment/fixScope';
import { UnsafeWriteError } from '../../../src/core/fs/scopedWrite';
import { complianceToSarif } from '../../../src/core/deployment/complianceSarif';
import { Requirements, type RequirementId } from '../../../src/core/deployment/complianceCodes';
import { requirementText } from '../../../src/core/deployment/requirementTexts';
import { renderJson, renderMarkdown, renderText } from '../../../src/core/deployment/renderReport';
import type { DeploymentFinding, TextEdit } from '../../../src/core/deployment/types';
import { GOOD_DOTENV, GOOD_ENV, check, fixture, only, project, webCompose } from './helpers';

/** Applies every edit to the files on disk (creating files when asked), as the editor would. */
function applyToDisk(edits: TextEdit[]): void {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.writeFileSync(file, applyEdits(text, list));
  }
}

function fixOf(f: DeploymentFinding, kind: string) {
  const fix = f.fixes.find(x => x.kind === kind);
  assert.ok(fix, `${f.code} offers ${kind}`);
  return fix!;
}

describe('deployment fixes and report', () => {
  it('generates a correct ENCRYPTION_KEY with fresh randomness each time', () => {
    const dir = project({ '.env': 'SALT=abc\nENCRYPTION_KEY=0000000000000000000000000000000000000000000000000000000000000000\n' });
    const file = path.join(dir, '.env');
    const f = only(check(file), 'encryption-key-placeholder')[0];
    const fix = fixOf(f, 'generateSecret');
    const a = resolveFixEdits(fix)[0].newText;
    const b = resolveFixEdits(fix)[0].newText;
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.notEqual(a, b);
    applyToDisk(resolveFixEdits(fix));
    assert.match(fs.readFileSync(file, 'utf8'), /^SALT=abc\nENCRYPTION_KEY=[0-9a-f]{64}\n$/);
    assert.equal(check(file).findings.filter(x => x.code.startsWith('encryption-key')).length, 0);
  });

  it('moves an inline compose secret into .env as ${VAR} without the finding carrying it', () => {
    const env = [...GOOD_ENV.filter(l => !l.startsWith('AUTH_OKTA_CLIENT_SECRET')), 'AUTH_OKTA_CLIENT_SECRET=demo-okta-secret-not-real'];
    const dir = project({ 'docker-compose.yml': webCompose(env), '.env': GOOD_DOTENV.replace(/^AUTH_OKTA_CLIENT_SECRET=.*\n/m, '') });
    const compose = path.join(dir, 'docker-compose.yml');
    const f = only(check(compose), 'inline-secret')[0];
    assert.doesNotMatch(JSON.stringify(f), /demo-okta-secret/);
    applyToDisk(resolveFixEdits(fixOf(f, 'moveToEnvFile')));
    assert.match(fs.readFileSync(compose, 'utf8'), /- AUTH_OKTA_CLIENT_SECRET=\$\{AUTH_OKTA_CLIENT_SECRET\}\n/);
    assert.match(fs.readFileSync(path.join(dir, '.env'), 'utf8'), /\nAUTH_OKTA_CLIENT_SECRET=demo-okta-secret-not-real\n$/);
    const after = check(compose);
    assert.equal(only(after, 'inline-secret').length, 0);
    assert.equal(after.findings.filter(x => x.severity !== 'info').length, 0);
  });

  it('a fix that would write through a symbolic link or out of the workspace is refused before any edit', () => {
    const env = [...GOOD_ENV.filter(l => !l.startsWith('AUTH_OKTA_CLIENT_SECRET')), 'AUTH_OKTA_CLIENT_SECRET=demo-okta-secret-not-real'];
    const outside = project({ 'bashrc': 'export A=1\n' });
    const dir = project({ 'docker-compose.yml': webCompose(env) });
    fs.symlinkSync(path.join(outside, 'bashrc'), path.join(dir, '.env'));
    const fix = fixOf(only(check(path.join(dir, 'docker-compose.yml')), 'inline-secret')[0], 'moveToEnvFile');
    const files = filesTouchedBy(fix);
    assert.deepEqual(files, [...new Set(resolveFixEdits(fix).map(e => e.file))], 'the files known before resolving are the ones the edits change');
    assert.throws(() => assertEditsInScope(files.map(file => ({ file })), { roots: [dir], label: 'the workspace' }), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'symlink');
    assert.throws(() => assertEditsInScope([{ file: path.join(outside, 'bashrc') }], { roots: [dir], label: 'the workspace' }), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'outside');
    assert.equal(fs.readFileSync(path.join(outside, 'bashrc'), 'utf8'), 'export A=1\n');
  });

  it('inserts a missing variable in the file\'s own style (list, map, .env, Helm additionalEnv)', () => {
    const list = project({ 'docker-compose.yml': webCompose(GOOD_ENV.filter(l => !l.startsWith('AUTH_DISABLE_SIGNUP'))), '.env': GOOD_DOTENV });
    const listFile = path.join(list, 'docker-compose.yml');
    applyToDisk(resolveFixEdits(fixOf(only(check(listFile), 'signup-enabled')[0], 'insertVariable')));
    assert.match(fs.readFileSync(listFile, 'utf8'), / {6}- AUTH_OKTA_ISSUER=https:\/\/acme\.okta\.com\n {6}- AUTH_DISABLE_SIGNUP=true\n$/);
    assert.equal(only(check(listFile), 'signup-enabled').length, 0);

    const map = project({ 'compose.yaml': 'services:\n  langfuse:\n    image: langfuse/langfuse:3.1.0\n    environment:\n      SALT: ${SALT}\n    ports:\n      - 3000:3000\n', '.env': 'SALT=x1\n' });
    const mapFile = path.join(map, 'compose.yaml');
    applyToDisk(resolveFixEdits(fixOf(only(check(mapFile), 'signup-enabled')[0], 'insertVariable')));
    assert.equal(fs.readFileSync(mapFile, 'utf8'), 'services:\n  langfuse:\n    image: langfuse/langfuse:3.1.0\n    environment:\n      SALT: ${SALT}\n      AUTH_DISABLE_SIGNUP: "true"\n    ports:\n      - 3000:3000\n');

    const missingKey = only(check(mapFile), 'encryption-key-missing')[0];
    applyToDisk(resolveFixEdits(fixOf(missingKey, 'insertGeneratedSecret')));
    assert.match(fs.readFileSync(mapFile, 'utf8'), /ENCRYPTION_KEY: "\$\{ENCRYPTION_KEY\}"\n/);
    assert.match(fs.readFileSync(path.join(map, '.env'), 'utf8'), /^SALT=x1\nENCRYPTION_KEY=[0-9a-f]{64}\n$/);
    assert.equal(check(mapFile).findings.filter(x => x.code.startsWith('encryption-key')).length, 0);

    const dotenv = project({ 'server.env': 'NEXTAUTH_URL=https://lf.acme.com' });
    const envFile = path.join(dotenv, 'server.env');
    applyToDisk(resolveFixEdits(fixOf(only(check(envFile), 'signup-enabled')[0], 'insertVariable')));
    assert.equal(fs.readFileSync(envFile, 'utf8'), 'NEXTAUTH_URL=https://lf.acme.com\nAUTH_DISABLE_SIGNUP=true\n');

    const helm = project({ 'values.yaml': fs.readFileSync(fixture('helm/values-chart-0x.yaml'), 'utf8') });
    const helmFile = path.join(helm, 'values.yaml');
    const sso = only(check(helmFile), 'signup-enabled')[0];
    applyToDisk(resolveFixEdits(fixOf(sso, 'replaceText')));
    assert.equal(only(check(helmFile), 'signup-enabled').length, 0);
    const custom = project({ 'values.yaml': 'langfuse:\n  salt: x\n  additionalEnv:\n    - name: AUTH_CUSTOM_CLIENT_ID\n      value: lf\n    - name: AUTH_CUSTOM_CLIENT_SECRET\n      valueFrom:\n        secretKeyRef: { name: s, key: k }\n    - name: AUTH_CUSTOM_ISSUER\n      value: https://idp.acme.com\nimage:\n  tag: 3.1.0\n' });
    const customFile = path.join(custom, 'values.yaml');
    applyToDisk(resolveFixEdits(fixOf(only(check(customFile), 'sso-custom-name-missing')[0], 'insertVariable')));
    assert.match(fs.readFileSync(customFile, 'utf8'), / {6}value: https:\/\/idp\.acme\.com\n {4}- name: AUTH_CUSTOM_NAME\n {6}value: "SSO"\nimage:/);
    assert.equal(only(check(customFile), 'sso-custom-name-missing').length, 0);
  });

  it('builds the compliance table with status and file:line evidence, in text, JSON and Markdown', () => {
    const result = check(fixture('hardened/docker-compose.yml'), fixture('langfuse-v3/docker-compose.yml'));
    const report = buildComplianceReport(result);
    const row = (id: string) => report.rows.find(r => r.id === id)!;
    assert.equal(row('encryption-key').status, 'fail');
    assert.ok(row('encryption-key').evidence.some(e => e.file.endsWith('langfuse-v3/docker-compose.yml') && e.line === 14 && e.code === 'encryption-key-placeholder'));
    assert.ok(row('encryption-key').evidence.some(e => e.file.endsWith('hardened/docker-compose.yml') && e.line === 10 && !e.code));
    assert.equal(row('password-login').status, 'pass');
    const base = path.resolve(fixture('.'));
    const md = renderMarkdown(report, base);
    assert.match(md, /^\| Category \| Requirement \| Status \| Evidence \|$/m);
    assert.match(md, /\| Data encryption \| ENCRYPTION_KEY is 64 hex characters .* \| FAIL \| `langfuse-v3\/docker-compose\.yml:14`/);
    const json = JSON.parse(renderJson(report, result, base));
    assert.equal(json.requirements.find((r: { id: string }) => r.id === 'signup-disabled').status, 'warn');
    assert.equal(json.findings[0].file.startsWith('hardened/') || json.findings[0].file.startsWith('langfuse-v3/'), true);
    assert.match(renderText(report, result, base), /^FAIL {7}Data encryption: ENCRYPTION_KEY/m);
  });

  it('the report\'s (translatable) requirement texts say in English exactly what SARIF\'s (fixed) Requirements say', () => {
    for (const id of Object.keys(Requirements) as RequirementId[]) assert.deepEqual(requirementText(id), { ...Requirements[id] }, id);
  });

  it('writes valid SARIF 2.1.0 with the compliance codes as rules', function () {
    const result = check(fixture('langfuse-v3/docker-compose.yml'));
    const sarif = complianceToSarif(result.findings, fixture('.')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const first = sarif.runs[0].results.find(r => r.ruleId === 'salt-placeholder')!;
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'langfuse-v3/docker-compose.yml');
    assert.equal(first.locations[0].physicalLocation.region.startLine, 13);
    const schemaFile = path.resolve(__dirname, '../../fixtures/sarif/sarif-schema-2.1.0-rtm.5.json');
    if (!fs.existsSync(schemaFile)) this.skip();
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
  });
});
