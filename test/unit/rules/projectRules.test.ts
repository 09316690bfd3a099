import * as assert from 'node:assert/strict';
import type { KeyIndexEntry, WhoAmIResult } from '../../../src/core/rules/keyIndex';
import { keyIndexFromEntries, pairKey } from '../../../src/core/rules/keyIndex';
import { access, check, codes, DEMO, indexEntry, only, pair } from './helpers';

const fullIndex = (overrides: Record<string, KeyIndexEntry> = {}) => keyIndexFromEntries({
  [DEMO.production.pk]: indexEntry('production'),
  [DEMO.staging.pk]: indexEntry('staging'),
  [DEMO.analytics.pk]: indexEntry('analytics'),
  ...overrides,
}, true);

describe('rule wrong-project', () => {
  it('underlines a production key in the staging file, with fixes that say what they do', () => {
    const result = check('.env.staging', pair('production'));
    const [f] = only(result.findings, 'wrong-project');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 62 } });
    assert.match(f.message, /project "production-chatbot" \(listed under publicKeys in the access file\).*environment "staging".*"staging-chatbot"/);
    assert.deepEqual(f.fixes.map(x => x.kind), ['replaceWithProjectKey', 'openKeyInTree', 'ignoreFinding']);
    const replace = f.fixes[0];
    assert.ok(replace.kind === 'replaceWithProjectKey');
    assert.equal(replace.project, 'staging-chatbot');
    assert.equal(replace.publicKeyRange?.start.line, 0);
    assert.equal(replace.secretKeyRange?.start.line, 1);
    const ignore = f.fixes[2];
    assert.ok(ignore.kind === 'ignoreFinding');
    assert.deepEqual([ignore.accessFile, ignore.file, ignore.rule], ['/w/.langfuse/access.yaml', '.env.staging', 'wrong-project']);
    assert.equal(result.environment, 'staging');
    assert.equal(result.project, 'staging-chatbot');
  });

  const cases: Array<[string, string, string, boolean]> = [
    ['the right key (access file)', '.env.staging', pair('staging'), false],
    ['the right key in production', '.env.production', pair('production'), false],
    ['a key matched by the keyPrefix convention', 'analytics/.env', pair('analytics'), false],
    ['a staging key caught by the keyPrefix of analytics', 'analytics/.env', pair('staging'), true],
    ['a file in no environment', 'tools/.env', pair('production'), false],
  ];
  for (const [name, file, text, expected] of cases) {
    it(`${expected ? 'reports' : 'accepts'} ${name}`, () => {
      assert.equal(only(check(file, text).findings, 'wrong-project').length, expected ? 1 : 0);
    });
  }

  it('uses the organization index when the access file does not know the key', () => {
    const bare = access('version: 1\nenvironments:\n  staging: { project: staging-chatbot, files: [.env.staging] }\n');
    const result = check('.env.staging', pair('analytics'), { access: bare, keyIndex: fullIndex() });
    const [f] = only(result.findings, 'wrong-project');
    assert.match(f.message, /"analytics-readonly" \(from the connected organization's key list\)/);
  });

  it('accepts an access file that names the project by id when the index resolves the key', () => {
    const byId = access('version: 1\nenvironments:\n  staging: { project: proj-staging-chatbot, files: [.env.staging] }\n');
    assert.deepEqual(only(check('.env.staging', pair('staging'), { access: byId, keyIndex: fullIndex() }).findings, 'wrong-project'), []);
  });

  it('reports the secret\'s project from an online answer when the public key is unknown offline', () => {
    const bare = access('version: 1\nenvironments:\n  staging: { project: staging-chatbot, files: [.env.staging] }\n');
    const online = new Map<string, WhoAmIResult>([[pairKey(DEMO.production.pk, DEMO.production.sk), { status: 'ok', projectId: DEMO.production.id, projectName: DEMO.production.project }]]);
    const [f] = only(check('.env.staging', pair('production'), { access: bare, online }).findings, 'wrong-project');
    assert.equal(f.range.start.line, 1, 'on the secret key, which decides the project');
    assert.match(f.message, /server answers this key pair as project "production-chatbot"/);
  });
});

describe('rule key-project-unknown', () => {
  const bare = () => access('version: 1\nenvironments:\n  staging: { project: staging-chatbot, files: [.env.staging] }\n');
  it('says honestly that the project is unknown offline and how to find out', () => {
    const [f] = only(check('.env.staging', pair('staging'), { access: bare() }).findings, 'key-project-unknown');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /publicKeys.*--online/);
  });
  it('stays quiet when any source resolves the key', () => {
    assert.deepEqual(only(check('.env.staging', pair('staging'), { access: bare(), keyIndex: fullIndex() }).findings, 'key-project-unknown'), []);
    assert.deepEqual(only(check('.env.staging', pair('staging')).findings, 'key-project-unknown'), []);
  });
});

describe('rules mismatched-pair and pair-unverified', () => {
  const mixed = `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\nLANGFUSE_SECRET_KEY=${DEMO.production.sk}\n`;

  it('catches a mixed pair offline from the index\'s display secret (last four characters)', () => {
    // The demo secrets all end in 0001, so the foreign secret here is a canary with another ending.
    const foreign = 'sk-lf-canary-e5000000-0000-4000-8000-00000000abcd';
    const text = `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\nLANGFUSE_SECRET_KEY=${foreign}\n`;
    const [f] = only(check('.env.staging', text, { keyIndex: fullIndex() }).findings, 'mismatched-pair');
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.line, 1);
    assert.match(f.message, /sk-lf-\.\.\.0001/);
    assert.ok(!f.message.includes(foreign) && !f.message.includes('abcd'), 'the secret is not echoed');
  });

  it('catches a mixed pair from an online answer naming the secret\'s project', () => {
    const online = new Map<string, WhoAmIResult>([[pairKey(DEMO.staging.pk, DEMO.production.sk), { status: 'ok', projectId: DEMO.production.id, projectName: DEMO.production.project }]]);
    const [f] = only(check('.env.staging', mixed, { online }).findings, 'mismatched-pair');
    assert.match(f.message, /secret key belongs to project "production-chatbot", the public key to "staging-chatbot"/);
  });

  it('accepts a real pair and says when it cannot tell', () => {
    assert.deepEqual(codes(check('.env.staging', pair('staging'), { keyIndex: fullIndex() }).findings), []);
    const unverified = only(check('.env.staging', pair('staging')).findings, 'pair-unverified');
    assert.equal(unverified.length, 1);
    assert.equal(unverified[0].severity, 'info');
    assert.deepEqual(only(check('.env.staging', `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n`).findings, 'pair-unverified'), [], 'no secret: nothing to pair');
  });
});

describe('rules revoked-key and unknown-key', () => {
  it('reports a key the index marks as deleted', () => {
    const index = fullIndex({ [DEMO.staging.pk]: indexEntry('staging', { revoked: true }) });
    const [f] = only(check('.env.staging', pair('staging'), { keyIndex: index }).findings, 'revoked-key');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes[0].kind, 'replaceWithProjectKey');
  });

  it('reports a pair the server rejected with 401', () => {
    const online = new Map<string, WhoAmIResult>([[pairKey(DEMO.staging.pk, DEMO.staging.sk), { status: 'rejected' }]]);
    assert.equal(only(check('.env.staging', pair('staging'), { online }).findings, 'revoked-key').length, 1);
  });

  it('reports a key absent from a complete index, but not from a partial one', () => {
    const other = 'pk-lf-e4000000-0000-4000-8000-000000000001';
    const text = `LANGFUSE_PUBLIC_KEY=${other}\n`;
    assert.equal(only(check('.env.staging', text, { keyIndex: fullIndex() }).findings, 'unknown-key').length, 1);
    assert.equal(only(check('.env.staging', text, { keyIndex: keyIndexFromEntries({}, false) }).findings, 'unknown-key').length, 0);
  });
});

describe('rule rotation-overdue', () => {
  it('reports the production key, created 2026-06-01, against a 90-day policy', () => {
    const [f] = only(check('.env.production', pair('production'), { keyIndex: fullIndex() }).findings, 'rotation-overdue');
    assert.match(f.message, /created on 2026-06-01, 180 days ago; the rotation policy allows 90 days/);
    assert.deepEqual(f.fixes[0], { kind: 'openRotationWizard', title: 'Rotate this key…', publicKey: DEMO.production.pk });
  });
  it('accepts a young key, a longer policy, and keys of unknown age', () => {
    assert.equal(only(check('.env.staging', pair('staging'), { keyIndex: fullIndex() }).findings, 'rotation-overdue').length, 0);
    const lenient = access(`version: 1\nenvironments:\n  production: { project: production-chatbot, files: [.env.production] }\nrotation: { maxAgeDays: 365 }\n`);
    assert.equal(only(check('.env.production', pair('production'), { access: lenient, keyIndex: fullIndex() }).findings, 'rotation-overdue').length, 0);
    assert.equal(only(check('.env.production', pair('production')).findings, 'rotation-overdue').length, 0);
  });
});

describe('rule organization-key', () => {
  const ORG_PK = 'pk-lf-a0000000-0000-4000-8000-000000000001';
  const index = () => keyIndexFromEntries({
    [ORG_PK]: { projectId: 'org-acme', projectName: 'Acme Corp', createdAt: '2026-09-01T09:00:00.000Z', displaySecretKey: 'sk-lf-...0001', scope: 'organization' },
    [DEMO.staging.pk]: indexEntry('staging', { scope: 'project' }),
  }, true);

  it('reports the organization key in a .env file instead of a wrong project', () => {
    const text = `LANGFUSE_PUBLIC_KEY=${ORG_PK}\nLANGFUSE_SECRET_KEY=sk-lf-demo-a0000000-0000-4000-8000-000000000001\n`;
    const findings = check('.env.staging', text, { keyIndex: index() }).findings;
    assert.deepEqual(codes(findings), ['organization-key']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /organization key: SDKs cannot trace with it/);
    assert.equal(findings[0].fixes[0].kind, 'replaceWithProjectKey');
  });

  it('says nothing of the kind for a project key', () => {
    assert.deepEqual(only(check('.env.staging', pair('staging'), { keyIndex: index() }).findings, 'organization-key'), []);
  });
});
