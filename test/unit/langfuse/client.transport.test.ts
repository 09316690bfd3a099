// Transport behaviour a user relies on: bounded concurrency per host, redirects that never carry
// credentials to another host, capability detection without side effects and with a cache.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLangfuseClient, loadOrganizationSnapshot, NetworkError, RedirectError } from '../../../src/core/langfuse';
import { buildLargeWorld } from '../../../src/sandbox';
import { closeEnv, FAST_RETRY, openEnv, thrown, type Env } from './helpers';

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('langfuse client: transport', () => {
  let env: Env | undefined;
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await closeEnv(env);
    env = undefined;
    await Promise.all(servers.splice(0).map(s => s.close()));
  });

  it('keeps at most maxConcurrency requests in flight, and uses them all', async () => {
    env = await openEnv({ world: buildLargeWorld({ projects: 30, memberships: 60, keys: 30 }), faults: [{ kind: 'latency', ms: 30 }] }, { maxConcurrency: 4 });
    const snapshot = await loadOrganizationSnapshot(env.org);
    assert.equal(snapshot.projects.length, 30);
    assert.equal(snapshot.projects.reduce((n, p) => n + (p.memberships?.length ?? 0), 0), 60);
    assert.equal(env.sandbox.stats.peakInFlight, 4, 'the server saw exactly the cap at once');
    assert.equal(env.org.stats().peakInFlight, 4);
  });

  it('withSignal cancels running and queued requests at once, and frees the slots', async () => {
    env = await openEnv({ faults: [{ kind: 'latency', ms: 2000 }] }, { maxConcurrency: 2 });
    const controller = new AbortController();
    const cancellable = env.org.withSignal(controller.signal);
    const calls = Array.from({ length: 5 }, () => cancellable.projects.list().then(() => 'done', (e: Error) => e));
    await new Promise(r => setTimeout(r, 50));
    const t0 = Date.now();
    controller.abort();
    const results = await Promise.all(calls);
    assert.ok(Date.now() - t0 < 500, `cancelling took ${Date.now() - t0} ms`);
    assert.ok(results.every(r => r instanceof NetworkError && /cancelled/.test(r.message)), results.map(String).join('; '));
    assert.equal(env.org.stats().inFlight, 0, 'every slot was given back');
    env.sandbox.clearFaults();
    assert.equal((await env.org.projects.list()).length, 3, 'the client itself still works');
  });

  it('follows a same-origin redirect with credentials', async () => {
    env = await openEnv();
    const target = env.sandbox.url;
    const proxy = await listen((req, res) => {
      if (req.url === '/old/api/public/projects') { res.writeHead(308, { location: '/api/public/projects' }); res.end(); return; }
      // forward to the sandbox, keeping the Authorization header (same origin from the client's view)
      void fetch(`${target}${req.url}`, { headers: { authorization: String(req.headers.authorization ?? '') } }).then(async r => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(await r.text());
      });
    });
    servers.push(proxy);
    const keys = env.sandbox.credentials.projects['staging-chatbot'];
    const client = createLangfuseClient({ baseUrl: `${proxy.url}/old`, ...keys, retry: FAST_RETRY });
    assert.equal((await client.whoAmI()).name, 'staging-chatbot');
  });

  it('refuses a redirect to another host and never sends it the credentials', async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = await listen((req, res) => { seen.push(req.headers.authorization); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"data":[]}'); });
    const redirecting = await listen((req, res) => { res.writeHead(302, { location: `${elsewhere.url.replace('127.0.0.1', 'localhost')}${req.url}` }); res.end(); });
    servers.push(elsewhere, redirecting);
    const client = createLangfuseClient({ baseUrl: redirecting.url, publicKey: 'pk-lf-x', secretKey: 'sk-lf-demo-redirect-test', retry: FAST_RETRY });
    const err = await thrown(() => client.whoAmI());
    assert.ok(err instanceof RedirectError, String(err));
    assert.match(err.message, /never sent to another host/);
    assert.deepEqual(seen, [], 'the other host must receive nothing');
  });

  it('detects key kind, plan and version without side effects, and caches the answer', async () => {
    env = await openEnv();
    const before = JSON.stringify(env.sandbox.store.toWorld().apiKeys) + JSON.stringify(env.sandbox.store.toWorld().organizationMemberships);
    const caps = await env.org.detectCapabilities();
    assert.deepEqual({ ...caps, checkedAt: undefined }, { keyKind: 'organization', adminApi: true, rbacProjectRoles: true, serverVersion: '4.16.0', checkedAt: undefined });
    const requests = env.sandbox.stats.requests;
    await env.org.detectCapabilities();
    assert.equal(env.sandbox.stats.requests, requests, 'a second call within the TTL is served from cache');
    await env.org.detectCapabilities({ refresh: true });
    assert.ok(env.sandbox.stats.requests > requests);
    const proj = await env.project('analytics-readonly').detectCapabilities();
    assert.equal(proj.keyKind, 'project');
    assert.deepEqual(proj.project, { id: 'proj-analytics-readonly', name: 'analytics-readonly' });
    assert.deepEqual(proj.organization, { id: 'org-acme', name: 'Acme Corp' });
    const after = JSON.stringify(env.sandbox.store.toWorld().apiKeys) + JSON.stringify(env.sandbox.store.toWorld().organizationMemberships);
    assert.equal(after, before, 'detection changed nothing');
  });

  it('reports a plan without admin-api for an oss organization key', async () => {
    env = await openEnv({ plan: 'oss' });
    const caps = await env.org.detectCapabilities();
    assert.equal(caps.keyKind, 'organization');
    assert.equal(caps.adminApi, false);
    assert.equal(caps.rbacProjectRoles, false);
  });
});
