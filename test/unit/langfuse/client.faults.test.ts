// Every sandbox fault against the real client: latency, 429 + Retry-After, 5xx, dropped connections,
// malformed JSON, schema drift, slow bodies — and what the client does about each.
import * as assert from 'node:assert/strict';
import {
  AmbiguousCreateError, generateKeyPair, NetworkError, RateLimitedError, SchemaError, ServerError, TimeoutError,
} from '../../../src/core/langfuse';
import { closeEnv, openEnv, thrown, type Env } from './helpers';

describe('langfuse client: sandbox faults', () => {
  let env: Env | undefined;
  afterEach(async () => { await closeEnv(env); env = undefined; });

  it('latency under the timeout just makes calls slower', async () => {
    env = await openEnv({ faults: [{ kind: 'latency', ms: 60 }] });
    const t0 = Date.now();
    assert.equal((await env.org.organizationMemberships.list()).length, 5);
    assert.ok(Date.now() - t0 >= 55);
  });

  it('latency over the timeout is TimeoutError after the retries', async () => {
    env = await openEnv({ faults: [{ kind: 'latency', ms: 400 }] }, { timeoutMs: 100, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await thrown(() => env!.org.projects.list());
    assert.ok(err instanceof TimeoutError, String(err));
    assert.match(err.message, /within 100 ms/);
  });

  it('429 with Retry-After is waited out and the call succeeds', async () => {
    env = await openEnv({ faults: [{ kind: 'rateLimit', times: 1, retryAfterSeconds: 1 }] });
    const t0 = Date.now();
    assert.equal((await env.org.projects.list()).length, 3);
    assert.ok(Date.now() - t0 >= 950, `waited only ${Date.now() - t0} ms`);
    assert.equal(env.sandbox.stats.requests, 2);
  });

  it('429 is repeated even for a POST (the limiter answers before the handler) and creates once', async () => {
    env = await openEnv({ faults: [{ kind: 'rateLimit', times: 1, retryAfterSeconds: 0, method: 'POST' }] });
    await env.org.projects.create({ name: 'after-429' });
    assert.equal((await env.org.projects.list()).filter(p => p.name === 'after-429').length, 1);
  });

  it('a Retry-After beyond the limit is RateLimitedError carrying the wait', async () => {
    env = await openEnv({ faults: [{ kind: 'rateLimit', retryAfterSeconds: 120 }] });
    const err = await thrown(() => env!.org.projects.list());
    assert.ok(err instanceof RateLimitedError, String(err));
    assert.equal(err.retryAfterMs, 120_000);
    assert.match(err.message, /Retry after 120 s/);
  });

  it('the sandbox rate limit itself (world budget) answers 429 with the Langfuse body', async () => {
    env = await openEnv({ faults: [] });
    env.sandbox.store.rateLimitPerMinute = 2;
    await env.org.organizationApiKeys.list();
    await env.org.organizationApiKeys.list();
    const res = await fetch(`${env.sandbox.url}/api/public/organizations/apiKeys`, {
      headers: { authorization: `Basic ${Buffer.from(`${env.sandbox.credentials.organization.publicKey}:${env.sandbox.credentials.organization.secretKey}`).toString('base64')}` },
    });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal(((await res.json()) as { code: string }).code, 'rate_limited');
  });

  it('5xx on a GET is retried until it succeeds', async () => {
    env = await openEnv({ faults: [{ kind: 'serverError', status: 503, times: 2 }] });
    assert.equal((await env.org.organizationApiKeys.list()).length, 1);
    assert.equal(env.sandbox.stats.requests, 3);
  });

  it('5xx that persists is ServerError', async () => {
    env = await openEnv({ faults: [{ kind: 'serverError', status: 502 }] });
    const err = await thrown(() => env!.org.organizationApiKeys.list());
    assert.ok(err instanceof ServerError && err.status === 502, String(err));
    assert.equal(env.sandbox.stats.requests, 4);
  });

  it('a POST create that failed after the server acted is found by lookup, not created twice', async () => {
    env = await openEnv({ faults: [{ kind: 'serverError', method: 'POST', phase: 'after', times: 1 }] });
    const created = await env.org.projects.create({ name: 'created-once' });
    const matching = (await env.org.projects.list()).filter(p => p.name === 'created-once');
    assert.equal(matching.length, 1);
    assert.equal(created.id, matching[0].id);
  });

  it('a POST create that failed before the server acted is sent again once', async () => {
    env = await openEnv({ faults: [{ kind: 'drop', method: 'POST', times: 1 }] });
    await env.org.projects.create({ name: 'second-try' });
    assert.equal((await env.org.projects.list()).filter(p => p.name === 'second-try').length, 1);
  });

  it('a lost answer to a generated key is AmbiguousCreateError naming the orphan; a predefined pair is recovered', async () => {
    env = await openEnv({ faults: [{ kind: 'drop', method: 'POST', phase: 'after', times: 2 }] });
    const err = await thrown(() => env!.org.projectApiKeys.create('proj-staging-chatbot', { note: 'lost answer' }));
    assert.ok(err instanceof AmbiguousCreateError, String(err));
    const keys = await env.org.projectApiKeys.list('proj-staging-chatbot');
    const orphan = keys.find(k => k.note === 'lost answer');
    assert.ok(orphan);
    assert.deepEqual(err.candidates, [orphan.id]);
    assert.equal(keys.filter(k => k.note === 'lost answer').length, 1, 'the client must not create a second key');

    const generated = generateKeyPair();
    assert.match(generated.secretKey, /^sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const pair = { publicKey: generated.publicKey, secretKey: generated.secretKey.replace('sk-lf-', 'sk-lf-demo-') };
    const recovered = await env.org.projectApiKeys.create('proj-staging-chatbot', { note: 'predefined', ...pair });
    assert.equal(recovered.secretKey, pair.secretKey);
    assert.equal((await env.client(pair).whoAmI()).id, 'proj-staging-chatbot');
  });

  it('a dropped connection on a GET is retried', async () => {
    env = await openEnv({ faults: [{ kind: 'drop', times: 1 }] });
    assert.equal((await env.org.projects.list()).length, 3);
  });

  it('a DELETE whose answer was lost is retried; its 404 counts as done once the list confirms it', async () => {
    env = await openEnv();
    const key = await env.org.projectApiKeys.create('proj-staging-chatbot', { note: 'to revoke' });
    env.sandbox.setFaults([{ kind: 'drop', method: 'DELETE', phase: 'after', times: 1 }]);
    await env.org.projectApiKeys.delete('proj-staging-chatbot', key.id);
    assert.ok(!(await env.org.projectApiKeys.list('proj-staging-chatbot')).some(k => k.id === key.id));
  });

  it('a connection that keeps dropping is NetworkError', async () => {
    env = await openEnv({ faults: [{ kind: 'drop' }] });
    const err = await thrown(() => env!.org.projects.list());
    assert.ok(err instanceof NetworkError, String(err));
    assert.match(err.message, /Cannot reach Langfuse/);
  });

  it('malformed JSON is SchemaError', async () => {
    env = await openEnv({ faults: [{ kind: 'malformedJson', times: 1 }] });
    const err = await thrown(() => env!.org.organizationMemberships.list());
    assert.ok(err instanceof SchemaError, String(err));
    assert.match(err.message, /malformed JSON/);
  });

  it('schema drift: a missing field is SchemaError naming it; an extra field is tolerated', async () => {
    env = await openEnv({ faults: [{ kind: 'schemaDrift', drift: 'missing', times: 1, path: '/api/public/organizations/memberships' }] });
    const err = await thrown(() => env!.org.organizationMemberships.list());
    assert.ok(err instanceof SchemaError, String(err));
    assert.match(err.message, /memberships\.0\.userId/);
    env.sandbox.setFaults([{ kind: 'schemaDrift', drift: 'extra' }]);
    assert.equal((await env.org.organizationMemberships.list()).length, 5);
  });

  it('a slow body within the timeout arrives whole; beyond it is TimeoutError', async () => {
    env = await openEnv({ faults: [{ kind: 'slowBody', chunkBytes: 200, ms: 20, times: 1 }] });
    assert.equal((await env.org.organizationMemberships.list()).length, 5);
    const slow = env.client(env.sandbox.credentials.organization, { timeoutMs: 150, retry: { attempts: 1 } });
    env.sandbox.setFaults([{ kind: 'slowBody', chunkBytes: 8, ms: 40 }]);
    assert.ok(await thrown(() => slow.organizationMemberships.list()) instanceof TimeoutError);
  });

  it('faults can be set over HTTP at /__sandbox/faults and cleared again', async () => {
    env = await openEnv();
    const control = `${env.sandbox.url}/__sandbox/faults`;
    const put = await fetch(control, { method: 'PUT', body: JSON.stringify([{ kind: 'serverError', status: 500 }]) });
    assert.equal(put.status, 200);
    assert.equal(((await (await fetch(control)).json()) as { faults: unknown[] }).faults.length, 1);
    assert.ok(await thrown(() => env!.org.projects.list()) instanceof ServerError);
    await fetch(control, { method: 'DELETE' });
    assert.equal((await env.org.projects.list()).length, 3);
    const bad = await fetch(control, { method: 'PUT', body: JSON.stringify([{ kind: 'explode' }]) });
    assert.equal(bad.status, 400);
  });
});
