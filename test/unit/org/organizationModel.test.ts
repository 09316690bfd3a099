import * as assert from 'node:assert/strict';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import { OrganizationModel } from '../../../src/core/org/organizationModel';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';

describe('organization model (what the Access view renders), against the sandbox', () => {
  let sandbox: SandboxHandle;
  const model = () => new OrganizationModel(createLangfuseClient({ baseUrl: sandbox.url, ...sandbox.credentials.organization, retry: { attempts: 1 } }));
  beforeEach(async () => { sandbox = await startSandbox({}); });
  afterEach(async () => { await closeAllHostGates(); await sandbox.close(); });

  it('loads the overview once for concurrent readers, and each project on demand', async () => {
    const m = model();
    sandbox.resetStats();
    const [a, b] = await Promise.all([m.overview(), m.overview()]);
    assert.equal(a, b, 'one shared load');
    const afterOverview = sandbox.stats.requests;
    // Capabilities (health, who-am-I, organization projects, one project's roles) + projects, members, organization keys.
    assert.equal(afterOverview, 7);
    assert.deepEqual(a.projects!.map(p => p.name), ['analytics-readonly', 'production-chatbot', 'staging-chatbot']);
    const prod = a.projects!.find(p => p.name === 'production-chatbot')!;
    await Promise.all([m.project(prod.id), m.project(prod.id)]);
    assert.equal(sandbox.stats.requests, afterOverview + 2, 'one project = its roles and its keys');
    await m.project(prod.id);
    assert.equal(sandbox.stats.requests, afterOverview + 2, 'cached');
    m.invalidate({ projectId: prod.id });
    await m.project(prod.id);
    assert.equal(sandbox.stats.requests, afterOverview + 4, 'reloaded after invalidate');
  });

  it('forgets a failed load, so the next read retries instead of showing the old error forever', async () => {
    const m = model();
    sandbox.setFaults([{ kind: 'serverError', status: 503, times: 50 }]);
    await assert.rejects(m.overview());
    sandbox.clearFaults();
    const overview = await m.overview();
    assert.equal(overview.projects!.length, 3);
  });
});
