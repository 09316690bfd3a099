import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/command';
import { command as compliance } from '../../../src/cli/commands/compliance';
import { formatCommandHelp } from '../../../src/core/display/cliHelp';
import { command } from '../../../src/cli/commands/sso';
import type { OidcPeer } from '../../support/peers/oidcProvider';
import { startOidcProvider } from '../../support/peers/oidcProvider';
import { assertOnlyInserted, readFixture, workspace } from './helpers';

const CALLBACK = 'https://langfuse.acme.com/api/auth/callback/custom';

async function cli(cwd: string, env: Record<string, string>, ...args: string[]) {
  let out = '';
  let err = '';
  // In-process like src/cli/main.ts runs it: a UsageError is exit 2 with its message on stderr.
  try {
    const code = await command.run({ out: t => { out += t; }, err: t => { err += t; }, env: { CI: 'true', ...env }, cwd }, args);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: err + e.message };
  }
}

function auditEntries(stateHome: string): Array<Record<string, any>> {
  const file = path.join(stateHome, 'langfuse-access', 'audit.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map(l => JSON.parse(l)) : [];
}

describe('cli: langfuse-access sso check | setup', function () {
  this.timeout(30000);
  let peer: OidcPeer;
  let noPkce: OidcPeer;
  before(async () => { [peer, noPkce] = await Promise.all([startOidcProvider({ redirectUris: [CALLBACK] }), startOidcProvider({ redirectUris: [CALLBACK], withoutPkce: true })]); });
  after(async () => { await Promise.all([peer?.close(), noPkce?.close()]); });
  const base = (issuer: string) => ['--provider', 'custom', '--name', 'Acme SSO', '--issuer', issuer, '--client-id', 'langfuse-web', '--public-url', 'https://langfuse.acme.com'];

  it('--help describes the options with examples; bad usage exits 2 with the reason', async () => {
    const dir = workspace({});
    assert.match(command.usage, /^sso check --provider ID --issuer URL --client-id ID --public-url URL/);
    const help = formatCommandHelp('langfuse-access', command.usage, command.help());
    assert.match(help, /--disable-password-login\s+AUTH_DISABLE_USERNAME_PASSWORD=true/);
    assert.match(help, /Examples:\n {2}# .*\n {2}langfuse-access sso check --provider keycloak/);
    assert.equal((await cli(dir, {}, 'rotate')).code, 2);
    assert.equal((await cli(dir, {}, 'check', '--provider', 'saml', '--client-id', 'x', '--public-url', 'https://a.b')).code, 2);
    const noName = await cli(dir, {}, 'check', '--provider', 'custom', '--issuer', 'https://idp.acme.com', '--client-id', 'x', '--public-url', 'https://a.b');
    assert.deepEqual([noName.code, /AUTH_CUSTOM_NAME/.test(noName.err)], [2, true]);
    const plainHttp = await cli(dir, {}, 'check', ...base('http://idp.acme.com'));
    assert.deepEqual([plainHttp.code, /only https:\/\//.test(plainHttp.err)], [2, true]);
    const lockout = await cli(dir, {}, 'setup', ...base(peer.issuer), '--write', 'x.yml', '--disable-password-login');
    assert.deepEqual([lockout.code, /needs --check/.test(lockout.err)], [2, true]);
  });

  it('check: prints the redirect URI and console fields, exits 0 when the provider passes and 1 when it does not', async () => {
    const dir = workspace({});
    const ok = await cli(dir, {}, 'check', ...base(peer.issuer));
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /Redirect URI to register: https:\/\/langfuse\.acme\.com\/api\/auth\/callback\/custom/);
    assert.match(ok.out, /Langfuse 4\.16\.0/);
    assert.match(ok.out, /Online check of http:\/\/127\.0\.0\.1:\d+ .*: passed/);
    const bad = await cli(dir, {}, 'check', ...base(noPkce.issuer), '--format', 'json');
    assert.equal(bad.code, 1);
    const json = JSON.parse(bad.out);
    assert.equal(json.check.items.find((i: { id: string }) => i.id === 'pkce').status, 'fail');
  });

  it('setup --write --check --yes: writes the block into the compose file, audits it without a secret; the compliance run passes', async () => {
    const before = readFixture('compose-list/docker-compose.yml');
    const dir = workspace({ 'docker-compose.yml': before });
    const state = path.join(dir, 'state');
    const env = { XDG_STATE_HOME: state, LANGFUSE_ACCESS_SSO_CLIENT_SECRET: 'client-secret-value-should-not-appear', LANGFUSE_ACCESS_ACTING_AS: 'lead@acme.com' };
    const r = await cli(dir, env, 'setup', ...base(peer.issuer), '--write', 'docker-compose.yml', '--check', '--enforce-domains', 'acme.com', '--disable-password-login', '--yes');
    assert.equal(r.code, 0, r.out + r.err);
    const after = fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8');
    const block = assertOnlyInserted(before, after);
    assert.match(block, /- AUTH_CUSTOM_CLIENT_SECRET=\$\{AUTH_CUSTOM_CLIENT_SECRET\}\n/);
    assert.match(block, /- AUTH_DISABLE_USERNAME_PASSWORD=true\n/);
    assert.ok(!after.includes('should-not-appear') && !r.out.includes('should-not-appear'));
    const [entry] = auditEntries(state);
    assert.equal(entry.action, 'sso.setup');
    assert.equal(entry.details.onlineCheck, 'passed');
    assert.deepEqual(entry.details.variables.slice(0, 2), ['AUTH_CUSTOM_CLIENT_ID', 'AUTH_CUSTOM_CLIENT_SECRET']);
    assert.ok(!JSON.stringify(entry).includes('should-not-appear'));
    const report = await compliance.run({ out: () => undefined, err: () => undefined, env: {}, cwd: dir }, ['docker-compose.yml']);
    assert.equal(report, 0, 'the file it produced passes the compliance checks');
  });

  it('setup: a failing online check writes nothing (exit 1); without --yes and without a terminal nothing is written', async () => {
    const before = readFixture('compose-list/docker-compose.yml');
    const dir = workspace({ 'docker-compose.yml': before });
    const env = { XDG_STATE_HOME: path.join(dir, 'state') };
    const failed = await cli(dir, env, 'setup', ...base(noPkce.issuer), '--write', 'docker-compose.yml', '--check', '--yes');
    assert.equal(failed.code, 1);
    assert.match(failed.err, /online check failed: nothing was written/);
    const unconfirmed = await cli(dir, env, 'setup', ...base(peer.issuer), '--write', 'docker-compose.yml');
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.out, /Block for langfuse-web in docker-compose\.yml \(line 11\):\n {6}# Langfuse SSO: custom OIDC/);
    assert.equal(fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), before);
    assert.deepEqual(auditEntries(path.join(dir, 'state')), []);
  });

  it('setup into a git-ignored .env takes the secret from the environment, never from argv; a symlinked target is refused', async () => {
    const before = readFixture('env/langfuse.env');
    const dir = workspace({ 'langfuse.env': before }, { ignored: ['*.env'] });
    const env = { XDG_STATE_HOME: path.join(dir, 'state'), LANGFUSE_ACCESS_SSO_CLIENT_SECRET: 'client-secret-value-0123' };
    const r = await cli(dir, env, 'setup', ...base(peer.issuer), '--public-url', 'https://langfuse.acme.com/langfuse', '--write', 'langfuse.env', '--yes');
    assert.equal(r.code, 0, r.err);
    assert.match(fs.readFileSync(path.join(dir, 'langfuse.env'), 'utf8'), /^AUTH_CUSTOM_CLIENT_SECRET=client-secret-value-0123$/m);
    assert.ok(!r.out.includes('client-secret-value-0123'), 'the preview masks it');
    fs.symlinkSync(path.join(dir, 'langfuse.env'), path.join(dir, 'link.env'));
    const linked = await cli(dir, env, 'setup', ...base(peer.issuer), '--write', 'link.env', '--yes');
    assert.deepEqual([linked.code, /symbolic link/.test(linked.err)], [1, true]);
  });
});
