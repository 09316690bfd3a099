// Each resource module end to end against the sandbox, as the features will use them.
import * as assert from 'node:assert/strict';
import {
  closeAllHostGates, createLangfuseClient, ForbiddenError, NetworkError, NotFoundError, TimeoutError, UnauthorizedError,
} from '../../../src/core/langfuse';
import { Logger, MemoryLogSink } from '../../../src/core/log/logger';
import { startSandbox } from '../../../src/sandbox';
import { closeEnv, openEnv, thrown, type Env } from './helpers';

describe('langfuse client: resources', () => {
  let env: Env | undefined;
  afterEach(async () => { await closeEnv(env); env = undefined; });

  it('projects: create (201), rename, delete (202) — and the project\'s keys stop working at once', async () => {
    env = await openEnv();
    const created = await env.org.projects.create({ name: 'temp-project', metadata: { team: 'qa' }, retention: 30 });
    assert.deepEqual({ name: created.name, metadata: created.metadata, retentionDays: created.retentionDays }, { name: 'temp-project', metadata: { team: 'qa' }, retentionDays: 30 });
    const renamed = await env.org.projects.update(created.id, { name: 'temp-project-renamed' });
    assert.equal(renamed.name, 'temp-project-renamed');
    const key = await env.org.projectApiKeys.create(created.id, { note: 'doomed' });
    const keyClient = env.client(key);
    assert.equal((await keyClient.whoAmI()).id, created.id);
    await env.org.projects.delete(created.id);
    assert.ok(!(await env.org.projects.list()).some(p => p.id === created.id));
    assert.ok(await thrown(() => keyClient.whoAmI()) instanceof UnauthorizedError);
  });

  it('organization memberships: upsert, NONE, remove (idempotent), and no last-owner guard on the server', async () => {
    env = await openEnv();
    const m = await env.org.organizationMemberships.upsert('user-contractor', 'VIEWER');
    assert.deepEqual(m, { userId: 'user-contractor', role: 'VIEWER', email: 'contractor@example.com', name: 'Casey Contractor' });
    assert.equal((await env.org.organizationMemberships.upsert('user-contractor', 'NONE')).role, 'NONE');
    await env.org.organizationMemberships.remove('user-contractor');
    await env.org.organizationMemberships.remove('user-contractor');
    assert.ok(!(await env.org.organizationMemberships.list()).some(x => x.userId === 'user-contractor'));
    // Langfuse lets an org key demote the only OWNER: callers must guard (roles.wouldRemoveLastOwner).
    assert.equal((await env.org.organizationMemberships.upsert('user-engineering-lead', 'ADMIN')).role, 'ADMIN');
  });

  it('project memberships: overrides only; removing returns the user to the org role; removing twice is NotFoundError', async () => {
    env = await openEnv();
    await env.org.projectMemberships.upsert('proj-production-chatbot', 'user-developer', 'VIEWER');
    assert.deepEqual((await env.org.projectMemberships.list('proj-production-chatbot')).map(m => [m.userId, m.role]), [['user-developer', 'VIEWER']]);
    await env.org.projectMemberships.remove('proj-production-chatbot', 'user-developer');
    assert.deepEqual(await env.org.projectMemberships.list('proj-production-chatbot'), []);
    const again = await thrown(() => env!.org.projectMemberships.remove('proj-production-chatbot', 'user-developer'));
    assert.ok(again instanceof NotFoundError && /Project membership not found/.test(again.message), String(again));
    const outsider = await thrown(() => env!.org.projectMemberships.upsert('proj-production-chatbot', 'user-contractor', 'VIEWER'));
    assert.ok(outsider instanceof NotFoundError && /not a member of this organization/.test(outsider.message), String(outsider));
  });

  it('API keys: lists never show a secret; lastUsedAt stays null after use', async () => {
    env = await openEnv();
    const staging = env.project('staging-chatbot');
    await staging.whoAmI();
    const keys = await env.org.projectApiKeys.list('proj-staging-chatbot');
    assert.equal(keys.length, 1);
    assert.equal(keys[0].displaySecretKey, 'sk-lf-...0001');
    assert.equal(keys[0].lastUsedAt, null);
    assert.ok(!JSON.stringify(keys).includes('sk-lf-demo-'));
    assert.deepEqual((await env.org.organizationApiKeys.list()).map(k => k.note), ['acme-admin']);
  });

  it('SCIM: add someone who never logged in, deactivate, reactivate, change role, remove; the last owner is protected', async () => {
    env = await openEnv();
    const scim = env.org.scimUsers;
    const hire = await scim.create({ userName: 'New-Hire@acme.com', name: 'New Hire', roles: ['MEMBER'] });
    assert.equal(hire.userName, 'new-hire@acme.com');
    assert.equal((await scim.findByEmail('new-hire@acme.com'))?.id, hire.id);
    assert.equal((await env.org.organizationMemberships.list()).find(m => m.userId === hire.id)?.role, 'MEMBER');
    await scim.setActive(hire.id, false);
    assert.ok(await thrown(() => scim.get(hire.id)) instanceof NotFoundError);
    await scim.setActive(hire.id, true);
    await scim.replace(hire.id, { userName: 'new-hire@acme.com', active: true, roles: ['VIEWER'] });
    assert.equal((await env.org.organizationMemberships.list()).find(m => m.userId === hire.id)?.role, 'VIEWER');
    await scim.remove(hire.id);
    await scim.remove(hire.id);
    assert.deepEqual((await scim.listAll(2)).map(u => u.userName), ['engineering-lead@acme.com', 'senior-dev@acme.com', 'developer@acme.com', 'data-lead@acme.com', 'analyst@acme.com'], 'paging (2 per page) collects every member');
    const owner = await thrown(() => scim.remove('user-engineering-lead'));
    assert.ok(owner instanceof ForbiddenError && /last owner/.test(owner.message), String(owner));
  });

  it('no secret reaches an error or a log line, whatever fails', async () => {
    const sink = new MemoryLogSink();
    const logger = new Logger(sink);
    const canary = 'sk-lf-canary-0f0f0f0f-1111-4222-8333-444444444444';
    const sb = await startSandbox({ faults: [{ kind: 'latency', ms: 200, path: '/api/public/scim' }] });
    try {
      const client = createLangfuseClient({ baseUrl: sb.url, publicKey: sb.credentials.organization.publicKey, secretKey: canary, logger, timeoutMs: 50, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
      const errors = [
        await thrown(() => client.projects.list()),
        await thrown(() => client.scimUsers.list()),
      ];
      assert.ok(errors[0] instanceof UnauthorizedError && errors[1] instanceof TimeoutError, errors.map(String).join('; '));
      await sb.close();
      errors.push(await thrown(() => client.projects.list()));
      assert.ok(errors[2] instanceof NetworkError, String(errors[2]));
      for (const e of errors) {
        const text = `${e.message} ${(e as { hint?: string }).hint} ${e.stack} ${JSON.stringify(e)}`;
        assert.ok(!text.includes(canary) && !/sk-lf-canary-0f0f/.test(text), text);
      }
      assert.ok(sink.lines.length > 0, 'the client logs its requests');
      assert.ok(!sink.text().includes('canary'), sink.text());
    } finally {
      await sb.close().catch(() => undefined);
      await closeAllHostGates();
    }
  });
});
