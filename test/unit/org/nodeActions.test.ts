// Issue 14 items 4 and 9: rows carry only the actions the acting identity may take, and the
// organization row names the organization and the identity's role.
import * as assert from 'node:assert/strict';
import type { AccessNode } from '../../../src/core/org/accessNodes';
import { nodeView } from '../../../src/core/org/nodeView';
import { permissionsOf } from '../../../src/core/session/permissions';

const members = [
  { userId: 'u-lead', email: 'lead@acme.com', name: 'Lead', role: 'OWNER' as const },
  { userId: 'u-admin', email: 'admin@acme.com', name: 'Admin', role: 'ADMIN' as const },
  { userId: 'u-dev', email: 'dev@acme.com', name: 'Dev', role: 'MEMBER' as const },
];
const projects = [{ id: 'p-prod', name: 'prod', overrides: [] }, { id: 'p-stage', name: 'stage', overrides: [{ userId: 'u-lead', role: 'NONE' as const }] }];
const policy = { maxAgeDays: 90, noteConvention: '', now: new Date('2026-11-28T12:00:00Z') };
const key = { id: 'k', publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', displaySecretKey: 'sk-lf-...0001', note: 'n', createdAt: '2026-11-01T00:00:00Z', expiresAt: null, lastUsedAt: null };
const context = (node: AccessNode, identity: string) => nodeView(node, { policy, permissions: permissionsOf(identity, { members, projects }), organizationName: 'Acme Corp' }).contextValue;

describe('row actions for the acting identity', () => {
  it('an OWNER overridden NONE in a project gets no key or role action there, and keeps them elsewhere', () => {
    const project = (id: string) => ({ id, name: id });
    assert.equal(context({ kind: 'project', connectionId: 'c', project: project('p-prod') }, 'lead@acme.com'), 'project+createKey');
    assert.equal(context({ kind: 'project', connectionId: 'c', project: project('p-stage') }, 'lead@acme.com'), 'project');
    assert.equal(context({ kind: 'projectKey', connectionId: 'c', project: project('p-stage'), key }, 'lead@acme.com'), 'apiKey');
    assert.equal(context({ kind: 'projectKey', connectionId: 'c', project: project('p-prod'), key }, 'lead@acme.com'), 'apiKey+revokeKey+rotateKey');
  });

  it('no one may remove or demote the last OWNER; an ADMIN may not touch an OWNER', () => {
    const row = (userId: string, identity: string) => context({ kind: 'orgMember', connectionId: 'c', member: { ...members.find(m => m.userId === userId)!, email: members.find(m => m.userId === userId)!.email } as never }, identity);
    assert.equal(row('u-lead', 'lead@acme.com'), 'orgMember:owner');
    assert.equal(row('u-dev', 'lead@acme.com'), 'orgMember:member+changeRole+removeMember');
    assert.equal(row('u-lead', 'admin@acme.com'), 'orgMember:owner');
    assert.equal(row('u-dev', 'dev@acme.com'), 'orgMember:member');
  });

  it('the organization row names the organization, the projects and the identity\'s role', () => {
    const view = nodeView({ kind: 'organization', connectionId: 'c', projectCount: 2 }, { policy, permissions: permissionsOf('admin@acme.com', { members, projects }), organizationName: 'Acme\nCorp' });
    assert.equal(view.description, 'Acme\\nCorp · 2 projects · you: ADMIN');
    assert.equal(view.contextValue, 'organization+addMember');
    const stranger = nodeView({ kind: 'organization', connectionId: 'c', projectCount: 2 }, { policy, permissions: permissionsOf('who@else.com', { members, projects }) });
    assert.equal(stranger.description, '2 projects · you: not a member');
  });
});
