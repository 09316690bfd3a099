// Every error answer in the real recordings maps to the error kind a user can act on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorFromResponse, ValidationError, WrongKeyKindError, PlanGateError, UnsupportedError } from '../../../src/core/langfuse';

const DIR = path.join(__dirname, '../../fixtures/recordings');

/** recording → kind[:detail] (detail = needed key kind, entitlement or validation field). Reviewed by hand. */
const EXPECTED = `004:wrongKeyKind:project 005:unauthorized 006:unauthorized 007:unauthorized 008:unauthorized
009:wrongKeyKind:project 011:planGate:admin-api 012:wrongKeyKind:organization 013:unsupported 014:planGate:admin-api
015:wrongKeyKind:organization 016:planGate:admin-api 017:planGate:admin-api 018:planGate:rbac-project-roles
019:planGate:admin-api 020:planGate:admin-api 021:wrongKeyKind:organization 022:planGate:admin-api 024:unauthorized
025:planGate:admin-api 026:wrongKeyKind:organization 028:planGate:admin-api 032:unauthorized 033:unsupported
034:unsupported 037:validation:role 039:validation:role 040:validation:userId 041:notFound 042:validation:body
043:validation:userId 053:validation:userId 057:notFound 058:wrongKeyKind:organization 061:validation:role
062:validation:userId 064:notFound 065:validation:body 068:notFound 072:validation:name 073:validation:name
076:validation:metadata 077:validation:body 079:validation:name 080:notFound 081:wrongKeyKind:organization 086:notFound
088:notFound 094:validation:publicKey 095:validation:secretKey 096:validation:publicKey 098:validation:body 099:notFound
100:wrongKeyKind:organization 101:wrongKeyKind:organization 106:unauthorized 107:notFound 109:notFound
110:wrongKeyKind:organization 116:wrongKeyKind:project 118:wrongKeyKind:project 129:validation:userName
130:validation:roles 131:validation:body 134:notFound 136:validation 137:validation 140:notFound 142:notFound
143:unsupported 144:wrongKeyKind:organization 145:unauthorized 147:planGate:admin-api 148:planGate:admin-api
149:planGate:admin-api 150:unauthorized 151:unauthorized 152:unauthorized 154:unauthorized
155:wrongKeyKind:organization 159:unsupported 166:unauthorized 167:unsupported`.split(/\s+/);

describe('a 404 that explains itself (Langfuse v4, recording 167)', () => {
  it('shows Langfuse\'s own message and the replacement it names, and never calls it deleted or not found', () => {
    const rec = JSON.parse(fs.readFileSync(path.join(DIR, '167-cloud-dev-team-get-traces-v4-events-only.json'), 'utf8'));
    const err = errorFromResponse({ status: 404, body: rec.response.body, request: 'GET /api/public/traces', host: 'langfuse.example', publicKey: 'pk-lf-545fc0e7-9e86-4c6e-a67d-28c62385d515' });
    assert.ok(err instanceof UnsupportedError);
    assert.equal(err.message, 'Langfuse at langfuse.example does not serve GET /api/public/traces on this version (404): "This endpoint is not available on deployments running in Langfuse v4 events_only mode. Learn more about Langfuse v4 at: https://langfuse.com/docs/v4". Langfuse names its replacement: GET /api/public/v2/observations?fromStartTime=<from>&toStartTime=<to>.');
    assert.equal(err.replacement, 'GET /api/public/v2/observations?fromStartTime=<from>&toStartTime=<to>');
    assert.doesNotMatch(err.message, /deleted|not found|refresh/i);
    // Without the Cloud-only _deprecation stamp the text alone still tells it apart from a missing object.
    const plain = errorFromResponse({ status: 404, body: { message: rec.response.body.message }, request: 'GET /api/public/traces', host: 'h', publicKey: 'pk-lf-x' });
    assert.equal(plain.kind, 'unsupported');
    const missing = errorFromResponse({ status: 404, body: { message: 'API key not found' }, request: 'DELETE /api/public/projects/p/apiKeys/k', host: 'h', publicKey: 'pk-lf-x' });
    assert.equal(missing.kind, 'notFound');
  });
});

describe('error mapping over the real error answers', () => {
  const recordings = fs.readdirSync(DIR).filter(f => /^\d{3}-.*\.json$/.test(f)).sort()
    .map(f => ({ number: f.slice(0, 3), ...JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) }))
    .filter(r => r.response.status >= 400);

  it('covers every error recording', () => {
    assert.deepEqual(recordings.map(r => r.number), EXPECTED.map(e => e.split(':')[0]));
  });

  for (const entry of EXPECTED) {
    const [number, kind, detail] = entry.split(':');
    it(`${number} → ${kind}${detail ? ` (${detail})` : ''}`, () => {
      const rec = recordings.find(r => r.number === number)!;
      const err = errorFromResponse({
        status: rec.response.status, body: rec.response.body, request: `${rec.request.method} ${rec.request.path}`,
        host: 'langfuse.example', publicKey: 'pk-lf-545fc0e7-9e86-4c6e-a67d-28c62385d515', retryAfterMs: undefined,
      });
      assert.equal(err.kind, kind);
      const got = err instanceof WrongKeyKindError ? err.needed : err instanceof PlanGateError ? err.entitlement : err instanceof ValidationError ? err.field : undefined;
      assert.equal(got, detail);
      assert.equal(err.status, rec.response.status);
      assert.ok(err.message.length > 40 && /\.$|\)$/.test(err.message.trim()), `a full sentence with a next step: ${err.message}`);
    });
  }
});
