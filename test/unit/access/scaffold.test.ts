import * as assert from 'node:assert/strict';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { environmentForFile } from '../../../src/core/access/environmentMatch';
import { scaffoldAccessFile } from '../../../src/core/access/scaffold';

describe('access file scaffold from the organization', () => {
  const text = scaffoldAccessFile('local-sandbox', [
    { name: 'production-chatbot', publicKeys: ['pk-lf-b1000000-0000-4000-8000-000000000001'] },
    { name: 'staging-chatbot', publicKeys: ['pk-lf-c2000000-0000-4000-8000-000000000001'] },
    { name: 'prod-billing', publicKeys: [] },
    { name: 'Marketing Site', publicKeys: [] },
  ], 60);

  it('is a valid access file with one environment per project', () => {
    const loaded = parseAccessFile(text, '/ws/.langfuse/access.yaml');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(Object.entries(loaded.config!.environments).map(([env, e]) => [env, e.project]), [
      ['production', 'production-chatbot'], ['staging', 'staging-chatbot'], ['production-2', 'prod-billing'], ['marketing-site', 'Marketing Site'],
    ]);
    assert.equal(loaded.config!.rotation?.maxAgeDays, 60);
    assert.equal(environmentForFile(loaded, '/ws/.env.staging')?.environment.project, 'staging-chatbot');
    assert.equal(environmentForFile(loaded, '/ws/deploy/prod/api.env')?.environment.project, 'production-chatbot');
  });

  it('explains itself, keeps lists on one line and records no host', () => {
    assert.match(text, /^# Langfuse Access: which Langfuse project/);
    assert.match(text, /publicKeys: \["?pk-lf-b1000000-0000-4000-8000-000000000001"?\]/);
    assert.doesNotMatch(text, /https?:\/\//);
  });
});
