// The client against the sandbox over real HTTP: every error a user can meet, typed and actionable.
import * as assert from 'node:assert/strict';
import {
  ConflictError, createLangfuseClient, InsecureUrlError, InvalidKeyError, NotFoundError, PlanGateError, UnauthorizedError,
  ValidationError, WrongKeyKindError, type LangfuseError,
} from '../../../src/core/langfuse';
import { assertNoSecret, closeEnv, openEnv, thrown, type Env } from './helpers';

describe('langfuse client: errors from a real server', () => {
  let env: Env | undefined;
  afterEach(async () => { await closeEnv(env); env = undefined; });

  it('a wrong secret is UnauthorizedError that names the key but never the secret', async () => {
    env = await openEnv();
    const pk = env.sandbox.credentials.organization.publicKey;
    const err = await thrown(() => env!.client({ publicKey: pk, secretKey: 'sk-lf-demo-wrong-0000-0000-000000000000' }).organizationMemberships.list());
    assert.ok(err instanceof UnauthorizedError, String(err));
    assert.equal(err.status, 401);
    assert.match(err.message, /pk-lf-[0-9a-f]{4}…0001/);
    assert.match(err.message, /base URL/);
    assertNoSecret(`${err.message} ${err.hint} ${err.stack} ${JSON.stringify(err)}`);
  });

  it('a revoked key is refused at once with UnauthorizedError', async () => {
    env = await openEnv();
    const created = await env.org.projectApiKeys.create('proj-staging-chatbot', { note: 'short-lived' });
    const fresh = env.client(created);
    assert.equal((await fresh.whoAmI()).name, 'staging-chatbot');
    await env.org.projectApiKeys.delete('proj-staging-chatbot', created.id);
    assert.ok(await thrown(() => fresh.whoAmI()) instanceof UnauthorizedError);
  });

  it('a project key on an organization route is WrongKeyKindError(needed organization)', async () => {
    env = await openEnv();
    const err = await thrown(() => env!.project('production-chatbot').projectApiKeys.list('proj-production-chatbot'));
    assert.ok(err instanceof WrongKeyKindError, String(err));
    assert.equal(err.needed, 'organization');
    assert.match(err.message, /organization API key/);
  });

  it('an organization key on who-am-I and on trace ingestion is WrongKeyKindError(needed project)', async () => {
    env = await openEnv();
    const a = await thrown(() => env!.org.whoAmI());
    assert.ok(a instanceof WrongKeyKindError && a.needed === 'project', String(a));
    const b = await thrown(() => env!.org.traces.create({ name: 'probe' }));
    assert.ok(b instanceof WrongKeyKindError && b.needed === 'project', String(b));
  });

  it('the oss plan gate is PlanGateError naming the plans that have admin-api', async () => {
    env = await openEnv({ plan: 'oss' });
    const err = await thrown(() => env!.org.organizationMemberships.list());
    assert.ok(err instanceof PlanGateError, String(err));
    assert.equal(err.entitlement, 'admin-api');
    assert.match(err.message, /Cloud Team, Cloud Enterprise and Self-hosted Enterprise/);
    const roles = await thrown(() => env!.org.projectMemberships.list('proj-staging-chatbot'));
    assert.ok(roles instanceof PlanGateError && roles.entitlement === 'rbac-project-roles', String(roles));
  });

  it('unknown ids are NotFoundError with the server text', async () => {
    env = await openEnv();
    const err = await thrown(() => env!.org.projectApiKeys.list('does-not-exist'));
    assert.ok(err instanceof NotFoundError, String(err));
    assert.match(err.message, /Project not found/);
    const user = await thrown(() => env!.org.organizationMemberships.upsert('no-such-user', 'MEMBER'));
    assert.ok(user instanceof NotFoundError && /User not found/.test(user.message), String(user));
  });

  it('a duplicate project name is ConflictError', async () => {
    env = await openEnv();
    const err = await thrown(() => env!.org.projects.create({ name: 'staging-chatbot' }));
    assert.ok(err instanceof ConflictError, String(err));
    assert.match(err.message, /already exists/);
  });

  it('validation errors name the field', async () => {
    env = await openEnv();
    const name = await thrown(() => env!.org.projects.create({ name: 'ab' }));
    assert.ok(name instanceof ValidationError && name.field === 'name', String(name));
    const role = await thrown(() => env!.org.organizationMemberships.upsert('user-developer', 'admin' as never));
    assert.ok(role instanceof ValidationError && role.field === 'role', String(role));
    const prefix = await thrown(() => env!.org.projectApiKeys.create('proj-staging-chatbot', { publicKey: 'pk-lf-x-1', secretKey: 'secret-without-prefix' }));
    assert.ok(prefix instanceof ValidationError && prefix.field === 'secretKey', String(prefix));
    assertNoSecret(prefix.message.replace('secret-without-prefix', 'sk-lf-demo-x'));
    assert.doesNotMatch(prefix.message, /secret-without-prefix/);
  });

  it('http:// to a remote host is refused before anything is sent', () => {
    assert.throws(
      () => createLangfuseClient({ baseUrl: 'http://langfuse.example.com', publicKey: 'pk-lf-1', secretKey: 'sk-lf-demo-1' }),
      (err: LangfuseError) => err instanceof InsecureUrlError && /https:\/\//.test(err.message),
    );
    assert.throws(() => createLangfuseClient({ baseUrl: 'https://cloud.langfuse.com/api/public', publicKey: 'pk-lf-1', secretKey: 'sk-lf-demo-1' }), /must not end in \/api\/public: use https:\/\/cloud.langfuse.com/);
  });

  it('a key containing ":" is refused before sending', async () => {
    env = await openEnv();
    const before = env.sandbox.stats.requests;
    assert.throws(
      () => env!.client({ publicKey: 'pk-lf-abc', secretKey: 'sk-lf-demo-has:colon' }),
      (err: LangfuseError) => err instanceof InvalidKeyError && !/has:colon/.test(err.message),
    );
    assert.equal(env.sandbox.stats.requests, before, 'no request may reach the server');
  });
});
