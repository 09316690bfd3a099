// "What may this identity do here": the guards asked for every kind of action at once, against the
// sandbox's acme world, so an edge can hide what would be refused before asking anything.
import * as assert from 'node:assert/strict';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { SessionHost } from '../../../src/core/session';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { edgeRun } from './support/edges';

const PROJECTS = ['proj-production-chatbot', 'proj-staging-chatbot', 'proj-analytics-readonly'];

describe('session: what the acting identity may do', () => {
  let sb: SandboxHandle;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); await closeAllHostGates(); });

  async function permissionsOf(actingAs: string | undefined) {
    const run = edgeRun('cli', actingAs);
    try {
      return await new SessionHost(run.port).session({ id: 'acme', baseUrl: sb.url, pair: sb.credentials.organization }).permissions(PROJECTS);
    } finally {
      run.dispose();
    }
  }

  it('the organization OWNER may manage members and production keys, but nothing in a project overridden NONE', async () => {
    const p = await permissionsOf('engineering-lead@acme.com');
    assert.equal(p.organization.role, 'OWNER');
    assert.equal(p.organization.addMember.allowed, true);
    assert.equal(p.projects['proj-production-chatbot'].role, 'OWNER');
    assert.equal(p.projects['proj-production-chatbot'].rotateKey.allowed, true);
    const staging = p.projects['proj-staging-chatbot'];
    assert.equal(staging.role, 'NONE');
    assert.deepEqual([staging.createKey.allowed, staging.revokeKey.allowed, staging.rotateKey.allowed, staging.setRole.allowed], [false, false, false, false]);
    assert.match(staging.rotateKey.reason ?? '', /engineering-lead@acme\.com is NONE in staging-chatbot.*→ ask: senior-dev@acme\.com/);
  });

  it('a MEMBER may change nothing, and says who could', async () => {
    const p = await permissionsOf('developer@acme.com');
    assert.equal(p.organization.addMember.allowed, false);
    assert.match(p.organization.addMember.reason ?? '', /→ ask: .*engineering-lead@acme\.com/);
    for (const id of PROJECTS) assert.equal(p.projects[id].createKey.allowed, false, id);
  });

  it('without an acting identity nothing is allowed', async () => {
    const p = await permissionsOf(undefined);
    assert.equal(p.identity, undefined);
    assert.equal(p.organization.changeRole.allowed, false);
    assert.match(p.organization.changeRole.reason ?? '', /No acting identity/);
  });
});
