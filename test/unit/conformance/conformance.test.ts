// `langfuse-access conformance` against the sandbox over real HTTP: green on Langfuse 4.x and 3.x
// worlds and on every plan, a clear failure (and a complete cleanup) against a broken server, a stop
// before any change for an identity that is not OWNER/ADMIN, and JSON a CI job can read.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoSecret, ORG, startCliHarness, type CliHarness } from '../cli-rotate/support/cliHarness';
import { leftovers, runConformance } from './harness';

describe('cli: langfuse-access conformance (sandbox over real HTTP)', function () {
  this.timeout(60_000);
  let h: CliHarness;
  afterEach(async () => { await h?.close(); });

  for (const serverVersion of ['4.16.0', '3.112.0']) {
    it(`passes every check on a Langfuse ${serverVersion} world (Team plan) and leaves nothing behind`, async () => {
      h = await startCliHarness({ serverVersion });
      const r = await runConformance(h);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out);
      assert.deepEqual(report.summary, { passed: 14, failed: 0, skipped: 0 }, r.err);
      assert.equal(report.server.version, serverVersion);
      const rotation = report.checks.find((c: { id: string }) => c.id === 'rotation');
      assert.match(rotation.detail, /old pair 401, new pair 200/);
      assert.match(rotation.detail, serverVersion.startsWith('4') ? /trace probe available \(v2-observations\)/ : /trace probe available \(v3-traces\)/);
      assert.match(r.err, /^PASS {2}Complete rotation into a \.env target \(\d+(\.\d)? m?s\)/m);
      const roundTrip = report.checks.find((c: { id: string }) => c.id === 'accessAsCode.roundTrip');
      assert.equal(roundTrip.status, 'pass', roundTrip.detail);
      assert.match(roundTrip.detail, /export of lfa-conformance-\S+ \(1 key\(s\)\) planned no changes; declared lfa-conformance-\S+-aac@example\.com with a NONE project role .* plan listed exactly those 3 changes; apply made them; plan after apply: no changes; pk-lf-\w{4}…\w{4} answers 200, its secret only in its store/);
      assert.match(r.err, /14 passed, 0 failed, 0 skipped/);
      assert.match(r.err, /SCIM-created users stay in Langfuse as users without any membership/);
      assert.deepEqual(leftovers(h.sandbox), []);
      assert.deepEqual(fs.readdirSync(path.join(h.stateDir, 'conformance')), [], 'no journal or work folder is left');
      const audit = fs.readFileSync(path.join(h.stateDir, 'audit.jsonl'), 'utf8');
      for (const action of ['project.create', 'member.add', 'projectRole.set', 'projectRole.clear', 'member.remove', 'apiKey.create', 'apiKey.revoke', 'rotation.completed', 'project.delete', 'access.export', 'access.apply']) {
        assert.ok(audit.includes(`"${action}"`), `audited: ${action}`);
      }
      assertNoSecret(r.out + r.err + audit);
    });
  }

  it('on the OSS plan: reaches the server, skips what needs the admin API and names the plans that have it (exit 0)', async () => {
    h = await startCliHarness({ plan: 'oss' });
    const r = await runConformance(h, ['--connection', 'acme', '--yes']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^PASS {2}Key kind, plan and server version .*admin API no/m);
    assert.match(r.out, /^SKIP {2}Add a member by email \(SCIM, MEMBER\).*the plan lacks the admin-api entitlement — available on Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise/m);
    assert.match(r.out, /^SKIP {2}Access as code: export → plan → edit → plan → apply → plan.*the plan lacks the admin-api entitlement — available on Langfuse Cloud Team/m);
    assert.match(r.out, /1 passed, 0 failed, 13 skipped/);
  });

  it('on the self-hosted Enterprise plan: passes every check', async () => {
    h = await startCliHarness({ plan: 'enterprise' });
    const r = await runConformance(h);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).summary, { passed: 14, failed: 0, skipped: 0 });
    assert.deepEqual(leftovers(h.sandbox), []);
  });

  it('against a broken server: the failing check says why, the later checks go on, and the cleanup removes what it left (exit 1)', async () => {
    h = await startCliHarness();
    // Removing the member answers 502 to all four attempts of the client (it retries this idempotent DELETE): that check fails.
    h.sandbox.setFaults([{ kind: 'serverError', status: 502, method: 'DELETE', path: '/api/public/organizations/memberships', times: 4 }]);
    const r = await runConformance(h);
    assert.equal(r.code, 1, r.err);
    const report = JSON.parse(r.out);
    const remove = report.checks.find((c: { id: string }) => c.id === 'member.remove');
    assert.equal(remove.status, 'fail');
    assert.match(remove.detail, /502/);
    assert.match(r.err, /^FAIL {2}Remove the member \(\d+(\.\d)? m?s\): .*502/m);
    assert.equal(report.checks.find((c: { id: string }) => c.id === 'rotation').status, 'pass', 'the later checks still run');
    assert.deepEqual(report.summary, { passed: 13, failed: 1, skipped: 0 });
    assert.ok(report.cleanup.removed.some((l: string) => /^member lfa-conformance-.*@example\.com removed$/.test(l)), report.cleanup.removed.join('\n'));
    assert.match(r.err, /13 passed, 1 failed, 0 skipped/);
    assert.deepEqual(leftovers(h.sandbox), []);
    assert.deepEqual(fs.readdirSync(path.join(h.stateDir, 'conformance')), []);
  });

  it('the access-as-code round trip fails clearly when a step fails, and the cleanup still removes its member and leaves no key', async () => {
    h = await startCliHarness();
    // Once apply has added the round trip's member, the next key revoke (the check's own, after apply
    // and verification) answers 502 to both of the client's attempts: the check fails there.
    const { store } = h.sandbox;
    let armed = false;
    store.onChange = () => {
      if (armed || ![...store.users.values()].some(u => u.email.endsWith('-aac@example.com') && store.orgMemberships.has(u.id))) return;
      armed = true;
      h.sandbox.addFaults([{ kind: 'serverError', status: 502, method: 'DELETE', path: '/api/public/projects/', times: 2 }]);
    };
    const r = await runConformance(h);
    const report = JSON.parse(r.out);
    const roundTrip = report.checks.find((c: { id: string }) => c.id === 'accessAsCode.roundTrip');
    assert.equal(roundTrip.status, 'fail', roundTrip.detail);
    assert.match(roundTrip.detail, /502/);
    assert.equal(r.code, 1);
    assert.ok(report.cleanup.removed.some((l: string) => /^member lfa-conformance-.*-aac@example\.com removed$/.test(l)), report.cleanup.removed.join('\n'));
    // Its key went with the throwaway project (deleted by the next check; the journal would revoke it in a --project run).
    assert.deepEqual(leftovers(h.sandbox), []);
    assert.deepEqual(fs.readdirSync(path.join(h.stateDir, 'conformance')), []);
  });

  it('stops before changing anything when the acting identity is not OWNER or ADMIN', async () => {
    h = await startCliHarness({ env: { LANGFUSE_ACCESS_ACTING_AS: 'developer@acme.com' } });
    const projects = h.sandbox.store.liveProjects().length;
    const keys = h.sandbox.store.apiKeys.size;
    const r = await runConformance(h, ['--connection', 'acme', '--yes']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^FAIL {2}Acting identity is OWNER or ADMIN .*developer@acme\.com is MEMBER; conformance must act as an OWNER or ADMIN .* Nothing was changed\./m);
    assert.match(r.out, /Stopped early: stopped before changing anything/);
    assert.equal(h.sandbox.store.liveProjects().length, projects);
    assert.equal(h.sandbox.store.apiKeys.size, keys);
  });

  it('removes leftovers of a run started over an hour ago that left no journal here (another machine)', async () => {
    h = await startCliHarness();
    const orgKey = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };
    const auth = { authorization: `Basic ${Buffer.from(`${orgKey.publicKey}:${orgKey.secretKey}`).toString('base64')}`, 'content-type': 'application/json' };
    const old = 'lfa-conformance-20200101t000000-abcdef';
    const res = await fetch(`${h.sandbox.url}/api/public/projects`, { method: 'POST', headers: auth, body: JSON.stringify({ name: old }) });
    assert.equal(res.status, 201);
    const r = await runConformance(h);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.match(report.checks.find((c: { id: string }) => c.id === 'cleanup-earlier').detail, new RegExp(`project ${old} deleted \\(left by an earlier run\\)`));
    assert.deepEqual(leftovers(h.sandbox), []);
  });

  it('--project uses an existing project, touches only keys it creates, and revokes earlier runs\' keys only with --allow-existing-keys', async () => {
    h = await startCliHarness();
    const projectId = 'proj-production-chatbot';
    const keysBefore = [...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === projectId).map(k => k.id);
    const auth = { authorization: `Basic ${Buffer.from(`${ORG.publicKey}:${ORG.secretKey}`).toString('base64')}`, 'content-type': 'application/json' };
    const stale = await fetch(`${h.sandbox.url}/api/public/projects/${projectId}/apiKeys`, { method: 'POST', headers: auth, body: JSON.stringify({ note: 'lfa-conformance-20200101t000000-abcdef rotation' }) });
    assert.equal(stale.status, 201);
    const staleId = (await stale.json() as { id: string }).id;
    const r = await runConformance(h, ['--connection', 'acme', '--project', 'production-chatbot', '--yes', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.summary, { passed: 13, failed: 0, skipped: 1 });
    assert.match(report.checks.find((c: { id: string }) => c.id === 'project.delete').detail, /the existing project production-chatbot is kept/);
    assert.ok(report.cleanup.notes.some((n: string) => /1 key\(s\) noted lfa-conformance-… by earlier runs .* left alone \(pass --allow-existing-keys/.test(n)));
    const keysAfter = [...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === projectId).map(k => k.id);
    assert.deepEqual(keysAfter.sort(), [...keysBefore, staleId].sort(), 'the project keeps exactly its own keys and the earlier run\'s key');
    const again = await runConformance(h, ['--connection', 'acme', '--project', 'production-chatbot', '--allow-existing-keys', '--yes', '--json']);
    assert.equal(again.code, 0, again.err);
    assert.ok(!h.sandbox.store.apiKeys.has(staleId), 'revoked with --allow-existing-keys');
    assert.deepEqual([...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === projectId).map(k => k.id).sort(), [...keysBefore].sort());
  });

  it('without --yes and without a terminal it changes nothing and says what to pass (exit 2)', async () => {
    h = await startCliHarness();
    const r = await runConformance(h, ['--connection', 'acme']);
    assert.equal(r.code, 2);
    assert.match(r.err, /pass --yes to run it without a terminal/);
    assert.ok(!fs.existsSync(path.join(h.stateDir, 'conformance')));
  });
});
