import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckItem, OnlineCheckResult } from '../../../src/core/sso/index';
import { checkProviderOnline, planSsoSetup, SsoInputError } from '../../../src/core/sso/index';
import { freePort } from '../../support/peers/freePort';
import type { OidcPeer } from '../../support/peers/oidcProvider';
import { startOidcProvider } from '../../support/peers/oidcProvider';

const CALLBACK = 'https://langfuse.acme.com/api/auth/callback/custom';
const plan = (issuer: string, extra: object = {}) => planSsoSetup({ provider: 'custom', publicUrl: 'https://langfuse.acme.com', issuer, clientId: 'langfuse-web', name: 'Acme SSO', ...extra });
const item = (r: OnlineCheckResult, id: CheckItem['id']) => r.items.find(i => i.id === id);
const status = (r: OnlineCheckResult) => Object.fromEntries(r.items.map(i => [i.id, i.status]));

describe('SSO online check against a real OpenID Connect provider (oidc-provider on loopback)', function () {
  this.timeout(30000);
  let peer: OidcPeer;
  let slashPeer: OidcPeer;
  let noPkce: OidcPeer;
  before(async () => {
    [peer, slashPeer, noPkce] = await Promise.all([
      startOidcProvider({ redirectUris: [CALLBACK] }),
      startOidcProvider({ redirectUris: [CALLBACK], issuerTrailingSlash: true }),
      startOidcProvider({ redirectUris: [CALLBACK], withoutPkce: true }),
    ]);
  });
  after(async () => { await Promise.all([peer, slashPeer, noPkce].map(p => p?.close())); });

  it('discovery OK: issuer, endpoints, scopes, PKCE S256, client auth and the registered redirect URI all pass', async () => {
    const result = await checkProviderOnline(plan(peer.issuer));
    assert.equal(result.ok, true, JSON.stringify(result.items, null, 1));
    assert.deepEqual(status(result), { discovery: 'pass', issuer: 'pass', endpoints: 'pass', 'response-type': 'pass', scopes: 'pass', pkce: 'pass', 'client-auth': 'pass', 'redirect-uri': 'pass', state: 'unknown' });
    assert.match(item(result, 'redirect-uri')!.detail, /went on to its sign-in page/);
    assert.deepEqual(peer.requests.filter(r => !r.startsWith('GET /.well-known/') && !r.startsWith('GET /auth')), [], 'only discovery and one authorization request');
  });

  it('a redirect URI the client does not have, and an unknown client, fail with what to register', async () => {
    const wrong = await checkProviderOnline(plan(peer.issuer, { publicUrl: 'https://langfuse.acme.com/lf' }));
    assert.equal(wrong.ok, false);
    assert.match(item(wrong, 'redirect-uri')!.detail, /does not accept the redirect URI: register https:\/\/langfuse\.acme\.com\/lf\/api\/auth\/callback\/custom exactly/);
    const unknown = await checkProviderOnline(plan(peer.issuer, { clientId: 'someone-else' }));
    assert.match(item(unknown, 'redirect-uri')!.detail, /does not know the client id someone-else/);
  });

  it('issuer mismatch by a trailing slash, both ways, says the exact value to set', async () => {
    const typedWithSlash = await checkProviderOnline(plan(`${peer.issuer}/`));
    assert.equal(typedWithSlash.ok, false);
    assert.match(typedWithSlash.items[0].detail, /answers 404, because the issuer ends in "\/"/);
    assert.match(item(typedWithSlash, 'issuer')!.detail, new RegExp(`differ only by a trailing slash.*Set AUTH_CUSTOM_ISSUER to exactly "${peer.issuer}"`));
    const providerWithSlash = await checkProviderOnline(plan(slashPeer.origin));
    assert.equal(item(providerWithSlash, 'issuer')!.status, 'fail');
    assert.match(item(providerWithSlash, 'issuer')!.detail, new RegExp(`Set AUTH_CUSTOM_ISSUER to exactly "${slashPeer.origin}/"`));
    assert.equal((await checkProviderOnline(plan(slashPeer.issuer))).items.find(i => i.id === 'issuer')!.status, 'pass');
  });

  it('a provider without PKCE fails when Langfuse sends a PKCE challenge, and says how to fix it', async () => {
    const result = await checkProviderOnline(plan(noPkce.issuer));
    assert.equal(result.ok, false);
    assert.equal(item(result, 'pkce')!.status, 'fail');
    assert.match(item(result, 'pkce')!.detail, /Enable PKCE \(S256\).*AUTH_CUSTOM_CHECKS=state/);
    const stateOnly = await checkProviderOnline(plan(noPkce.issuer, { checks: ['state'] }));
    assert.equal(stateOnly.ok, true, 'with AUTH_CUSTOM_CHECKS=state PKCE is not required');
  });

  it('an unreachable issuer fails with the host; plain http to another host is refused before any network use', async () => {
    const port = await freePort();
    const down = await checkProviderOnline(plan(`http://127.0.0.1:${port}`));
    assert.equal(down.ok, false);
    assert.match(down.items[0].detail, new RegExp(`Could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    await assert.rejects(checkProviderOnline({ ...plan(peer.issuer), discoveryIssuer: 'http://idp.acme.com' }), (e: Error) => e instanceof SsoInputError && /Refused: .*http:\/\/ on idp\.acme\.com.*nothing was sent/.test(e.message));
    // An address that does reach the provider, but is not spelled as loopback: refused, and nothing arrives.
    const before = peer.requests.length;
    const mapped = `http://[::ffff:127.0.0.1]:${new URL(peer.origin).port}`;
    await assert.rejects(checkProviderOnline({ ...plan(peer.issuer), discoveryIssuer: mapped }), /Refused: .*http:\/\/ on \[::ffff:7f00:1\]/);
    assert.equal(peer.requests.length, before, 'the provider received nothing');
  });

  it('a plain OAuth 2.0 provider (GitHub) says there is nothing to discover and does not count as passed', async () => {
    const result = await checkProviderOnline(planSsoSetup({ provider: 'github', publicUrl: 'https://langfuse.acme.com', clientId: 'Iv1.abc' }));
    assert.deepEqual({ ok: result.ok, applicable: result.applicable }, { ok: false, applicable: false });
    assert.match(result.items[0].detail, /without OpenID Connect discovery/);
  });
});

describe('SSO online check against a hostile server: slow, huge and redirecting answers are bounded', function () {
  this.timeout(20000);
  let server: http.Server;
  let origin: string;
  let other: string;
  const hits: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      const url = req.url ?? '';
      if (url.startsWith('/slow/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
      } else if (url.startsWith('/huge/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => { while (sent < 512 && res.write(chunk)) sent++; if (sent < 512) res.once('drain', pump); else res.end(); };
        res.on('error', () => undefined);
        pump();
      } else if (url.startsWith('/silent/')) {
        // never answers
      } else if (url.startsWith('/away/')) {
        res.writeHead(302, { location: `${other}/stolen/.well-known/openid-configuration` }).end();
      } else if (url.startsWith('/moved/')) {
        res.writeHead(301, { location: '/real/.well-known/openid-configuration' }).end();
      } else if (url.startsWith('/real/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: `${origin}/moved`, authorization_endpoint: `${origin}/real/auth`, token_endpoint: `${origin}/real/token`, jwks_uri: `${origin}/real/jwks`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
    other = `http://localhost:${port}`;
  });
  after(() => new Promise<void>(r => { server.closeAllConnections(); server.close(() => r()); }));
  const quick = { timeoutMs: 800, maxBytes: 64 * 1024, probeRedirect: false };

  it('a server that drips its answer or never answers is abandoned at the deadline', async () => {
    for (const p of ['/slow', '/silent']) {
      const r = await checkProviderOnline(plan(`${origin}${p}`), quick);
      assert.equal(r.ok, false);
      assert.match(r.items[0].detail, /No complete answer from 127\.0\.0\.1:\d+ within 0\.8 s/);
    }
  });

  it('a huge answer is cut off at the size limit', async () => {
    const r = await checkProviderOnline(plan(`${origin}/huge`), quick);
    assert.match(r.items[0].detail, /larger than 64 KiB/);
  });

  it('a redirect to another host is not followed; one within the issuer\'s origin is', async () => {
    const before = hits.length;
    const away = await checkProviderOnline(plan(`${origin}/away`), quick);
    assert.match(away.items[0].detail, /redirected \(HTTP 302\) to http:\/\/localhost:\d+; redirects to another host are not followed/);
    assert.ok(!hits.slice(before).some(h => h.startsWith('/stolen')), 'the other host was never asked');
    const moved = await checkProviderOnline(plan(`${origin}/moved`), quick);
    assert.equal(moved.ok, true, JSON.stringify(moved.items));
  });
});
