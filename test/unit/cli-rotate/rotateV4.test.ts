// `langfuse-access rotate` against what a real user runs (a Langfuse 4.16.0 world): the trace probe by
// server version and never blocking, env targets pointing at a foreign host (--yes is not consent,
// --allow-foreign-host is), a rotation past the revoke that can only go forward, and the refusal for a
// key that is already gone (issue 18). Sandbox over real HTTP, real .env files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { command } from '../../../src/cli/commands/rotate';
import { assertNoSecret, envValues, OLD, PROJECT_ID, startCliHarness, type CliHarness } from './support/cliHarness';

const START = ['--connection', 'acme', '--project', 'production-chatbot', '--key', OLD.publicKey];

describe('cli: rotate on Langfuse 4.x', function () {
  this.timeout(30000);
  let h: CliHarness;
  afterEach(async () => { await h?.close(); });

  it('--probe-traces reads v2 observations on 4.16.0; when that fails the report says "trace probe unavailable" and compromised mode still completes (old 401, new 200)', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    const first = await h.run([...START, '--to', 'env:app/.env', '--probe-traces']);
    assert.equal(first.code, 1, first.err);
    // A service restarted with the new pair sends a span (OTLP on a real server; here straight into the sandbox's store).
    const deployed = envValues(`${h.dir}/app/.env`);
    const startTime = new Date().toISOString();
    h.sandbox.store.observations.push({ id: 'obs-1', traceId: 'trace-1', projectId: PROJECT_ID, type: 'SPAN', name: 'after-deploy', startTime, endTime: startTime, parentObservationId: null, environment: 'default' });
    const second = await h.run(['--resume', '--yes']);
    assert.equal(second.code, 0, second.err);
    assert.match(second.err, /Observations are arriving: 1 observation\(s\) in project production-chatbot since the cut-over \(GET \/api\/public\/v2\/observations, read with the new key\)\. This does not show which key sent them\./);
    assert.doesNotMatch(second.err, /GET \/api\/public\/traces/, 'the v3 trace list is not asked on a 4.x server');
    assert.ok(h.keys().some(k => k.publicKey === deployed.LANGFUSE_PUBLIC_KEY));

    // Compromised mode, with the observations endpoint failing: the probe is evidence, not a gate.
    const current = h.keys()[0];
    h.sandbox.setFaults([{ kind: 'serverError', status: 503, path: '/api/public/v2/observations' }]);
    const c = await h.run(['--connection', 'acme', '--project', 'production-chatbot', '--key', current.publicKey, '--to', 'env:app/.env', '--compromised', '--probe-traces', '--yes']);
    assert.equal(c.code, 0, c.err);
    assert.match(c.err, /Trace probe unavailable on Langfuse 4\.16\.0: GET \/api\/public\/v2\/observations failed: Langfuse at 127\.0\.0\.1:\d+ failed with 503/);
    assert.match(c.err, /Re-check: The old pair answers 401; the new pair works\./);
    const [now] = h.keys();
    assert.notEqual(now.publicKey, current.publicKey);
    const who = await fetch(`${h.sandbox.url}/api/public/projects`, { headers: { authorization: `Basic ${Buffer.from(`${current.publicKey}:${current.secretKey}`).toString('base64')}` } });
    assert.equal(who.status, 401, 'the old pair is revoked');
    const fresh = await fetch(`${h.sandbox.url}/api/public/projects`, { headers: { authorization: `Basic ${Buffer.from(`${now.publicKey}:${now.secretKey}`).toString('base64')}` } });
    assert.equal(fresh.status, 200, 'the new pair works');
    assertNoSecret(first.err + second.err + c.err + c.out, [now.secretKey]);
  });

  it('refuses an env target whose base URL names another host, even with --yes; --allow-foreign-host HOST is the consent', async () => {
    h = await startCliHarness();
    const file = h.envFile('svc/.env');
    fs.appendFileSync(file, 'LANGFUSE_HOST=https://collector.evil.example\n');
    const before = fs.readFileSync(file, 'utf8');
    const refused = await h.run([...START, '--to', 'env:svc/.env', '--yes']);
    assert.equal(refused.code, 2, refused.err);
    assert.match(refused.err, new RegExp(`svc/\\.env points its SDK at collector\\.evil\\.example, not at 127\\.0\\.0\\.1:${h.sandbox.port} where this key belongs: LANGFUSE_HOST=collector\\.evil\\.example \\(read by Python SDKs`));
    assert.match(refused.err, /--yes is not consent for this\. Name the host with --allow-foreign-host collector\.evil\.example/);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'the file is untouched');
    assert.deepEqual(h.keys().map(k => k.publicKey), [OLD.publicKey], 'no key was created');
    const other = await h.run([...START, '--to', 'env:svc/.env', '--yes', '--allow-foreign-host', 'other.example']);
    assert.equal(other.code, 2, 'consent for another host does not count');
    const allowed = await h.run([...START, '--to', 'env:svc/.env', '--yes', '--allow-foreign-host', 'https://Collector.Evil.Example/']);
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(allowed.err, /Allowed by --allow-foreign-host\./);
    assert.match(allowed.err, /svc\/\.env: before pk-lf-b1000000-0000-4000-8000-000000000001, pushed version \w+, points its SDK at collector\.evil\.example \(confirmed\)/);
    const journal = JSON.parse(fs.readFileSync(`${h.rotationsDir}/${allowed.out.trim().split(' ')[0]}.json`, 'utf8'));
    assert.deepEqual(journal.foreignHostsConfirmed.map((c: { hosts: string[] }) => c.hosts), [['collector.evil.example']]);
    const bad = await h.run([...START, '--to', 'env:svc/.env', '--allow-foreign-host', 'user@evil.example']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--allow-foreign-host needs a host such as collector\.example\.com/);
    assert.match(command.usage, /\[--allow-foreign-host HOST…\]/);
    const option = command.help().options.find(o => o.flag === '--allow-foreign-host HOST');
    assert.match(option?.description ?? '', /an env: target whose LANGFUSE_BASE_URL, LANGFUSE_BASEURL or LANGFUSE_HOST names HOST instead of the connection's host.*--yes is not consent/, 'rotate --help explains the consent');
  });

  it('past the revoke: --abort says it is past the point of no return and what --resume will do, and --resume finishes', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    // The new key disappears together with the old one, so the re-check after the revoke fails.
    let removed: { id: string; publicKey: string; secretKey: string } | undefined;
    h.sandbox.store.onChange = () => {
      if (removed || h.keys().some(k => k.publicKey === OLD.publicKey)) return;
      const [fresh] = h.keys();
      if (!fresh) return;
      removed = fresh;
      h.sandbox.store.apiKeys.delete(fresh.id);
    };
    const first = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(first.code, 1, first.err);
    const id = first.err.match(/rot-\d{8}-\d{6}-[0-9a-f]{6}/)![0];
    assert.match(first.err, new RegExp(`The old key may already be revoked, so this rotation can only go forward: "langfuse-access rotate --resume ${id}" will check that the old pair answers 401 and the new pair works, then wipe the pending secret and write the report\\.`));
    assert.doesNotMatch(first.err, /--abort/);
    const abort = await h.run(['--abort', id]);
    assert.equal(abort.code, 1);
    assert.match(abort.err, new RegExp(`Rotation ${id} is past the point of no return: the revoke of the old key ${OLD.publicKey} started at .*Finish it instead: langfuse-access rotate --resume ${id} will check that the old pair answers 401`));
    h.sandbox.store.onChange = () => undefined;
    h.sandbox.store.apiKeys.set(removed!.id, { id: removed!.id, scope: 'PROJECT', projectId: PROJECT_ID, publicKey: removed!.publicKey, secretKey: removed!.secretKey, note: null, createdAt: new Date().toISOString() });
    const resumed = await h.run(['--resume', id, '--yes']);
    assert.equal(resumed.code, 0, resumed.err);
    assert.equal(resumed.out.trim(), `${id} completed`);
  });

  it('a key a rotation here already revoked is refused naming that rotation and the next step; a key deleted elsewhere says so (issue 18)', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    const done = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(done.code, 0, done.err);
    const id = done.out.trim().split(' ')[0];
    const newKey = h.keys()[0].publicKey;
    const again = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(again.code, 2, again.err);
    assert.match(again.err, new RegExp(`${OLD.publicKey} is no longer a key of project production-chatbot: rotation ${id} revoked it at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(by engineering-lead@acme\\.com with the langfuse-access CLI, replaced by pk-lf-${newKey.slice(6, 10)}…${newKey.slice(-4)}; that rotation is completed\\)`));
    assert.match(again.err, /Use the new key pk-lf-.{4}….{4} .*see "langfuse-access rotate --list"/);
    assert.ok(!again.err.includes(newKey), 'the replacing key is shown masked');
    // Deleted in the Langfuse UI, never rotated here.
    const staging = [...h.sandbox.store.apiKeys.values()].find(k => k.projectId === 'proj-staging-chatbot')!;
    h.sandbox.store.apiKeys.delete(staging.id);
    const gone = await h.run(['--connection', 'acme', '--project', 'staging-chatbot', '--key', staging.publicKey, '--to', 'env:app/.env', '--yes'], { LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' });
    assert.equal(gone.code, 2, gone.err);
    assert.match(gone.err, /is not a key of project staging-chatbot: it was revoked or deleted in Langfuse \(not by a rotation on this machine\).*No rotation or audit entry on this machine mentions it\./);
    const analytics = [...h.sandbox.store.apiKeys.values()].find(k => k.projectId === 'proj-analytics-readonly')!;
    const wrong = await h.run(['--connection', 'acme', '--project', 'staging-chatbot', '--key', analytics.publicKey, '--to', 'env:app/.env', '--yes'], { LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' });
    assert.match(wrong.err, new RegExp(`${analytics.publicKey} is a key of project analytics-readonly, not of staging-chatbot`));
  });
});
