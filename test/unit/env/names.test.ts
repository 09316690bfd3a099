import * as assert from 'node:assert/strict';
import { isEnvFileName, isExampleEnvFile } from '../../../src/core/env/envFileNames';
import { langfuseVariable } from '../../../src/core/env/langfuseVariables';
import { isDisplaySecretKey, isPlaceholderValue } from '../../../src/core/env/placeholders';

describe('env names, variables and placeholders', () => {
  it('recognises .env file names and example files', () => {
    for (const n of ['.env', '.env.local', '.env.production', 'prod.env', 'deploy.ENV']) assert.equal(isEnvFileName(n), true, n);
    for (const n of ['env', 'environment.ts', '.envrc', 'README.md', '.env-backup']) assert.equal(isEnvFileName(n), false, n);
    for (const n of ['.env.example', '.env.sample', '.env.template', 'prod.env.example', '.env.example.local']) assert.equal(isExampleEnvFile(n), true, n);
    for (const n of ['.env', '.env.production', 'examples.env']) assert.equal(isExampleEnvFile(n), false, n);
  });

  it('recognises Langfuse variables, also with framework prefixes', () => {
    assert.deepEqual(langfuseVariable('LANGFUSE_PUBLIC_KEY'), { kind: 'publicKey', prefix: '' });
    assert.deepEqual(langfuseVariable('NEXT_PUBLIC_LANGFUSE_PUBLIC_KEY'), { kind: 'publicKey', prefix: 'NEXT_PUBLIC_' });
    assert.deepEqual(langfuseVariable('VITE_LANGFUSE_BASE_URL'), { kind: 'baseUrl', prefix: 'VITE_' });
    assert.deepEqual(langfuseVariable('LANGFUSE_BASEURL'), { kind: 'baseUrlLegacy', prefix: '' });
    assert.deepEqual(langfuseVariable('LANGFUSE_HOST'), { kind: 'host', prefix: '' });
    assert.equal(langfuseVariable('LANGFUSE_INIT_PROJECT_PUBLIC_KEY'), undefined);
    assert.equal(langfuseVariable('MYLANGFUSE_PUBLIC_KEY'), undefined);
    assert.equal(langfuseVariable('LANGFUSE_PUBLIC_KEYS'), undefined);
  });

  it('treats placeholders as placeholders but not the masked display secret', () => {
    for (const v of ['', 'pk-lf-...', 'sk-lf-…', '<your key>', '${LANGFUSE_KEY}', 'your-public-key', 'pk-lf-xxxx', 'changeme']) assert.equal(isPlaceholderValue(v), true, v);
    for (const v of ['pk-lf-b1000000-0000-4000-8000-000000000001', 'sk-lf-...0001', 'https://cloud.langfuse.com']) assert.equal(isPlaceholderValue(v), false, v);
    assert.equal(isDisplaySecretKey('sk-lf-...1a2b'), true);
    assert.equal(isDisplaySecretKey('sk-lf-demo-b1000000-0000-4000-8000-000000000001'), false);
  });
});
