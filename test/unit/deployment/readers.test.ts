import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readComposeFile } from '../../../src/core/deployment/composeReader';
import { readFileFromDisk } from '../../../src/core/deployment/fileReader';
import { readHelmValues } from '../../../src/core/deployment/helmReader';
import { interpolate } from '../../../src/core/deployment/interpolate';
import { deploymentFilesFor, detectDeploymentKind } from '../../../src/core/deployment/readDeploymentFile';
import * as fs from 'node:fs';
import { check, codes, fixture, project } from './helpers';

function lineCol(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const line = text.split('\n')[r.start.line];
  return line.slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined);
}

describe('deployment readers', () => {
  it('interpolates like Docker Compose from the project .env', () => {
    const vars = new Map([['A', 'x'], ['EMPTY', '']]);
    assert.equal(interpolate('${A}', vars).value, 'x');
    assert.equal(interpolate('${B:-dflt}', vars).value, 'dflt');
    assert.equal(interpolate('${EMPTY:-dflt}', vars).value, 'dflt');
    assert.equal(interpolate('${EMPTY-dflt}', vars).value, '');
    assert.equal(interpolate('pre-$A-${A:+alt}', vars).value, 'pre-x-alt');
    assert.equal(interpolate('$$A', vars).value, '$A');
    const missing = interpolate('${B}', vars);
    assert.equal(missing.value, undefined);
    assert.deepEqual(missing.unresolved, ['B']);
    assert.equal(interpolate('${B:-${A}}', vars).value, 'x');
  });

  it('reads environment maps, `<<` merges and exact value positions (Langfuse\'s own compose shape)', () => {
    const file = fixture('langfuse-v3/docker-compose.yml');
    const text = fs.readFileSync(file, 'utf8');
    const df = readComposeFile(file, text, readFileFromDisk);
    const web = df.targets.find(t => t.name === 'langfuse-web')!;
    const worker = df.targets.find(t => t.name === 'langfuse-worker')!;
    assert.equal(web.role, 'web');
    assert.equal(worker.role, 'worker');
    assert.equal(df.targets.find(t => t.name === 'postgres')!.role, 'other');
    const salt = web.settings.get('SALT')!; // merged from the worker's anchor
    assert.equal(salt.value, 'mysalt');
    assert.equal(salt.keyRange.start.line + 1, 13);
    assert.equal(lineCol(text, salt.valueRange), 'mysalt');
    const ch = web.settings.get('CLICKHOUSE_PASSWORD')!;
    assert.equal(ch.value, 'clickhouse');
    assert.equal(ch.literal, false);
    assert.deepEqual(ch.reference, { kind: 'interpolation', variable: 'CLICKHOUSE_PASSWORD', usedDefault: true });
    assert.equal(lineCol(text, web.settings.get('NEXTAUTH_SECRET')!.valueRange), 'mysecret');
    assert.equal(df.targets.find(t => t.name === 'postgres')!.images[0].resolved, 'docker.io/postgres:latest');
  });

  it('reads environment lists, env_file and ${VAR} from the project .env with positions in each file', () => {
    const dir = project({
      'docker-compose.yml': 'services:\n  langfuse:\n    image: langfuse/langfuse:${TAG:-3}\n    env_file: [ secrets.env ]\n    environment:\n      - "SALT=${SALT}"\n      - NEXTAUTH_URL=https://lf.acme.com\n      - AUTH_DISABLE_SIGNUP\n',
      '.env': 'SALT=abcdefabcdef\nTAG=3.135.0\nAUTH_DISABLE_SIGNUP=true\n',
      'secrets.env': '# from vault\nNEXTAUTH_SECRET=qwertyuiopasdfgh\nNEXTAUTH_URL=http://old\n',
    });
    const file = path.join(dir, 'docker-compose.yml');
    const text = fs.readFileSync(file, 'utf8');
    const t = readComposeFile(file, text, readFileFromDisk).targets[0];
    assert.equal(t.images[0].resolved, 'langfuse/langfuse:3.135.0');
    const salt = t.settings.get('SALT')!;
    assert.equal(salt.value, 'abcdefabcdef');
    assert.equal(lineCol(text, salt.keyRange), 'SALT');
    assert.equal(lineCol(text, salt.valueRange), '${SALT}');
    assert.equal(salt.reference?.kind === 'interpolation' && salt.reference.resolvedIn?.file, path.join(dir, '.env'));
    const secret = t.settings.get('NEXTAUTH_SECRET')!;
    assert.equal(secret.file, path.join(dir, 'secrets.env'));
    assert.equal(secret.keyRange.start.line, 1);
    assert.equal(t.settings.get('NEXTAUTH_URL')!.value, 'https://lf.acme.com', 'environment wins over env_file');
    assert.equal(t.settings.get('AUTH_DISABLE_SIGNUP')!.value, 'true', 'a bare name takes the .env value');
  });

  it('reports a missing env_file and keeps checking the rest', () => {
    const dir = project({ 'compose.yaml': 'services:\n  langfuse:\n    image: langfuse/langfuse:3.1.0\n    env_file: missing.env\n' });
    const r = check(path.join(dir, 'compose.yaml'));
    assert.ok(codes(r.findings).includes('env-file-missing'));
    assert.ok(codes(r.findings).includes('salt-missing'));
  });

  it('reads chart 0.x plain strings and 1.x {value|secretKeyRef} and additionalEnv value/valueFrom', () => {
    const old = readHelmValues(fixture('helm/values-chart-0x.yaml'), fs.readFileSync(fixture('helm/values-chart-0x.yaml'), 'utf8'));
    const o = old.targets[0].settings;
    assert.equal(o.get('NEXTAUTH_SECRET')!.value, 'changeme');
    assert.equal(o.get('NEXTAUTH_SECRET')!.keyRange.start.line + 1, 12);
    assert.equal(o.get('NEXT_PUBLIC_SIGN_UP_DISABLED')!.value, 'False');
    assert.equal(o.get('CLICKHOUSE_PASSWORD')!.value, 'changeme');
    assert.equal(old.targets[0].images[0].resolved, 'langfuse/langfuse:latest');
    const neu = readHelmValues(fixture('helm/values-chart-1x.yaml'), fs.readFileSync(fixture('helm/values-chart-1x.yaml'), 'utf8'));
    const n = neu.targets[0].settings;
    assert.equal(n.get('SALT')!.value, undefined);
    assert.deepEqual(n.get('SALT')!.reference, { kind: 'kubernetes', description: 'Secret langfuse-secrets, key salt' });
    assert.equal(n.get('ENCRYPTION_KEY')!.value, '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    assert.equal(n.get('AUTH_DISABLE_SIGNUP')!.value, 'true');
    assert.equal(n.get('AUTH_AZURE_AD_CLIENT_SECRET')!.reference?.kind, 'kubernetes');
    assert.equal(n.get('AUTH_AZURE_AD_TENANT_ID')!.value, 'acme-tenant');
  });

  it('turns broken YAML into one clear finding instead of throwing', () => {
    const r = check(fixture('broken/docker-compose.yml'));
    assert.deepEqual(codes(r.findings), ['config-unreadable']);
    assert.match(r.findings[0].message, /not valid YAML, so it was not checked/);
    const dir = project({ 'values.yaml': 'langfuse:\n  salt: [unclosed\n', 'notes.yaml': 'hello: world\n' });
    assert.deepEqual(codes(check(path.join(dir, 'values.yaml')).findings), ['config-unreadable']);
    assert.match(check(path.join(dir, 'notes.yaml')).findings[0].message, /is not a docker-compose file/);
    assert.match(check(path.join(dir, 'nope.yml')).findings[0].message, /does not exist/);
  });

  it('detects the kind of file by name, then by content', () => {
    assert.equal(detectDeploymentKind('/x/docker-compose.prod.yml', ''), 'compose');
    assert.equal(detectDeploymentKind('/x/stack.yml', 'services:\n'), 'compose');
    assert.equal(detectDeploymentKind('/x/my-values.yaml', 'langfuse:\n'), 'helm');
    assert.equal(detectDeploymentKind('/x/.env.production', ''), 'env');
    assert.equal(detectDeploymentKind('/x/readme.yml', 'a: 1\n'), undefined);
  });
});

describe('which files an open document is checked with', () => {
  it('checks Langfuse compose/Helm/server .env files and leaves SDK .env and other YAML alone', () => {
    const dir = project({
      'docker-compose.yml': 'services:\n  langfuse-web:\n    image: langfuse/langfuse:3.1.0\n',
      '.env': 'SALT=x\n',
      'values.yaml': 'langfuse:\n  salt: x\n',
      'ci.yml': 'jobs: {}\n',
    });
    const app = project({ '.env': 'LANGFUSE_PUBLIC_KEY=pk-lf-c2000000-0000-4000-8000-000000000001\n' });
    const server = project({ 'langfuse.env': 'NEXTAUTH_SECRET=x\n' });
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
    const of = (f: string) => deploymentFilesFor(f, read(f)!, read);
    assert.deepEqual(of(path.join(dir, 'docker-compose.yml')), [path.join(dir, 'docker-compose.yml')]);
    assert.deepEqual(of(path.join(dir, '.env')), [path.join(dir, 'docker-compose.yml')], 'a compose project .env is checked through its compose file');
    assert.deepEqual(of(path.join(dir, 'values.yaml')), [path.join(dir, 'values.yaml')]);
    assert.deepEqual(of(path.join(dir, 'ci.yml')), []);
    assert.deepEqual(of(path.join(app, '.env')), [], 'an SDK .env gets no server checks');
    assert.deepEqual(of(path.join(server, 'langfuse.env')), [path.join(server, 'langfuse.env')]);
  });
});

describe('hostile compose files', () => {
  it('survives a self-referencing anchor and a merge bomb quickly, and own keys win over merged ones', () => {
    const self = project({ 'docker-compose.yml': 'services:\n  langfuse:\n    image: langfuse/langfuse:3.1.0\n    environment: &a\n      SALT: own\n      <<: *a\n' });
    const selfFile = path.join(self, 'docker-compose.yml');
    const t = readComposeFile(selfFile, fs.readFileSync(selfFile, 'utf8'), readFileFromDisk).targets[0];
    assert.equal(t.settings.get('SALT')!.value, 'own');
    let bomb = 'x-0: &a0\n  K0: v\n';
    for (let i = 1; i < 30; i++) bomb += `x-${i}: &a${i}\n  <<: [*a${i - 1}, *a${i - 1}]\n  K${i}: v\n`;
    bomb += 'services:\n  langfuse:\n    image: langfuse/langfuse:3.1.0\n    environment:\n      <<: [*a29, *a29]\n      K0: mine\n';
    const dir = project({ 'docker-compose.yml': bomb });
    const started = Date.now();
    const df = readComposeFile(path.join(dir, 'docker-compose.yml'), bomb, readFileFromDisk);
    assert.ok(Date.now() - started < 2000);
    assert.equal(df.targets[0].settings.size, 30);
    assert.equal(df.targets[0].settings.get('K0')!.value, 'mine');
  });
});
