import * as assert from 'node:assert/strict';
import {
  BRIEF_MATRIX, briefAllows, canAssignRole, CLOUD_REGIONS, cloudRegionOf, effectiveProjectRole, projectRoster, ROLE_RANK,
  hasOrganizationScope, hasProjectScope, organizationScopesOf, PROJECT_SCOPES, projectScopesOf, validateBaseUrl, wouldRemoveLastOwner,
} from '../../../src/core/langfuse';
import { closeEnv, openEnv, type Env } from './helpers';

describe('roles, scopes, regions and URLs', () => {
  it('orders roles OWNER > ADMIN > MEMBER > VIEWER > NONE', () => {
    assert.ok(ROLE_RANK.OWNER > ROLE_RANK.ADMIN && ROLE_RANK.ADMIN > ROLE_RANK.MEMBER && ROLE_RANK.MEMBER > ROLE_RANK.VIEWER && ROLE_RANK.VIEWER > ROLE_RANK.NONE);
    assert.ok(!canAssignRole('ADMIN', 'OWNER'));
    assert.ok(canAssignRole('ADMIN', 'ADMIN'));
  });

  it('has the 56 project scopes: OWNER all, ADMIN all but project:delete, VIEWER read-only', () => {
    assert.equal(PROJECT_SCOPES.length, 56);
    assert.equal(projectScopesOf('OWNER').length, 56);
    assert.deepEqual(PROJECT_SCOPES.filter(s => !projectScopesOf('ADMIN').includes(s)), ['project:delete']);
    assert.ok(projectScopesOf('VIEWER').every(s => /:read$/.test(s)));
    assert.deepEqual(projectScopesOf('NONE'), []);
    assert.ok(hasProjectScope('MEMBER', 'prompts:CUD') && !hasProjectScope('MEMBER', 'apiKeys:CUD'));
  });

  it('keeps org API keys and billing to org OWNER', () => {
    assert.ok(hasOrganizationScope('OWNER', 'organization:CRUD_apiKeys'));
    assert.ok(!hasOrganizationScope('ADMIN', 'organization:CRUD_apiKeys'));
    assert.ok(!organizationScopesOf('ADMIN').includes('langfuseCloudBilling:CRUD'));
    assert.deepEqual(organizationScopesOf('VIEWER'), []);
  });

  it('resolves the effective project role: project row (NONE included) over org role; outsiders get NONE', () => {
    assert.equal(effectiveProjectRole('OWNER', 'NONE'), 'NONE');
    assert.equal(effectiveProjectRole('NONE', 'VIEWER'), 'VIEWER');
    assert.equal(effectiveProjectRole('MEMBER', undefined), 'MEMBER');
    assert.equal(effectiveProjectRole(undefined, 'ADMIN'), 'NONE');
  });

  it('encodes the simplified capability matrix', () => {
    assert.ok(briefAllows('OWNER', 'Manage billing'));
    assert.ok(!briefAllows('ADMIN', 'Manage billing') && briefAllows('ADMIN', 'Manage members'));
    assert.deepEqual(BRIEF_MATRIX.VIEWER, ['View traces']);
  });

  it('guards the last owner', () => {
    const members = [{ userId: 'a', role: 'OWNER' as const }, { userId: 'b', role: 'ADMIN' as const }];
    assert.ok(wouldRemoveLastOwner(members, 'a', 'ADMIN'));
    assert.ok(wouldRemoveLastOwner(members, 'a', undefined));
    assert.ok(!wouldRemoveLastOwner(members, 'b', undefined));
    assert.ok(!wouldRemoveLastOwner([...members, { userId: 'c', role: 'OWNER' }], 'a', 'NONE'));
  });

  it('knows the four cloud regions and validates base URLs', () => {
    assert.deepEqual(CLOUD_REGIONS.map(r => r.id), ['EU', 'US', 'JP', 'HIPAA']);
    assert.equal(cloudRegionOf('https://us.cloud.langfuse.com/')?.id, 'US');
    assert.equal(cloudRegionOf('https://langfuse.acme.internal'), undefined);
    assert.deepEqual(validateBaseUrl('https://host.example/langfuse/'), { origin: 'https://host.example', basePath: '/langfuse' });
    assert.deepEqual(validateBaseUrl('http://127.0.0.1:3000'), { origin: 'http://127.0.0.1:3000', basePath: '' });
    assert.throws(() => validateBaseUrl('http://10.0.0.5:3000'), /Refusing http:\/\//);
    assert.throws(() => validateBaseUrl('https://user:pw@host.example'), /must not carry credentials/);
  });

  describe('the acme sandbox world gives exactly the demo\'s effective roles', () => {
    let env: Env | undefined;
    after(async () => closeEnv(env));

    it('per project, through the real API', async () => {
      env = await openEnv();
      const org = await env.org.organizationMemberships.list();
      const email = new Map(org.map(m => [m.userId, m.email]));
      const expected: Record<string, Record<string, string>> = {
        'production-chatbot': { 'engineering-lead@acme.com': 'OWNER', 'senior-dev@acme.com': 'ADMIN', 'developer@acme.com': 'MEMBER' },
        'staging-chatbot': { 'senior-dev@acme.com': 'ADMIN', 'developer@acme.com': 'MEMBER' },
        'analytics-readonly': { 'data-lead@acme.com': 'ADMIN', 'analyst@acme.com': 'VIEWER' },
      };
      for (const project of await env.org.projects.list()) {
        const overrides = await env.org.projectMemberships.list(project.id);
        const roster = projectRoster(org, overrides).filter(r => r.effective !== 'NONE');
        assert.deepEqual(Object.fromEntries(roster.map(r => [email.get(r.member.userId), r.effective])), expected[project.name], project.name);
      }
      assert.ok(!org.some(m => m.email === 'contractor@example.com'), 'the contractor belongs to no organization');
    });
  });
});
