import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GOOD_DOTENV, GOOD_ENV, at, check, codes, fixture, only, project, webCompose } from './helpers';

function compose(envLines: string[], dotenv = GOOD_DOTENV, image?: string): ReturnType<typeof check> {
  const dir = project({ 'docker-compose.yml': webCompose(envLines, image), '.env': dotenv });
  return check(path.join(dir, 'docker-compose.yml'));
}

function without(name: string, lines = GOOD_ENV): string[] {
  return lines.filter(l => !l.startsWith(`${name}=`));
}

function replace(name: string, value: string, lines = GOOD_ENV): string[] {
  return [...without(name, lines), `${name}=${value}`];
}

describe('deployment checks', () => {
  it('passes a hardened compose file with no warnings or errors', () => {
    const r = compose(GOOD_ENV);
    assert.deepEqual(r.findings.filter(f => f.severity !== 'info').map(at), []);
    assert.deepEqual(codes(r.findings), ['sso-callback-url']);
    assert.match(r.findings[0].message, /https:\/\/langfuse\.acme\.com\/api\/auth\/callback\/okta/);
    const hardened = check(fixture('hardened/docker-compose.yml'));
    assert.deepEqual(hardened.findings.filter(f => f.severity !== 'info').map(at), []);
  });

  it('signup: missing or not "true" is a warning that explains what disabling really blocks', () => {
    const missing = only(compose(without('AUTH_DISABLE_SIGNUP')), 'signup-enabled');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /first SSO login and invited people without an account/);
    assert.equal(missing[0].fixes[0].kind, 'insertVariable');
    const falsy = only(compose(replace('AUTH_DISABLE_SIGNUP', 'false')), 'signup-enabled');
    assert.equal(falsy[0].fixes[0].kind, 'replaceText');
    assert.equal(only(compose(replace('AUTH_DISABLE_SIGNUP', 'TRUE')), 'signup-enabled').length, 0);
  });

  it('SSO: enforcement, each provider\'s required variables, custom OIDC name, SAML URLs, callback ids', () => {
    assert.equal(only(compose(without('AUTH_DOMAINS_WITH_SSO_ENFORCEMENT')), 'sso-not-enforced').length, 1);
    const incomplete = compose(without('AUTH_OKTA_ISSUER'));
    assert.match(only(incomplete, 'sso-provider-incomplete')[0].message, /Okta SSO is missing AUTH_OKTA_ISSUER/);
    assert.equal(only(incomplete, 'sso-enforced-without-provider').length, 1);
    assert.equal(only(incomplete, 'no-login-method').length, 1, 'password login off and no provider: nobody can sign in');

    const custom = ['AUTH_CUSTOM_CLIENT_ID=lf', 'AUTH_CUSTOM_CLIENT_SECRET=${S}', 'AUTH_CUSTOM_ISSUER=https://idp.acme.com'];
    const noName = compose([...GOOD_ENV.filter(l => !l.startsWith('AUTH_OKTA')), ...custom]);
    assert.equal(only(noName, 'sso-custom-name-missing').length, 1);
    const named = compose([...GOOD_ENV.filter(l => !l.startsWith('AUTH_OKTA')), ...custom, 'AUTH_CUSTOM_NAME=Acme SSO']);
    assert.match(only(named, 'sso-callback-url')[0].message, /callback\/custom\b/);
    assert.doesNotMatch(only(named, 'sso-callback-url')[0].message, /saml/);

    const ghe = compose([...GOOD_ENV, 'AUTH_GITHUB_ENTERPRISE_CLIENT_ID=x', 'AUTH_GITHUB_ENTERPRISE_CLIENT_SECRET=${G}']);
    assert.match(only(ghe, 'sso-provider-incomplete')[0].message, /GitHub Enterprise SSO is missing AUTH_GITHUB_ENTERPRISE_BASE_URL/);

    const saml = check(fixture('hardening/docker-compose.yml'));
    assert.match(only(saml, 'sso-saml-url')[0].message, /no SAML support/);
    const basePath = compose(replace('NEXTAUTH_URL', 'https://acme.com/langfuse/api/auth', [...GOOD_ENV, 'NEXT_PUBLIC_BASE_PATH=/langfuse']));
    assert.match(only(basePath, 'sso-callback-url')[0].message, /https:\/\/acme\.com\/langfuse\/api\/auth\/callback\/okta/);
    assert.equal(only(basePath, 'nextauth-url-invalid').length, 0);
    const badChecks = compose([...GOOD_ENV, 'AUTH_OKTA_CHECKS=pkce,sso']);
    assert.match(only(badChecks, 'sso-option-invalid')[0].message, /"sso"/);
  });

  it('password login: warns when SSO is enforced for some domains but passwords stay open for others', () => {
    const r = compose(without('AUTH_DISABLE_USERNAME_PASSWORD'));
    const f = only(r, 'password-login-enabled');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /only for acme\.com; anyone with another address/);
  });

  it('ENCRYPTION_KEY: missing, wrong length, non-hex, all zeros — and what it does and does not encrypt', () => {
    const missing = only(compose(without('ENCRYPTION_KEY'), GOOD_DOTENV.replace(/^ENCRYPTION_KEY=.*\n/m, '')), 'encryption-key-missing');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /does not encrypt traces/);
    assert.equal(missing[0].fixes[0].kind, 'insertGeneratedSecret');
    const short = only(compose(GOOD_ENV, GOOD_DOTENV.replace(/^ENCRYPTION_KEY=.*$/m, 'ENCRYPTION_KEY=abc123')), 'encryption-key-invalid');
    assert.match(short[0].message, /has 6 characters; Langfuse needs exactly 64 hex/);
    assert.equal(path.basename(short[0].file), '.env', 'the finding points at the .env line that holds the value');
    const nonHex = only(compose(GOOD_ENV, GOOD_DOTENV.replace(/^ENCRYPTION_KEY=.*$/m, `ENCRYPTION_KEY=${'g'.repeat(64)}`)), 'encryption-key-invalid');
    assert.match(nonHex[0].message, /including non-hex ones/);
    const zeros = only(compose(GOOD_ENV, GOOD_DOTENV.replace(/^ENCRYPTION_KEY=.*$/m, `ENCRYPTION_KEY=${'0'.repeat(64)}`)), 'encryption-key-placeholder');
    assert.equal(zeros[0].fixes[0].kind, 'generateSecret');
  });

  it('web and worker with different ENCRYPTION_KEY values is an error', () => {
    const dir = project({
      'docker-compose.yml': 'services:\n  web:\n    image: langfuse/langfuse:3.1.0\n    environment:\n      ENCRYPTION_KEY: ${K1}\n  worker:\n    image: langfuse/langfuse-worker:3.1.0\n    environment:\n      ENCRYPTION_KEY: ${K2}\n',
      '.env': `K1=${'a'.repeat(64)}\nK2=${'b'.repeat(64)}\n`,
    });
    assert.equal(only(check(path.join(dir, 'docker-compose.yml')), 'encryption-key-mismatch').length, 1);
  });

  it('NEXTAUTH_SECRET and SALT: missing and the published placeholders', () => {
    const r = check(fixture('langfuse-v3/docker-compose.yml'));
    assert.match(only(r, 'nextauth-secret-placeholder')[0].message, /"mysecret"/);
    assert.match(only(r, 'salt-placeholder')[0].message, /"mysalt"/);
    assert.deepEqual(only(r, 'salt-placeholder').map(at), ['docker-compose.yml:13:14 salt-placeholder'], 'web and worker share one line: one finding');
    const missing = compose(without('SALT', without('NEXTAUTH_SECRET')));
    assert.equal(only(missing, 'salt-missing').length, 1);
    assert.equal(only(missing, 'nextauth-secret-missing').length, 1);
  });

  it('NEXTAUTH_URL: missing, not a URL, http (remote and loopback), https passes', () => {
    assert.equal(only(compose(without('NEXTAUTH_URL')), 'nextauth-url-missing').length, 1);
    assert.equal(only(compose(replace('NEXTAUTH_URL', 'langfuse.acme.com')), 'nextauth-url-invalid').length, 1);
    const remote = only(compose(replace('NEXTAUTH_URL', 'http://langfuse.acme.com')), 'nextauth-url-not-https');
    assert.deepEqual(remote[0].fixes.map(f => f.kind === 'replaceText' && f.newText), ['https://langfuse.acme.com']);
    const local = only(compose(replace('NEXTAUTH_URL', 'http://localhost:3000')), 'nextauth-url-not-https');
    assert.match(local[0].message, /trial on this machine only/);
  });

  it('default roles: privileged, invalid (NONE for projects), no effect, org-wide without licence', () => {
    const admin = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_ORG_ID=org-acme', 'LANGFUSE_DEFAULT_ORG_ROLE=ADMIN']);
    assert.match(only(admin, 'default-org-role-privileged')[0].message, /never to invited users/);
    const none = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_PROJECT_ID=proj-production-chatbot', 'LANGFUSE_DEFAULT_PROJECT_ROLE=NONE']);
    assert.match(only(none, 'default-role-invalid')[0].message, /NONE is rejected at startup/);
    const noop = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_PROJECT_ROLE=VIEWER']);
    assert.match(only(noop, 'default-role-no-effect')[0].message, /already the built-in default/);
    const orgWide = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_PROJECT_ID=proj-production-chatbot', 'LANGFUSE_DEFAULT_PROJECT_ROLE=VIEWER']);
    assert.match(only(orgWide, 'default-project-role-org-wide')[0].message, /every project of that organization/);
    const licensed = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_PROJECT_ID=proj-production-chatbot', 'LANGFUSE_DEFAULT_PROJECT_ROLE=VIEWER', 'LANGFUSE_EE_LICENSE_KEY=${LICENSE}']);
    assert.equal(licensed.findings.filter(f => f.code.startsWith('default-')).length, 0);
  });

  it('inline secrets in compose and Helm, default passwords from ${VAR:-default} and URLs', () => {
    const inline = compose(replace('AUTH_OKTA_CLIENT_SECRET', 'demo-okta-secret-not-real'));
    const f = only(inline, 'inline-secret');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].kind, 'moveToEnvFile');
    assert.doesNotMatch(JSON.stringify(inline.findings), /demo-okta-secret-not-real/, 'no finding carries the secret');
    const v3 = check(fixture('langfuse-v3/docker-compose.yml'));
    const defaults = only(v3, 'default-password').map(x => x.message);
    assert.ok(defaults.some(m => /DATABASE_URL contains the published default password "postgres"/.test(m)));
    assert.ok(defaults.some(m => /REDIS_AUTH is the published default "myredissecret" \(the fallback written in \$\{REDIS_AUTH:-…\}/.test(m)));
    assert.ok(defaults.some(m => /MINIO_ROOT_PASSWORD/.test(m)));
    const helm = check(fixture('helm/values-chart-1x.yaml'));
    assert.match(only(helm, 'inline-secret')[0].message, /secretKeyRef/);
    assert.equal(only(helm, 'inline-secret').length, 1, 'secretKeyRef/valueFrom values are not inline');
  });

  it('images: latest and untagged warn, major-only is info, exact versions and digests pass', () => {
    assert.equal(only(compose(GOOD_ENV, GOOD_DOTENV, 'langfuse/langfuse:latest'), 'image-unpinned').length, 1);
    assert.equal(only(compose(GOOD_ENV, GOOD_DOTENV, 'langfuse/langfuse'), 'image-unpinned').length, 1);
    assert.equal(only(compose(GOOD_ENV, GOOD_DOTENV, 'registry.acme.com:5000/langfuse/langfuse:3'), 'image-floating').length, 1);
    const pinned = compose(GOOD_ENV, GOOD_DOTENV, 'registry.acme.com:5000/langfuse/langfuse:3.135.0');
    assert.equal(pinned.findings.filter(x => x.code.startsWith('image')).length, 0);
    assert.equal(only(check(fixture('helm/values-chart-0x.yaml')), 'image-unpinned').length, 1);
  });

  it('a server .env file gets the same checks at its own lines', () => {
    const r = check(fixture('server/langfuse-server.env'));
    assert.deepEqual(r.findings.filter(f => f.severity === 'error').map(at), [
      'langfuse-server.env:3:17 nextauth-secret-placeholder',
      'langfuse-server.env:4:6 salt-placeholder',
      'langfuse-server.env:5:16 encryption-key-placeholder',
      'langfuse-server.env:6:1 sso-custom-name-missing',
    ]);
    assert.equal(only(r, 'inline-secret').length, 0, 'a .env file is where secrets belong');
  });

  it('cloud region set on a self-hosted instance warns', () => {
    assert.equal(only(compose([...GOOD_ENV, 'NEXT_PUBLIC_LANGFUSE_CLOUD_REGION=EU']), 'cloud-region-set').length, 1);
  });
});

describe('deployment checks: headless initialisation', () => {
  it('flags partial LANGFUSE_INIT_* groups and a weak initial password, and passes a complete one', () => {
    const partial = compose([...GOOD_ENV, 'LANGFUSE_INIT_PROJECT_ID=proj-production-chatbot', 'LANGFUSE_INIT_PROJECT_PUBLIC_KEY=pk-lf-b1000000-0000-4000-8000-000000000001', 'LANGFUSE_INIT_USER_EMAIL=engineering-lead@acme.com', 'LANGFUSE_INIT_USER_PASSWORD=short']);
    const messages = only(partial, 'init-incomplete').map(f => f.message);
    assert.ok(messages.some(m => /without the organization id/.test(m)));
    assert.ok(messages.some(m => /LANGFUSE_INIT_PROJECT_PUBLIC_KEY is set without LANGFUSE_INIT_PROJECT_SECRET_KEY/.test(m)));
    assert.match(only(partial, 'init-weak-password')[0].message, /has 5 characters \(Langfuse needs at least 8\)/);
    const complete = compose([...GOOD_ENV, 'LANGFUSE_INIT_ORG_ID=org-acme', 'LANGFUSE_INIT_USER_EMAIL=engineering-lead@acme.com', 'LANGFUSE_INIT_USER_PASSWORD=${INIT_PASSWORD}'], `${GOOD_DOTENV}INIT_PASSWORD=correct-horse-battery\n`);
    assert.equal(complete.findings.filter(f => f.code.startsWith('init-')).length, 0);
    assert.ok(complete.evidence.some(e => e.requirement === 'headless-init'));
  });
});

describe('deployment checks: licence nuance', () => {
  it('a Pro licence does not give project-level roles', () => {
    const pro = compose([...GOOD_ENV, 'LANGFUSE_DEFAULT_PROJECT_ID=proj-production-chatbot', 'LANGFUSE_EE_LICENSE_KEY=langfuse_pro_demo']);
    assert.match(only(pro, 'default-project-role-org-wide')[0].message, /a langfuse_pro_ licence is not enough/);
  });
});
