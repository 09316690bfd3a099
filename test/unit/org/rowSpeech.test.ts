// Issue 20 item 1: every row of the Access view has a spoken form that carries what its icon shows
// (overdue, off-convention note, read-only, error), and that state also appears in the row's text.
import * as assert from 'node:assert/strict';
import type { AccessNode } from '../../../src/core/org/accessNodes';
import { nodeView } from '../../../src/core/org/nodeView';
import { envStatus } from '../../../src/core/editor/statusText';

const policy = { maxAgeDays: 90, noteConvention: '{service}-{environment}', now: new Date('2026-11-28T12:00:00Z') };
const project = { id: 'p-prod', name: 'production-chatbot' };
const key = (createdAt: string, note: string | null) => ({ id: 'k', publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', displaySecretKey: 'sk-lf-...0001', note, createdAt, expiresAt: null, lastUsedAt: null });
const view = (node: AccessNode) => nodeView(node, { policy, organizationName: 'Acme Corp', connection: { name: 'Acme', baseUrl: 'https://cloud.langfuse.com' } });

describe('rows read aloud', () => {
  it('an overdue key says how overdue, in the description and the spoken form; a fresh one does not', () => {
    const overdue = view({ kind: 'projectKey', connectionId: 'c', project, key: key('2026-07-31T00:00:00Z', 'chatbot-production') });
    assert.equal(overdue.description, 'chatbot-production · created 2026-07-31 · 120 days old, overdue by 30 days · sk-lf-…0001');
    assert.equal(overdue.accessibility, 'API key pk-lf-b100…0001 of production-chatbot, note chatbot-production, 120 days old, overdue by 30 days, secret ending 0001');
    const fresh = view({ kind: 'projectKey', connectionId: 'c', project, key: key('2026-11-01T00:00:00Z', 'chatbot-production') });
    assert.doesNotMatch(`${fresh.description} ${fresh.accessibility}`, /overdue/);
  });

  it('a note that breaks the naming convention says so in words', () => {
    const row = view({ kind: 'projectKey', connectionId: 'c', project, key: key('2026-11-01T00:00:00Z', 'old key') });
    assert.match(row.description!, /^old key \(breaks the naming convention\) · /);
    assert.match(row.accessibility, /note old key \(breaks the naming convention\)/);
  });

  it('read-only projects, error rows, members and the organization are read as their state, not their tooltips', () => {
    assert.equal(view({ kind: 'project', connectionId: 'c', project, readOnly: true } as AccessNode).accessibility, 'Project production-chatbot, read-only: seen through a project key');
    const error = view({ kind: 'message', connectionId: 'c', key: 'e', label: 'Could not load the organization', detail: '401 Unauthorized', severity: 'error' });
    assert.equal(error.description, 'Error · 401 Unauthorized');
    assert.equal(error.accessibility, 'Error: Could not load the organization. 401 Unauthorized');
    assert.equal(view({ kind: 'organization', connectionId: 'c', projectCount: 3 }).accessibility, 'Organization, Acme Corp, 3 projects');
    const member = { userId: 'u', email: 'dev@acme.com', name: 'Dev', role: 'MEMBER' as const };
    assert.equal(view({ kind: 'projectMember', connectionId: 'c', project, member, orgRole: 'MEMBER', override: 'NONE', effective: 'NONE' }).accessibility,
      'Member Dev, dev@acme.com, no access (override) in production-chatbot (project role; organization MEMBER)');
    assert.equal(view({ kind: 'projectKeys', connectionId: 'c', project }).accessibility, 'API keys of production-chatbot');
  });

  it('the status bar item is read in words', () => {
    assert.equal(envStatus({ environment: 'staging', project: 'staging-chatbot' }, { errors: 1, warnings: 2, infos: 0 }).spoken, 'Langfuse Access: environment staging, project staging-chatbot; 3 findings (1 error, 2 warnings)');
    assert.equal(envStatus({}, { errors: 0, warnings: 0, infos: 0 }).spoken, 'Langfuse Access: no environment of the access file lists this file; no findings');
  });
});
