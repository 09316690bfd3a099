import * as assert from 'node:assert/strict';
import { decide, type MemberInfo, type OrgAccessState } from '../../../src/core/guards/accessGuards';

// The Acme organization as the sandbox world has it (org roles; project overrides per project).
const members: MemberInfo[] = [
  { userId: 'u-lead', email: 'engineering-lead@acme.com', name: 'Erin Lead', role: 'OWNER' },
  { userId: 'u-senior', email: 'senior-dev@acme.com', name: 'Sam Senior', role: 'MEMBER' },
  { userId: 'u-dev', email: 'developer@acme.com', name: 'Dana Developer', role: 'MEMBER' },
  { userId: 'u-data', email: 'data-lead@acme.com', name: 'Dora Data', role: 'NONE' },
  { userId: 'u-analyst', email: 'analyst@acme.com', name: 'Alex Analyst', role: 'NONE' },
];
const state: OrgAccessState = {
  members,
  projectRoles: new Map([
    ['p-prod', [{ userId: 'u-senior', role: 'ADMIN' }]],
    ['p-analytics', [{ userId: 'u-data', role: 'ADMIN' }, { userId: 'u-analyst', role: 'VIEWER' }, { userId: 'u-dev', role: 'NONE' }]],
  ]),
};
const prod = { projectId: 'p-prod', projectName: 'production-chatbot' };
const analytics = { projectId: 'p-analytics', projectName: 'analytics-readonly' };

describe('access guards', () => {
  it('never removes or demotes the last OWNER, whoever acts', () => {
    for (const action of [{ kind: 'org.removeMember', userId: 'u-lead' }, { kind: 'org.changeRole', userId: 'u-lead', to: 'ADMIN' }] as const) {
      const d = decide(action, 'engineering-lead@acme.com', state);
      assert.equal(d.allowed, false);
      assert.match((d as { reason: string }).reason, /last OWNER/);
    }
  });

  it('allows demoting an OWNER when another OWNER remains', () => {
    const two: OrgAccessState = { ...state, members: members.map(m => m.userId === 'u-senior' ? { ...m, role: 'OWNER' } : m) };
    assert.equal(decide({ kind: 'org.changeRole', userId: 'u-lead', to: 'ADMIN' }, 'senior-dev@acme.com', two).allowed, true);
  });

  it('refuses a MEMBER managing members and names who could do it', () => {
    const d = decide({ kind: 'org.changeRole', userId: 'u-dev', to: 'VIEWER' }, 'developer@acme.com', state);
    assert.equal(d.allowed, false);
    assert.match((d as { reason: string }).reason, /^Permission denied: insufficient role\..*organizationMembers:CUD.*→ ask: engineering-lead@acme\.com$/);
  });

  it('uses the effective project role: an org MEMBER who is project ADMIN may manage that project only', () => {
    assert.equal(decide({ kind: 'apiKey.create', ...prod }, 'senior-dev@acme.com', state).allowed, true);
    const d = decide({ kind: 'apiKey.revoke', ...analytics }, 'senior-dev@acme.com', state);
    assert.equal(d.allowed, false);
    assert.deepEqual((d as { askWhom: string[] }).askWhom, ['engineering-lead@acme.com', 'data-lead@acme.com']);
  });

  it('refuses granting a role above your own', () => {
    const d = decide({ kind: 'project.setRole', ...prod, userId: 'u-dev', to: 'OWNER' }, 'senior-dev@acme.com', state);
    assert.equal(d.allowed, false);
    assert.match((d as { reason: string }).reason, /cannot grant OWNER/);
  });

  it('asks for an extra confirmation before granting OWNER or ADMIN', () => {
    const d = decide({ kind: 'org.changeRole', userId: 'u-dev', to: 'ADMIN' }, 'engineering-lead@acme.com', state);
    assert.equal(d.allowed, true);
    assert.match((d as { confirm: string }).confirm, /developer@acme\.com will become ADMIN of the organization/);
    assert.deepEqual(decide({ kind: 'org.changeRole', userId: 'u-dev', to: 'VIEWER' }, 'engineering-lead@acme.com', state), { allowed: true, rule: 'allowed' });
  });

  it('refuses when the acting identity is unknown or not a member', () => {
    const none = decide({ kind: 'apiKey.create', ...prod }, undefined, state);
    assert.equal(none.allowed, false);
    assert.match((none as { reason: string }).reason, /langfuseAccess\.actingAs/);
    const outsider = decide({ kind: 'apiKey.create', ...prod }, 'contractor@example.com', state);
    assert.match((outsider as { reason: string }).reason, /not a member/);
  });

  it('an ADMIN cannot remove an OWNER', () => {
    const s: OrgAccessState = { ...state, members: [...members.map(m => m.userId === 'u-senior' ? { ...m, role: 'ADMIN' as const } : m), { userId: 'u-2', email: 'owner2@acme.com', name: null, role: 'OWNER' }] };
    const d = decide({ kind: 'org.removeMember', userId: 'u-lead' }, 'senior-dev@acme.com', s);
    assert.equal(d.allowed, false);
    assert.match((d as { reason: string }).reason, /higher role/);
  });
});
