// Issue 14 item 10: the files of one deployment are one configuration. The fixture
// test/fixtures/deployment/one-deployment is a compose file, its project .env and an env_file, with two
// variables that none of them define (set by CI at deploy time).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../../../src/cli/commands/compliance';
import { buildComplianceReport, renderMarkdown, renderText } from '../../../src/core/deployment/index';
import { at, check, codes, fixture, FIXTURES, only, project } from './helpers';

const compose = fixture('one-deployment/docker-compose.yml');
const dotenv = fixture('one-deployment/.env');
const envFile = fixture('one-deployment/langfuse.env');

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await command.run({ out: t => { out += t; }, err: () => undefined, env: {}, cwd: FIXTURES }, args);
  return { code, out };
}

describe('deployment compliance: the files of one deployment are one configuration', () => {
  it('the compose file, its .env and its env_file give the same findings however many of them are named', () => {
    const alone = check(compose).findings.map(at);
    assert.deepEqual(check(compose, dotenv).findings.map(at), alone, 'naming the .env adds or changes nothing');
    assert.deepEqual(check(compose, dotenv, envFile).findings.map(at), alone, 'naming the env_file adds or changes nothing');
    assert.deepEqual(check(dotenv, envFile, compose).findings.map(at), alone, 'in any order');
    const severities = (r: ReturnType<typeof check>) => buildComplianceReport(r).rows.map(row => `${row.id}=${row.status}`);
    assert.deepEqual(severities(check(compose, dotenv, envFile)), severities(check(compose)), 'every requirement keeps its status');
  });

  it('never reports a variable the compose file or its env_file sets as missing, and nothing at .env:1:1', () => {
    const r = check(compose, dotenv, envFile);
    assert.deepEqual(codes(r.findings).filter(c => c.endsWith('-missing') || c === 'signup-enabled' || c.startsWith('sso-no')), []);
    assert.deepEqual(r.findings.filter(f => f.file !== compose).map(at), ['langfuse.env:5:1 sso-callback-url']);
    assert.deepEqual(buildComplianceReport(r).files.map(f => path.basename(f)), ['docker-compose.yml', '.env', 'langfuse.env']);
  });

  it('interpolates like Compose: ${VAR} and ${VAR:-default} from .env, ${VAR} inside .env and env_file values', () => {
    const web = check(compose).files[0].targets.find(t => t.name === 'langfuse-web')!;
    assert.equal(web.settings.get('NEXTAUTH_URL')!.value, 'https://langfuse.acme.com', '.env expands ${LANGFUSE_HOST} from its own earlier line');
    assert.equal(web.settings.get('AUTH_OKTA_CLIENT_SECRET')!.value, 'demo-okta-secret-not-real', 'the env_file expands ${OKTA_CLIENT_SECRET} from the project .env');
    assert.equal(web.settings.get('REDIS_AUTH')!.value, 'Bq7Wn2Ld9Kx4Tm6Pz1Rv8Hc3', '.env wins over the :- default');
    assert.equal(web.images[0].resolved, 'langfuse/langfuse:3.135.0', 'the :- default when .env does not set it');
  });

  it('a ${VAR} none of the files define counts as set at deploy time: an info in its requirement\'s row, never missing', () => {
    const r = check(compose, dotenv, envFile);
    const infos = only(r, 'value-set-at-deploy-time');
    assert.deepEqual(infos.map(f => `${at(f)} ${f.severity} ${f.requirement}`), [
      'docker-compose.yml:9:47 value-set-at-deploy-time info secrets-referenced',
      'docker-compose.yml:25:32 value-set-at-deploy-time info default-roles',
    ], 'once per variable, though web and worker share the first');
    assert.match(infos[0].message, /\$\{S3_SECRET_ACCESS_KEY\}, which none of the checked files define.*set at deploy time/);
    const rows = buildComplianceReport(r).rows;
    assert.equal(rows.find(row => row.id === 'secrets-referenced')!.status, 'pass');
    // Taken out of the .env, a secret the checks need is an info too, not a missing one.
    const dir = project({ 'docker-compose.yml': fs.readFileSync(compose, 'utf8'), 'langfuse.env': fs.readFileSync(envFile, 'utf8'), '.env': fs.readFileSync(dotenv, 'utf8').replace(/^SALT=.*\n/m, '') });
    const noSalt = check(path.join(dir, 'docker-compose.yml'));
    assert.deepEqual(codes(noSalt.findings).filter(c => c.startsWith('salt')), []);
    assert.equal(only(noSalt, 'value-set-at-deploy-time').filter(f => f.requirement === 'api-key-salt').length, 1);
  });

  it('a differently named env file whose variables the compose file uses is its --env-file, not a server .env', () => {
    const dir = project({ 'docker-compose.yml': fs.readFileSync(compose, 'utf8'), 'langfuse.env': fs.readFileSync(envFile, 'utf8'), 'prod.env': fs.readFileSync(dotenv, 'utf8'), '.env': 'SALT=mysalt\n' });
    const withProd = check(path.join(dir, 'docker-compose.yml'), path.join(dir, 'prod.env'));
    assert.deepEqual(codes(withProd.findings).filter(c => c.startsWith('salt')), [], '--env-file replaces the project .env, as in Compose');
    assert.ok(!withProd.findings.some(f => f.file.endsWith('prod.env') && f.range.start.line === 0), 'prod.env is not checked as a server .env');
    assert.equal(only(check(path.join(dir, 'docker-compose.yml')), 'salt-placeholder').length, 1, 'without it, the project .env counts');
  });

  it('default roles: a privileged role without effect is said to be without effect, never "least privilege"', () => {
    const r = check(compose, dotenv, envFile);
    const row = buildComplianceReport(r).rows.find(x => x.id === 'default-roles')!;
    const text = row.evidence.map(e => e.note).join('\n');
    assert.doesNotMatch(text, /ADMIN;.*least privilege/);
    assert.match(text, /new users join no organization or project automatically \(LANGFUSE_DEFAULT_PROJECT_ROLE=ADMIN without effect\)/);
    const noEffect = only(r, 'default-role-no-effect')[0];
    assert.match(noEffect.message, /As soon as LANGFUSE_DEFAULT_PROJECT_ID is set, every new user becomes ADMIN/);
    assert.deepEqual(noEffect.fixes.map(f => f.title), ['Use VIEWER']);
    const granted = check(path.join(project({ 'docker-compose.yml': fs.readFileSync(compose, 'utf8').replace('LANGFUSE_DEFAULT_PROJECT_ROLE: ADMIN', 'LANGFUSE_DEFAULT_PROJECT_ID: proj-1\n      LANGFUSE_DEFAULT_PROJECT_ROLE: VIEWER'), '.env': fs.readFileSync(dotenv, 'utf8'), 'langfuse.env': '' }), 'docker-compose.yml'));
    const evidence = buildComplianceReport(granted).rows.find(x => x.id === 'default-roles')!.evidence.filter(e => !e.code).map(e => e.note);
    assert.deepEqual(evidence, ['new users join the projects in LANGFUSE_DEFAULT_PROJECT_ID (proj-1) as VIEWER']);
  });

  it('image pinning advice uses each image\'s own release scheme', () => {
    const r = check(compose);
    const advice = (image: string) => r.findings.find(f => f.code.startsWith('image-') && f.message.startsWith(image))!.message;
    assert.match(advice('postgres:17'), /Pin an exact PostgreSQL release \(major\.minor, e\.g\. :17\.2\) or a digest \(postgres@sha256:…\)/);
    assert.match(advice('redis:7'), /Redis\/Valkey release \(major\.minor\.patch, e\.g\. :7\.4\.2\)/);
    assert.match(advice('minio/minio'), /MinIO release \(e\.g\. :RELEASE\./);
    for (const image of ['postgres:17', 'redis:7', 'minio/minio']) assert.doesNotMatch(advice(image), /3\.x\.y/, image);
    const pinned = (image: string) => check(path.join(project({ 'docker-compose.yml': `services:\n  db:\n    image: ${image}\n` }), 'docker-compose.yml'));
    assert.equal(pinned('postgres:17.2').findings.length, 0, 'major.minor is an exact PostgreSQL release');
    assert.equal(only(pinned('postgres:17-alpine'), 'image-floating').length, 1, 'a variant of a floating tag floats too');
    assert.equal(only(pinned('redis:7.4'), 'image-floating').length, 1);
    assert.match(only(pinned('ghcr.io/acme/sidecar:latest'), 'image-unpinned')[0].message, /exact release tag of acme\/sidecar \(see its registry's tag list\) or a digest/);
    assert.match(only(pinned('langfuse/langfuse:3'), 'image-floating')[0].message, /Langfuse release \(major\.minor\.patch, e\.g\. :3\.x\.y\)/);
    const deployTime = only(pinned('langfuse/langfuse:${LANGFUSE_VERSION}'), 'value-set-at-deploy-time');
    assert.equal(deployTime[0]?.requirement, 'images-pinned', 'a tag from an undefined ${VAR} is decided at deploy time');
  });

  it('text and Markdown list every finding exactly once', async () => {
    const { code, out } = await cli('one-deployment/docker-compose.yml', 'one-deployment/.env', 'one-deployment/langfuse.env');
    assert.equal(code, 1, 'minio/minio without a tag is a warning');
    const r = check(compose, dotenv, envFile);
    for (const f of r.findings) {
      const line = `one-deployment/${path.basename(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.code}`;
      assert.equal(out.split(line).length - 1, 1, `${line} once`);
    }
    assert.match(out, /3 file\(s\): 11 pass, 1 warn, 0 fail, 1 not found; 7 finding\(s\) \(0 error, 1 warning, 6 info\)\.$/m);
    const md = renderMarkdown(buildComplianceReport(r), FIXTURES);
    for (const c of new Set(codes(r.findings))) assert.equal(md.split(`**${c}**:`).length - 1, only(r, c).length, c);
    assert.equal(renderText(buildComplianceReport(r), r, FIXTURES), out);
  });
});
