// Replays the real Langfuse v4.16.0 recordings (test/fixtures/recordings, copied from
// a real Langfuse 4.16.0 server, see docs/langfuse-behaviour.md) in numeric order against the sandbox started on the `recorded` world
// (plan oss for the oss-mode recordings, team for the cloud-dev-team ones). Ids and secrets the
// sandbox hands back for objects created earlier in the sequence are substituted into later requests
// and expectations. Status, body kind, exact text bodies, JSON shape and values are compared; only
// timestamps of objects created during the replay may differ (they are checked to be ISO dates).
// The sandboxes' clock starts where the recording session stood (RECORDED_AS_OF), so the seed keeps its
// recorded timestamps and everything the replay creates is newer, on any date the suite runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clockStartingAt } from '../../../src/core/clock';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { RECORDED_AS_OF, RECORDED_WORLD_YAML } from '../../../src/sandbox/worlds/recorded';

const DIR = path.join(__dirname, '../../fixtures/recordings');

/** Recordings that cannot be reproduced from outside a server, and why. */
const SKIPPED: Record<string, string> = {
  '028': 'stale plan cache: the plan was changed directly in the database while Redis still cached the old one; no request can put a server in that state',
};

/**
 * Recordings the shared folder leaves out on purpose but whose effect later ones depend on.
 * 133 deactivated the SCIM user (134 is "get-after-deactivate" and answers 404).
 */
const BRIDGES: Record<string, { method: string; path: string; body: unknown }> = {
  '134': {
    method: 'PATCH',
    path: '/api/public/scim/Users/cmx0amhze000lxc7diyl7qylu',
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active: false } }] },
  },
};

interface Recording {
  file: string;
  number: string;
  name: string;
  mode: 'oss' | 'cloud-dev-team';
  auth_desc: string | null;
  request: { method: string; path: string; headers: Record<string, string>; body: unknown; body_is_raw_text: boolean };
  response: { status: number; headers: Record<string, string>; body_kind: 'json' | 'text'; body: unknown };
}

function loadRecordings(): Recording[] {
  return fs.readdirSync(DIR)
    .filter(f => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map(file => ({ file, number: file.slice(0, 3), ...JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) }));
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEED_TIMESTAMPS = new Set(RECORDED_WORLD_YAML.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g));

class Replay {
  /** recorded value → sandbox value (ids, public keys, secrets, display secrets). */
  private readonly subst = new Map<string, string>();
  /** public key (sandbox's) → secret key. */
  private readonly secrets = new Map<string, string>();

  constructor(private readonly sandboxes: Record<Recording['mode'], SandboxHandle>) {
    for (const sb of Object.values(sandboxes)) for (const k of sb.store.apiKeys.values()) this.secrets.set(k.publicKey, k.secretKey);
  }

  substitute<T>(value: T): T {
    if (typeof value === 'string') {
      let s: string = value;
      for (const [from, to] of this.subst) s = s.split(from).join(to);
      return s as T;
    }
    if (Array.isArray(value)) return value.map(v => this.substitute(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substitute(v)])) as T;
    }
    return value;
  }

  private authorization(rec: Recording): string | undefined {
    const header = rec.request.headers.Authorization;
    if (!header) return undefined;
    if (rec.auth_desc?.startsWith('Authorization: ')) return rec.auth_desc.slice('Authorization: '.length);
    const basic = /^Basic base64\(([^:]+):<secret redacted>\)$/.exec(header);
    if (!basic) return this.substitute(header); // Bearer <public key> / Bearer <admin token>: literal
    const publicKey = this.substitute(basic[1]);
    const secret = /wrong-secret/.test(rec.name) ? 'sk-lf-wrong-secret-for-replay' : this.secrets.get(publicKey) ?? 'sk-lf-unknown-secret-for-replay';
    return `Basic ${Buffer.from(`${publicKey}:${secret}`).toString('base64')}`;
  }

  async send(rec: Recording): Promise<{ status: number; headers: Headers; text: string }> {
    const sb = this.sandboxes[rec.mode];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec.request.headers)) if (k !== 'Authorization') headers[k] = v;
    const auth = this.authorization(rec);
    if (auth) headers.Authorization = auth;
    const body = rec.request.body === null ? undefined
      : rec.request.body_is_raw_text ? String(rec.request.body) : JSON.stringify(this.substitute(rec.request.body));
    // A predefined key's secret is in the request body (092): remember it for later requests.
    const reqBody = rec.request.body as { publicKey?: string; secretKey?: string } | null;
    if (reqBody && typeof reqBody === 'object' && reqBody.publicKey && reqBody.secretKey) this.secrets.set(reqBody.publicKey, reqBody.secretKey);
    const res = await fetch(sb.url + this.substitute(rec.request.path), { method: rec.request.method, headers, body });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async bridge(mode: Recording['mode'], step: { method: string; path: string; body: unknown }): Promise<void> {
    const sb = this.sandboxes[mode];
    const org = sb.credentials.organization;
    const res = await fetch(sb.url + this.substitute(step.path), {
      method: step.method,
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${org.publicKey}:${org.secretKey}`).toString('base64')}` },
      body: JSON.stringify(step.body),
    });
    assert.ok(res.ok, `bridge step ${step.method} ${step.path} answered ${res.status}`);
  }

  /** After a creation (201 with an id), map the recorded id/keys to the sandbox's. */
  learn(expected: unknown, actual: unknown): void {
    if (!expected || typeof expected !== 'object' || !actual || typeof actual !== 'object') return;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const field of ['id', 'publicKey', 'secretKey', 'displaySecretKey']) {
      if (typeof e[field] === 'string' && typeof a[field] === 'string' && e[field] !== a[field] && !this.subst.has(e[field] as string)) {
        this.subst.set(e[field] as string, a[field] as string);
      }
    }
    if (typeof a.publicKey === 'string' && typeof a.secretKey === 'string') this.secrets.set(a.publicKey, a.secretKey);
  }
}

function compare(expected: unknown, actual: unknown, at: string, problems: string[]): void {
  if (typeof expected === 'string' && ISO.test(expected)) {
    if (typeof actual !== 'string' || !ISO.test(actual)) problems.push(`${at}: expected an ISO timestamp, got ${JSON.stringify(actual)}`);
    else if (SEED_TIMESTAMPS.has(expected) && actual !== expected) problems.push(`${at}: seed timestamp ${expected} became ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) { problems.push(`${at}: expected an array, got ${JSON.stringify(actual)}`); return; }
    if (expected.length !== actual.length) problems.push(`${at}: expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((e, i) => compare(e, actual[i], `${at}[${i}]`, problems));
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) { problems.push(`${at}: expected an object, got ${JSON.stringify(actual)}`); return; }
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join() !== ak.join()) problems.push(`${at}: keys ${JSON.stringify(ak)} instead of ${JSON.stringify(ek)}`);
    for (const k of ek) compare((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${at}.${k}`, problems);
    return;
  }
  if (expected !== actual) problems.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

describe('sandbox contract: replaying the real Langfuse recordings', function () {
  const recordings = loadRecordings();
  let sandboxes: Record<Recording['mode'], SandboxHandle>;
  let replay: Replay;

  before(async () => {
    const clock = () => clockStartingAt(new Date(RECORDED_AS_OF));
    sandboxes = {
      oss: await startSandbox({ world: 'recorded', plan: 'oss', clock: clock() }),
      'cloud-dev-team': await startSandbox({ world: 'recorded', clock: clock() }),
    };
    replay = new Replay(sandboxes);
  });
  after(async () => {
    await Promise.all(Object.values(sandboxes).map(sb => sb.close()));
  });

  it('has the recordings in the fixtures folder', () => {
    assert.ok(recordings.length >= 140, `only ${recordings.length} recordings found in ${DIR}`);
  });

  for (const rec of recordings) {
    const title = `${rec.number} ${rec.mode} ${rec.request.method} ${rec.request.path} → ${rec.response.status} (${rec.name})`;
    if (SKIPPED[rec.number]) {
      it.skip(`${title} — skipped: ${SKIPPED[rec.number]}`);
      continue;
    }
    it(title, async () => {
      const bridge = BRIDGES[rec.number];
      if (bridge) await replay.bridge(rec.mode, bridge);
      const res = await replay.send(rec);
      const problems: string[] = [];
      if (res.status !== rec.response.status) problems.push(`status ${res.status} instead of ${rec.response.status}: ${res.text.slice(0, 300)}`);
      const expectedType = rec.response.headers['content-type'];
      if (expectedType && res.headers.get('content-type') !== expectedType) problems.push(`content-type ${res.headers.get('content-type')} instead of ${expectedType}`);
      if (rec.response.body_kind === 'text') {
        if (res.text !== rec.response.body) problems.push(`text body ${JSON.stringify(res.text)} instead of ${JSON.stringify(rec.response.body)}`);
        if (res.headers.get('content-type')) problems.push(`a text answer must carry no content type, got ${res.headers.get('content-type')}`);
      } else if (rec.response.body === null) {
        if (res.text !== '') problems.push(`expected an empty body, got ${JSON.stringify(res.text.slice(0, 200))}`);
      } else {
        let actual: unknown;
        try { actual = JSON.parse(res.text); } catch { problems.push(`body is not JSON: ${res.text.slice(0, 200)}`); }
        if (actual !== undefined) {
          if (res.status === 201) replay.learn(rec.response.body, actual);
          compare(replay.substitute(rec.response.body), actual, 'body', problems);
        }
      }
      for (const h of ['vary', 'access-control-allow-origin', 'access-control-allow-methods']) {
        const want = rec.response.headers[h];
        if (want && res.headers.get(h) !== want) problems.push(`header ${h}: ${res.headers.get(h)} instead of ${want}`);
      }
      assert.deepEqual(problems, [], `${rec.file}:\n  ${problems.join('\n  ')}`);
    });
  }
});
