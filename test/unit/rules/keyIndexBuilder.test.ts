import * as assert from 'node:assert/strict';
import { keyIndexEntries, keyIndexFromSnapshot } from '../../../src/core/rules/keyIndexBuilder';
import { codes, check, DEMO, only } from './helpers';

const key = (publicKey: string, createdAt: string, secretTail: string, note: string | null = null) => ({ publicKey, createdAt, displaySecretKey: `sk-lf-...${secretTail}`, note });

/** The Acme organization as the client's snapshot would describe it (demo data). */
const SNAPSHOT = {
  projects: [
    { project: { id: DEMO.production.id, name: DEMO.production.project }, apiKeys: [key(DEMO.production.pk, DEMO.production.createdAt, '0001', 'chatbot-production')] },
    { project: { id: DEMO.staging.id, name: DEMO.staging.project }, apiKeys: [key(DEMO.staging.pk, DEMO.staging.createdAt, '0001', 'chatbot-staging')] },
  ],
  organizationApiKeys: [key('pk-lf-a0000000-0000-4000-8000-000000000001', '2026-09-01T09:00:00.000Z', '0001', 'acme-admin')],
};

describe('key index from an organization snapshot', () => {
  it('indexes project and organization keys with their dates and display secrets', () => {
    const entries = keyIndexEntries(SNAPSHOT);
    assert.deepEqual(entries[DEMO.staging.pk], { projectId: DEMO.staging.id, projectName: 'staging-chatbot', createdAt: DEMO.staging.createdAt, displaySecretKey: 'sk-lf-...0001', scope: 'project', note: 'chatbot-staging' });
    assert.equal(entries['pk-lf-a0000000-0000-4000-8000-000000000001'].scope, 'organization');
  });

  it('marks a key seen before and missing now as revoked', () => {
    const before = keyIndexEntries({ ...SNAPSHOT, projects: [...SNAPSHOT.projects, { project: { id: DEMO.analytics.id, name: DEMO.analytics.project }, apiKeys: [key(DEMO.analytics.pk, DEMO.analytics.createdAt, '0001')] }] });
    const index = keyIndexFromSnapshot(SNAPSHOT, before);
    assert.equal(index.lookup(DEMO.analytics.pk)?.revoked, true);
    assert.equal(index.lookup(DEMO.staging.pk)?.revoked, undefined);
    assert.equal(index.complete, true);
    const [f] = only(check('analytics/.env', `LANGFUSE_PUBLIC_KEY=${DEMO.analytics.pk}\n`, { keyIndex: index }).findings, 'revoked-key');
    assert.match(f.message, /was deleted in Langfuse/);
  });

  it('reports the organization key in a .env file instead of a wrong project', () => {
    const text = 'LANGFUSE_PUBLIC_KEY=pk-lf-a0000000-0000-4000-8000-000000000001\nLANGFUSE_SECRET_KEY=sk-lf-demo-a0000000-0000-4000-8000-000000000001\n';
    const findings = check('.env.staging', text, { keyIndex: keyIndexFromSnapshot(SNAPSHOT) }).findings;
    assert.deepEqual(codes(findings), ['organization-key']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /organization key: SDKs cannot trace with it/);
    assert.equal(findings[0].fixes[0].kind, 'replaceWithProjectKey');
  });
});
