import * as assert from 'node:assert/strict';
import { WorkspaceFindings } from '../../../src/core/rules/workspaceFindings';
import { access, check, pair } from './helpers';

describe('workspace findings (what the editor keeps between keystrokes)', () => {
  it('adds the cross-file finding to both files and drops it when one file is fixed', () => {
    const ws = new WorkspaceFindings(() => access());
    ws.set('/w/.env.production', check('.env.production', pair('production')));
    ws.set('/w/.env.staging', check('.env.staging', pair('production')));
    let byFile = ws.byFile();
    assert.deepEqual(byFile.get('/w/.env.production')?.map(f => f.code), ['shared-key', 'pair-unverified']);
    assert.deepEqual(byFile.get('/w/.env.staging')?.map(f => f.code), ['shared-key', 'wrong-project', 'pair-unverified']);
    assert.ok(byFile.get('/w/.env.staging')?.[0].fixes.some(x => x.kind === 'ignoreFinding'), 'cross-file findings can be ignored too');

    ws.set('/w/.env.staging', check('.env.staging', pair('staging')));
    byFile = ws.byFile();
    assert.deepEqual(byFile.get('/w/.env.production')?.map(f => f.code), ['pair-unverified']);
    assert.deepEqual(byFile.get('/w/.env.staging')?.map(f => f.code), ['pair-unverified']);
  });

  it('summarises environments → projects and counts for the status bar', () => {
    const ws = new WorkspaceFindings(() => access());
    ws.set('/w/.env.production', check('.env.production', pair('production')));
    ws.set('/w/.env.staging', check('.env.staging', pair('production')));
    assert.deepEqual(ws.summary(), {
      environments: { production: 'production-chatbot', staging: 'staging-chatbot' },
      counts: { error: 1, warning: 2, info: 2 },
      files: 2,
    });
    ws.delete('/w/.env.staging');
    assert.deepEqual(ws.summary().counts, { error: 0, warning: 0, info: 1 });
  });
});
