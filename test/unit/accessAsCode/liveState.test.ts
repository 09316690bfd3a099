// The live read behind plan, apply and export, against the sandbox over real HTTP: one round of
// organization lists, then each declared project's two lists — no capability check chained in front
// (its later requests would queue behind the fan-out) — and the wrong key or plan said in access-as-code
// terms, read off the same answers.
import { strict as assert } from 'node:assert';
import { LiveStateError } from '../../../src/core/accessAsCode';
import { readLiveOrganization } from '../../../src/core/accessAsCode/liveState';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';

describe('access as code: reading the live organization', function () {
  this.timeout(30_000);
  let sb: SandboxHandle;
  afterEach(async () => { await closeAllHostGates(); await sb?.close(); });

  it('reads the declared projects with 3 + 2 requests each and nothing else', async () => {
    sb = await startSandbox();
    const client = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization });
    sb.setFaults([{ kind: 'latency', ms: 40 }]);
    sb.resetStats();
    const live = await readLiveOrganization(client, { projects: ['production-chatbot', 'no-such-project'] });
    sb.clearFaults();
    assert.equal(sb.stats.requests, 3 + 2, 'the organization lists, then the one existing declared project\'s roles and keys');
    assert.equal(sb.stats.roundTrips, 2, 'with 40 ms latency: the organization lists side by side, then the project\'s two lists side by side');
    assert.deepEqual(live.projects.map(p => p.name), ['production-chatbot']);
    const prod = live.projects[0];
    assert.ok(prod.apiKeys.length > 0 && Array.isArray(prod.overrides));
    assert.ok(live.members.some(m => m.role === 'OWNER'));
    assert.equal(live.projectNames.length, sb.store.liveProjects().length);
    sb.resetStats();
    const all = await readLiveOrganization(client);
    assert.equal(sb.stats.requests, 3 + 2 * sb.store.liveProjects().length);
    assert.equal(all.projects.length, sb.store.liveProjects().length);
  });

  it('a project key is refused with what access as code needs instead', async () => {
    sb = await startSandbox();
    const [pair] = Object.values(sb.credentials.projects);
    const client = createLangfuseClient({ baseUrl: sb.url, ...pair });
    await assert.rejects(readLiveOrganization(client), (err: unknown) => err instanceof LiveStateError && /needs an organization API key: this connection uses a project key/.test(err.message));
  });

  it('a plan without the admin API is refused naming the plans that have it', async () => {
    sb = await startSandbox({ plan: 'oss' });
    const client = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization });
    await assert.rejects(readLiveOrganization(client, { projects: ['production-chatbot'] }), (err: unknown) => err instanceof LiveStateError && /needs the admin API \(Langfuse Cloud Team\/Enterprise or self-hosted Enterprise\)/.test(err.message));
  });

  it('any other failure is passed on as the client reported it (a 500 is retried first)', async () => {
    sb = await startSandbox();
    sb.setFaults([{ kind: 'serverError', status: 503, method: 'GET', path: '/api/public/organizations/apiKeys', times: 1 }]);
    const client = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const live = await readLiveOrganization(client, { projects: [] });
    assert.ok(live.organizationApiKeys.length > 0, 'the retried list arrived');
    sb.setFaults([{ kind: 'serverError', status: 502, method: 'GET', path: '/api/public/organizations/memberships', times: 4 }]);
    await assert.rejects(readLiveOrganization(client, { projects: [] }), (err: unknown) => !(err instanceof LiveStateError) && /502/.test((err as Error).message));
  });
});
