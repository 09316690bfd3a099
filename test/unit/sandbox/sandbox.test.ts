// The sandbox as other suites use it: worlds, state file, trace path, admin API, CLI.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clockStartingAt } from '../../../src/core/clock';
import { SandboxCredentials } from '../../../src/core/connections/connection';
import { keyAgeDays } from '../../../src/core/keys/keyHealth';
import { closeAllHostGates, createLangfuseClient, UnsupportedError } from '../../../src/core/langfuse';
import { loadWorld, parseWorld, startSandbox, WorldError, type SandboxHandle } from '../../../src/sandbox';

const ROOT = path.join(__dirname, '../../..');

async function thrown(fn: () => Promise<unknown>): Promise<Error> {
  try { await fn(); } catch (err) { return err as Error; }
  throw new Error('expected a failure');
}

function basic(k: { publicKey: string; secretKey: string }): string {
  return `Basic ${Buffer.from(`${k.publicKey}:${k.secretKey}`).toString('base64')}`;
}

describe('sandbox', () => {
  let tmp: string;
  const open: SandboxHandle[] = [];
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-sandbox-')); });
  afterEach(async () => {
    await Promise.all(open.splice(0).map(s => s.close()));
    await closeAllHostGates();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const start = async (...args: Parameters<typeof startSandbox>) => { const s = await startSandbox(...args); open.push(s); return s; };

  it('hands out the acme key pairs in the --credentials-out shape, with demo secrets', async () => {
    const sb = await start();
    const creds = SandboxCredentials.parse(sb.credentials);
    assert.equal(creds.organization.publicKey, 'pk-lf-a0000000-0000-4000-8000-000000000001');
    assert.deepEqual(Object.keys(creds.projects), ['production-chatbot', 'staging-chatbot', 'analytics-readonly']);
    assert.equal(creds.projects['production-chatbot'].projectId, 'proj-production-chatbot');
    for (const k of [creds.organization, ...Object.values(creds.projects)]) assert.match(k.secretKey, /^sk-lf-demo-/);
    assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('marks keys it creates as demo secrets so canary checks catch leaks', async () => {
    const sb = await start();
    const org = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization });
    const created = await org.projectApiKeys.create('proj-staging-chatbot', { note: 'rotation' });
    assert.match(created.secretKey, /^sk-lf-demo-[0-9a-f-]{36}$/);
    assert.match(created.publicKey, /^pk-lf-[0-9a-f-]{36}$/);
  });

  it('refuses broken world files with a message naming the problem', () => {
    assert.throws(() => parseWorld('organization: [', 'w.yaml'), (e: Error) => e instanceof WorldError && /w.yaml is not valid YAML/.test(e.message));
    assert.throws(() => parseWorld('organization: { id: o, name: O, plan: gold }\nusers: []\norganizationMemberships: []\nprojects: []\napiKeys: []', 'w.yaml'), /organization.plan/);
    const dangling = 'organization: { id: o, name: O }\nusers: []\norganizationMemberships: [{ userId: ghost, role: ADMIN }]\nprojects: []\napiKeys: []';
    assert.throws(() => parseWorld(dangling, 'w.yaml'), /unknown user "ghost"/);
    assert.throws(() => loadWorld(path.join(tmp, 'missing.yaml')), /Cannot read world file .*ENOENT/);
  });

  it('loads a world file from disk', async () => {
    const file = path.join(tmp, 'tiny.yaml');
    fs.writeFileSync(file, [
      'organization: { id: org-tiny, name: Tiny, plan: enterprise }',
      'users: [{ id: u1, email: owner@tiny.example, name: Owner }]',
      'organizationMemberships: [{ userId: u1, role: OWNER }]',
      'projects: [{ id: p1, name: tiny-project }]',
      'apiKeys:',
      '  - { id: k1, scope: ORGANIZATION, publicKey: pk-lf-tiny-org, secretKey: sk-lf-demo-tiny-org, createdAt: "2026-01-01T00:00:00.000Z" }',
      '  - { id: k2, scope: PROJECT, projectId: p1, publicKey: pk-lf-tiny-p1, secretKey: sk-lf-demo-tiny-p1, createdAt: "2026-01-01T00:00:00.000Z" }',
    ].join('\n'));
    const sb = await start({ world: file });
    assert.equal(sb.store.org.plan, 'enterprise');
    assert.deepEqual(Object.keys(sb.credentials.projects), ['tiny-project']);
  });

  it('dates the built-in worlds from its start: on any day the acme production key is 180 days old and new keys are new', async () => {
    for (const at of ['2024-02-29T23:30:00.000Z', '2031-07-01T08:00:00.000Z']) {
      const sb = await start({ clock: clockStartingAt(new Date(at)) });
      const now = sb.clock.now();
      const age = (id: string) => keyAgeDays(sb.store.apiKeys.get(id)?.createdAt, now);
      assert.deepEqual(['key-production-chatbot', 'key-acme-admin', 'key-analytics-readonly', 'key-staging-chatbot'].map(age), [180, 88, 69, 44], at);
      const lead = sb.store.userByEmail('engineering-lead@acme.com');
      assert.ok(lead && Date.parse(lead.createdAt) < now.getTime(), `${at}: users exist before the sandbox starts`);
      const org = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization });
      const created = await org.projectApiKeys.create('proj-staging-chatbot', { note: 'fresh' });
      const listed = (await org.projectApiKeys.list('proj-staging-chatbot')).find(k => k.publicKey === created.publicKey);
      assert.equal(keyAgeDays(listed?.createdAt, now), 0, `${at}: a key created now is dated by the sandbox's clock`);
      assert.equal(listed?.createdAt.slice(0, 4), at.slice(0, 4));
    }
  });

  it('keeps the dates of a world file without asOf, and of a --state file, as written', async () => {
    const stateFile = path.join(tmp, 'state.json');
    const world = loadWorld('acme');
    const { asOf: _, ...undated } = world;
    const first = await start({ world: undated, stateFile, clock: clockStartingAt(new Date('2030-01-01T00:00:00.000Z')) });
    assert.equal(first.store.apiKeys.get('key-production-chatbot')?.createdAt, '2026-06-01T09:00:00.000Z');
    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await start({ stateFile, clock: clockStartingAt(new Date('2035-01-01T00:00:00.000Z')) });
    assert.equal(second.store.apiKeys.get('key-production-chatbot')?.createdAt, '2026-06-01T09:00:00.000Z', 'a saved state is history');
  });

  it('keeps its state in --state across restarts (0600)', async () => {
    const stateFile = path.join(tmp, 'state.json');
    const first = await start({ stateFile });
    const org = createLangfuseClient({ baseUrl: first.url, ...first.credentials.organization });
    await org.projects.create({ name: 'survives-restart' });
    await first.close();
    open.splice(open.indexOf(first), 1);
    assert.equal(fs.statSync(stateFile).mode & 0o777, 0o600);
    const second = await start({ stateFile });
    assert.ok(second.store.liveProjects().some(p => p.name === 'survives-restart'));
  });

  it('on a 3.x world, ingests traces with a project key and lists them by fromTimestamp (the v3 trace routes)', async () => {
    const sb = await start({ serverVersion: '3.112.0' });
    const keys = sb.credentials.projects['staging-chatbot'];
    const client = createLangfuseClient({ baseUrl: sb.url, ...keys });
    const since = new Date(Date.now() - 1000).toISOString();
    const id = await client.traces.create({ name: 'rotation-probe' });
    const listed = await client.traces.list({ fromTimestamp: since });
    assert.deepEqual(listed.data.map(t => t.id), [id]);
    assert.equal(listed.data[0].name, 'rotation-probe');
    const other = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.projects['production-chatbot'] });
    assert.equal((await other.traces.list({ fromTimestamp: since })).data.length, 0, 'traces stay in their project');
    const later = await client.traces.list({ fromTimestamp: new Date(Date.now() + 60_000).toISOString() });
    assert.equal(later.meta.totalItems, 0);
    assert.equal((await client.health()).version, '3.112.0');
    const v2 = await fetch(`${sb.url}/api/public/v2/observations`, { headers: { authorization: basic(keys) } });
    assert.equal(v2.status, 404, 'self-hosted 3.x has no v2 observations');
    assert.match(await v2.text(), /This page could not be found/);
  });

  it('on a 4.x world (acme declares 4.16.0), answers the v3 trace routes as Langfuse v4 events_only does and serves v2 observations in the spec\'s shape', async () => {
    const sb = await start();
    assert.equal(sb.store.serverVersion, '4.16.0');
    const keys = sb.credentials.projects['staging-chatbot'];
    const client = createLangfuseClient({ baseUrl: sb.url, ...keys });
    const gone = await thrown(() => client.traces.list({ limit: 1 }));
    assert.ok(gone instanceof UnsupportedError, String(gone));
    if (!(gone instanceof UnsupportedError)) return;
    assert.match(gone.message, /does not serve GET \/api\/public\/traces on this version \(404\): "This endpoint is not available on deployments running in Langfuse v4 events_only mode\./);
    assert.equal(gone.replacement, 'GET /api/public/v2/observations?fromStartTime=<from>&toStartTime=<to>');
    assert.doesNotMatch(gone.message, /deleted|not found/i);
    const refused = await thrown(() => client.traces.create({ name: 'rotation-probe' }));
    assert.ok(refused instanceof UnsupportedError && /Event type "trace-create" is not accepted/.test(refused.message), String(refused));
    // Self-hosted (no cloud region): the same 404 without the Cloud-only _deprecation stamp.
    const oss = await start({ plan: 'enterprise' });
    const plain = await fetch(`${oss.url}/api/public/traces`, { headers: { authorization: basic(oss.credentials.projects['staging-chatbot']) } });
    assert.deepEqual(await plain.json(), { message: 'This endpoint is not available on deployments running in Langfuse v4 events_only mode. Learn more about Langfuse v4 at: https://langfuse.com/docs/v4' });
    // Tracing data of a v4 project (written through OTLP on a real server; the sandbox takes it in its store).
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, s)).toISOString();
    for (let i = 0; i < 3; i++) sb.store.observations.push({ id: `obs-${i}`, traceId: `trace-${i}`, projectId: 'proj-staging-chatbot', type: 'SPAN', name: `op-${i}`, startTime: at(i), endTime: at(i + 1), parentObservationId: null, environment: 'default' });
    sb.store.observations.push({ id: 'obs-other', traceId: 't', projectId: 'proj-production-chatbot', type: 'SPAN', name: 'x', startTime: at(5), endTime: null, parentObservationId: null, environment: 'default' });
    const first = await client.observations.list({ fromStartTime: at(1), limit: 1 });
    assert.deepEqual(first.data.map(o => o.id), ['obs-2'], 'newest first, its own project only');
    assert.ok(first.meta.cursor, 'a cursor when more follow');
    const raw = await (await fetch(`${sb.url}/api/public/v2/observations?fromStartTime=${encodeURIComponent(at(1))}&cursor=${encodeURIComponent(first.meta.cursor!)}`, { headers: { authorization: basic(keys) } })).json() as { data: Record<string, unknown>[]; meta: Record<string, unknown> };
    assert.deepEqual(raw.meta, {}, 'no cursor on the last page');
    assert.deepEqual(Object.keys(raw.data[0]).sort(), ['bookmarked', 'endTime', 'environment', 'id', 'isRootObservation', 'level', 'name', 'parentObservationId', 'projectId', 'public', 'sessionId', 'startTime', 'statusMessage', 'traceId', 'type', 'userId', 'version'], 'core and basic by default');
    assert.equal((await fetch(`${sb.url}/api/public/v2/observations?limit=1001`, { headers: { authorization: basic(keys) } })).status, 400);
    assert.equal((await fetch(`${sb.url}/api/public/v2/observations`)).status, 401);
  });

  it('serves the instance Admin API only on the enterprise plan with the admin key', async () => {
    const team = await start();
    const gated = await fetch(`${team.url}/api/admin/organizations/org-acme/apiKeys`, { headers: { authorization: 'Bearer sandbox-admin-api-key-demo-0001' } });
    assert.equal(gated.status, 403);
    const ee = await start({ plan: 'enterprise' });
    const headers = { authorization: 'Bearer sandbox-admin-api-key-demo-0001', 'content-type': 'application/json' };
    const created = await fetch(`${ee.url}/api/admin/organizations/org-acme/apiKeys`, { method: 'POST', headers, body: '{"note":"rotated org key"}' });
    assert.equal(created.status, 201);
    const key = (await created.json()) as { id: string; publicKey: string; secretKey: string };
    const orgClient = createLangfuseClient({ baseUrl: ee.url, publicKey: key.publicKey, secretKey: key.secretKey });
    assert.equal((await orgClient.organizationApiKeys.list()).length, 2);
    const wrong = await fetch(`${ee.url}/api/admin/organizations`, { headers: { authorization: basic(ee.credentials.organization) } });
    assert.equal(wrong.status, 401);
  });

  it('identifies a key by its secret alone, as Langfuse does (a mismatching public key is accepted)', async () => {
    const sb = await start();
    const c = sb.credentials.projects;
    const mixed = { publicKey: c['staging-chatbot'].publicKey, secretKey: c['production-chatbot'].secretKey };
    const res = await fetch(`${sb.url}/api/public/projects`, { headers: { authorization: basic(mixed) } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { data: { id: string }[] }).data[0].id, 'proj-production-chatbot');
  });

  it('answers CORS preflights and refuses malformed JSON before authentication', async () => {
    const sb = await start();
    const pre = await fetch(`${sb.url}/api/public/projects`, { method: 'OPTIONS', headers: { origin: 'http://example.com', 'access-control-request-method': 'PUT' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://example.com');
    const bad = await fetch(`${sb.url}/api/public/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    assert.equal(bad.status, 400);
    assert.equal(await bad.text(), 'Invalid JSON');
  });

  it('runs as `langfuse-access sandbox`, prints public keys only, writes 0600 credentials, dates its world from --now and stops on SIGTERM', async function () {
    this.timeout(20_000);
    const credsFile = path.join(tmp, 'creds.json');
    const stateFile = path.join(tmp, 'state.json');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'sandbox', '--port', '0', '--world', 'recorded', '--plan', 'oss', '--credentials-out', credsFile, '--state', stateFile, '--now', '2031-03-01T10:55:00Z'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => { stdout += d; });
    child.stderr.on('data', d => { stderr += d; });
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!/project analytics-readonly/.test(stdout) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
      const url = stdout.split('\n')[0];
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/, `stdout: ${stdout}\nstderr: ${stderr}`);
      assert.match(stdout, /organization pk-lf-545fc0e7-9e86-4c6e-a67d-28c62385d515/);
      assert.doesNotMatch(stdout + stderr, /sk-lf-/);
      assert.equal(fs.statSync(credsFile).mode & 0o777, 0o600);
      const creds = SandboxCredentials.parse(JSON.parse(fs.readFileSync(credsFile, 'utf8')));
      assert.equal(creds.baseUrl, url);
      const res = await fetch(`${url}/api/public/organizations/memberships`, { headers: { authorization: basic(creds.organization) } });
      assert.equal(res.status, 403, 'plan oss gates the admin endpoints');
      assert.match(stderr, /clock starting at 2031-03-01T10:55:00\.000Z/);
      const saved = loadWorld(stateFile);
      assert.ok(saved.apiKeys.length > 0 && saved.apiKeys.every(k => k.createdAt.startsWith('2031-03-01T10:5')), JSON.stringify(saved.apiKeys.map(k => k.createdAt)));
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
  });
});
