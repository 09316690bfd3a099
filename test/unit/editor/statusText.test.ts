// Issue 14 item 12: the status bar says what the Problems panel shows for the open .env file.
import * as assert from 'node:assert/strict';
import { envStatus } from '../../../src/core/editor/statusText';

describe('the .env status bar text', () => {
  it('counts every finding by severity, with the environment when the access file gives one', () => {
    const s = envStatus({ environment: 'staging', project: 'staging-chatbot' }, { errors: 1, warnings: 2, infos: 0 });
    assert.equal(s.text, '$(shield) staging → staging-chatbot · 3 findings (1 error, 2 warnings)');
    assert.equal(s.severity, 'error');
    assert.equal(s.target, 'problems');
  });

  it('a file no environment lists still shows its findings, and leads to them', () => {
    const s = envStatus({}, { errors: 2, warnings: 0, infos: 1 });
    assert.equal(s.text, '$(shield) no environment · 3 findings (2 errors, 1 info)');
    assert.equal(s.target, 'problems');
    assert.deepEqual([envStatus({}, { errors: 0, warnings: 0, infos: 0 }).text, envStatus({}, { errors: 0, warnings: 0, infos: 0 }).target], ['$(pass) no environment · no findings', 'scaffold']);
  });
});
