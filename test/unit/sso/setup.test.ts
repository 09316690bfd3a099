import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDeploymentFiles } from '../../../src/core/deployment/checkDeployment';
import { SSO_PROVIDERS } from '../../../src/core/deployment/ssoProviders';
import {
  applySsoBlock, consoleFields, LANGFUSE_SSO_VERSION, parsePublicUrl, planSsoSetup, readDeploymentFileNoFollow,
  SsoInputError, SsoWriteError, writeDeploymentFileNoFollow,
} from '../../../src/core/sso/index';
import { assertOnlyInserted, diskReader, readFixture, SSO_FIXTURES, workspace } from './helpers';

const ACME = { provider: 'custom', publicUrl: 'https://langfuse.acme.com', issuer: 'https://idp.acme.com', clientId: 'langfuse-web', name: 'Acme SSO', enforceDomains: ['acme.com'], disablePasswordLogin: true };

describe('SSO assistant: providers, redirect URIs and input', () => {
  it('lists the providers of Langfuse 4.16.0 with their callback ids (custom is OIDC at /callback/custom, nothing is SAML)', () => {
    assert.equal(LANGFUSE_SSO_VERSION, '4.16.0');
    assert.deepEqual(SSO_PROVIDERS.map(p => p.id), ['google', 'github', 'github-enterprise', 'gitlab', 'azure-ad', 'okta', 'auth0', 'cognito', 'keycloak', 'authentik', 'onelogin', 'jumpcloud', 'workos', 'wordpress', 'custom']);
    const plan = planSsoSetup(ACME);
    assert.equal(plan.redirectUri, 'https://langfuse.acme.com/api/auth/callback/custom');
    assert.deepEqual(plan.checks, ['pkce', 'state']);
    assert.ok(!SSO_PROVIDERS.some(p => /saml/i.test(p.id)));
  });

  it('builds the redirect URI from origin and base path, and NEXTAUTH_URL with /api/auth under a base path', () => {
    const url = parsePublicUrl('https://acme.com/langfuse/');
    assert.deepEqual(url, { origin: 'https://acme.com', basePath: '/langfuse', nextAuthUrl: 'https://acme.com/langfuse/api/auth' });
    assert.deepEqual(parsePublicUrl('https://acme.com/langfuse/api/auth'), url, 'a pasted NEXTAUTH_URL is understood');
    assert.deepEqual(parsePublicUrl('https://acme.com', 'langfuse'), url);
    const okta = planSsoSetup({ ...ACME, provider: 'okta', publicUrl: 'https://acme.com:8443/lf', name: undefined });
    assert.equal(okta.redirectUri, 'https://acme.com:8443/lf/api/auth/callback/okta');
    const azure = planSsoSetup({ ...ACME, provider: 'azure-ad', issuer: 'https://login.microsoftonline.com/acme.onmicrosoft.com/v2.0', name: undefined });
    assert.equal(azure.issuerValue, 'acme.onmicrosoft.com', 'a pasted issuer URL yields the tenant');
    assert.equal(azure.discoveryIssuer, 'https://login.microsoftonline.com/acme.onmicrosoft.com/v2.0');
    assert.equal(planSsoSetup({ ...ACME, provider: 'google', issuer: undefined, name: undefined }).discoveryIssuer, 'https://accounts.google.com');
    assert.equal(planSsoSetup({ ...ACME, provider: 'github', issuer: undefined, name: undefined }).discoveryIssuer, undefined);
  });

  it('refuses input Langfuse would not take, saying what to give instead', () => {
    const refused = (input: object, pattern: RegExp) => assert.throws(() => planSsoSetup({ ...ACME, ...input }), (e: Error) => e instanceof SsoInputError && pattern.test(e.message));
    refused({ provider: 'saml' }, /not a provider Langfuse 4\.16\.0 supports.*custom = any OpenID Connect/);
    refused({ name: '' }, /AUTH_CUSTOM_NAME/);
    refused({ publicUrl: 'http://langfuse.acme.com' }, /only https:\/\/ redirect URIs/);
    refused({ issuer: 'http://idp.acme.com' }, /only https:\/\//);
    refused({ publicUrl: 'https://acme.com/a', basePath: '/b' }, /give one of them/);
    refused({ enforceDomains: ['@acme.com'] }, /not a domain/);
    refused({ provider: 'okta', issuer: undefined }, /AUTH_OKTA_ISSUER/);
    refused({ clientId: 'a b' }, /client ID/);
    assert.equal(parsePublicUrl('http://127.0.0.1:3000').origin, 'http://127.0.0.1:3000', 'plain http only on loopback');
  });

  it('explains each console field, the redirect URI first', () => {
    const fields = consoleFields(planSsoSetup({ ...ACME, provider: 'okta', name: undefined }));
    assert.equal(fields[0].field, 'Sign-in redirect URIs');
    assert.equal(fields[0].value, 'https://langfuse.acme.com/api/auth/callback/okta');
    assert.ok(fields.some(f => /Authorization Code/.test(f.value)) && fields.some(f => /email/.test(f.why)));
  });
});

const GOLDEN = [
  { name: 'compose map style (anchors, quoted values)', fixture: 'compose-map/docker-compose.yml', golden: 'compose-map.golden.yml' },
  { name: 'compose list style', fixture: 'compose-list/docker-compose.yml', golden: 'compose-list.golden.yml' },
  { name: 'Helm values (secretKeyRef)', fixture: 'helm/values.yaml', golden: 'helm-values.golden.yaml' },
];

describe('SSO assistant: the block it writes (golden files), and the compliance run on them', () => {
  for (const c of GOLDEN) {
    it(`${c.name}: matches the golden file, changes nothing else, and passes the compliance checks`, () => {
      const before = readFixture(c.fixture);
      const dir = workspace({ [c.fixture]: before });
      const file = path.join(dir, c.fixture);
      const result = applySsoBlock({ file, text: before, plan: planSsoSetup(ACME), read: diskReader });
      const golden = path.join(SSO_FIXTURES, 'golden', c.golden);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, result.newText);
      assert.equal(result.newText, fs.readFileSync(golden, 'utf8'));
      const block = assertOnlyInserted(before, result.newText);
      assert.doesNotMatch(block, /not-real|client-secret-value/, 'no secret value in the block');
      assert.match(block, /AUTH_CUSTOM_CLIENT_SECRET/);
      fs.writeFileSync(file, result.newText);
      const check = checkDeploymentFiles([file]);
      assert.deepEqual(check.findings.filter(f => f.severity !== 'info').map(f => `${f.code}: ${f.message}`), []);
      assert.ok(check.findings.some(f => f.code === 'sso-callback-url' && f.message.includes('https://langfuse.acme.com/api/auth/callback/custom')));
      assert.ok(check.evidence.some(e => e.requirement === 'sso-enforced') && check.evidence.some(e => e.requirement === 'password-login'));
    });
  }

  it('.env: the client secret only into a git-ignored file; then it passes the compliance checks', () => {
    const before = readFixture('env/langfuse.env');
    const plan = planSsoSetup({ ...ACME, publicUrl: 'https://langfuse.acme.com/langfuse' });
    const dir = workspace({ 'langfuse.env': before }, { ignored: ['*.env'] });
    const file = path.join(dir, 'langfuse.env');
    const secret = 'client-secret-value-0123456789';
    const result = applySsoBlock({ file, text: before, plan, clientSecret: secret, read: diskReader });
    assert.equal(result.secretWritten, true);
    const golden = path.join(SSO_FIXTURES, 'golden', 'env-ignored.golden.env');
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, result.newText.replace(secret, '<SECRET>'));
    assert.equal(result.newText.replace(secret, '<SECRET>'), fs.readFileSync(golden, 'utf8'));
    assertOnlyInserted(before, result.newText);
    fs.writeFileSync(file, result.newText);
    const check = checkDeploymentFiles([file]);
    assert.deepEqual(check.findings.filter(f => f.severity !== 'info').map(f => f.code), []);
    assert.ok(check.findings.some(f => f.code === 'sso-callback-url' && f.message.includes('https://langfuse.acme.com/langfuse/api/auth/callback/custom')));
  });

  it('.env not git-ignored: the secret is refused; left empty with a note, which the compliance check names', () => {
    const before = readFixture('env/langfuse.env');
    const plan = planSsoSetup({ ...ACME, publicUrl: 'https://langfuse.acme.com/langfuse', disablePasswordLogin: false });
    const dir = workspace({ 'langfuse.env': before }, { ignored: [] });
    const file = path.join(dir, 'langfuse.env');
    assert.throws(() => applySsoBlock({ file, text: before, plan, clientSecret: 'client-secret-value-x', read: diskReader }), /not git-ignored/);
    const result = applySsoBlock({ file, text: before, plan, read: diskReader });
    const golden = path.join(SSO_FIXTURES, 'golden', 'env-empty-secret.golden.env');
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, result.newText);
    assert.equal(result.newText, fs.readFileSync(golden, 'utf8'));
    assert.match(result.secretNote, /left empty/);
    fs.writeFileSync(file, result.newText);
    const codes = checkDeploymentFiles([file]).findings.filter(f => f.severity === 'error').map(f => f.code);
    assert.deepEqual(codes, ['sso-client-secret-missing', 'sso-enforced-without-provider']);
  });

  it('never writes the secret into compose or values files, and reports conflicting values instead of overwriting', () => {
    const before = readFixture('compose-list/docker-compose.yml');
    const dir = workspace({ 'docker-compose.yml': before });
    const file = path.join(dir, 'docker-compose.yml');
    assert.throws(() => applySsoBlock({ file, text: before, plan: planSsoSetup(ACME), clientSecret: 'x', read: diskReader }), /never written into a compose/);
    const withUrl = before.replace('      - SALT=${SALT}\n', '      - SALT=${SALT}\n      - NEXTAUTH_URL=https://other.acme.com\n');
    assert.throws(() => applySsoBlock({ file, text: withUrl, plan: planSsoSetup(ACME), read: diskReader }),
      (e: Error) => e instanceof SsoWriteError && /NEXTAUTH_URL is https:\/\/other\.acme\.com at docker-compose\.yml:7/.test(e.message));
    const once = applySsoBlock({ file, text: before, plan: planSsoSetup(ACME), read: diskReader }).newText;
    const twice = applySsoBlock({ file, text: once, plan: planSsoSetup(ACME), read: diskReader });
    assert.equal(twice.newText, once, 'running it again adds nothing');
    assert.deepEqual(twice.written, []);
  });

  it('writes only plain files inside the workspace, and only when the file is unchanged since read', () => {
    const dir = workspace({ 'ws/docker-compose.yml': 'services: {}\n', 'outside.yml': 'services: {}\n' });
    const root = path.join(dir, 'ws');
    fs.symlinkSync(path.join(dir, 'outside.yml'), path.join(root, 'linked.yml'));
    assert.throws(() => readDeploymentFileNoFollow(path.join(root, 'linked.yml'), root), /symbolic link/);
    assert.throws(() => readDeploymentFileNoFollow(path.join(dir, 'outside.yml'), root), /outside/);
    const file = path.join(root, 'docker-compose.yml');
    fs.chmodSync(file, 0o640);
    assert.throws(() => writeDeploymentFileNoFollow(file, root, 'something else\n', 'x'), /changed since it was read/);
    writeDeploymentFileNoFollow(file, root, 'services: {}\n', 'services: { a: {} }\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'services: { a: {} }\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'the mode is kept');
    assert.equal(fs.readFileSync(path.join(dir, 'outside.yml'), 'utf8'), 'services: {}\n');
    assert.deepEqual(fs.readdirSync(root).filter(f => f.endsWith('.tmp')), []);
  });
});
