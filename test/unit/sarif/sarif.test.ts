// SARIF output validated against the SARIF 2.1.0 JSON schema (test/fixtures/sarif, see its README).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPaths } from '../../../src/core/rules/lintWorkspace';
import { finding } from '../../../src/core/rules/finding';
import { RULE_CODES } from '../../../src/core/rules/ruleCodes';
import { toSarif } from '../../../src/core/sarif/toSarif';
import { textRange } from '../../../src/core/env/position';
import { sarifValidator } from '../../support/sarifValidator';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('SARIF 2.1.0 output', () => {
  const validate = sarifValidator();
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-sarif-'));
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace-acme'), dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the schema check itself rejects a broken log', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('lint of the sample workspace is a valid SARIF log with 1-based regions', () => {
    const report = lintPaths([dir]);
    const log = toSarif({ findings: report.findings, suppressed: report.suppressed, baseDir: dir });
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const run = (log.runs as Array<Record<string, any>>)[0];
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULE_CODES);
    const wrong = run.results.find((r: { ruleId: string }) => r.ruleId === 'wrong-project');
    assert.equal(wrong.level, 'error');
    assert.equal(run.tool.driver.rules[wrong.ruleIndex].id, 'wrong-project');
    assert.deepEqual(wrong.locations[0].physicalLocation.artifactLocation, { uri: '.env.staging', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(wrong.locations[0].physicalLocation.region, { startLine: 3, startColumn: 21, endLine: 3, endColumn: 63 });
    const info = run.results.find((r: { ruleId: string }) => r.ruleId === 'pair-unverified');
    assert.equal(info.level, 'note');
    assert.doesNotMatch(JSON.stringify(log), /sk-lf-demo-/);
  });

  it('carries text-edit fixes, suppressions with their reason, and files outside the base folder', () => {
    const file = path.join(dir, '.env.staging');
    const range = textRange(0, 0, 0, 13);
    const renamed = finding(file, 'variable-ignored-by-sdk', range, 'Rename it.', { fixes: [{ kind: 'replaceText', title: 'Rename to LANGFUSE_BASE_URL', range, newText: 'LANGFUSE_BASE_URL' }, { kind: 'openRotationWizard', title: 'Rotate', publicKey: 'pk-lf-1' }] });
    const outside = finding('/elsewhere/space here/.env', 'legacy-variable', range, 'Legacy.');
    const ignored = { ...finding(file, 'shared-key', range, 'Shared.'), suppressionReason: 'ticket SEC-42' };
    const log = toSarif({ findings: [renamed, outside], suppressed: [ignored], baseDir: dir });
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const results = (log.runs as Array<Record<string, any>>)[0].results;
    assert.equal(results[0].fixes.length, 1, 'only plain text edits become SARIF fixes');
    assert.deepEqual(results[0].fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 14 }, insertedContent: { text: 'LANGFUSE_BASE_URL' } });
    assert.equal(results[1].locations[0].physicalLocation.artifactLocation.uri, 'file:///elsewhere/space%20here/.env');
    assert.deepEqual(results[2].suppressions, [{ kind: 'external', status: 'accepted', justification: 'ticket SEC-42' }]);
  });

  it('an empty run is valid too', () => {
    assert.equal(validate(toSarif({ findings: [], baseDir: dir })), true, JSON.stringify(validate.errors));
  });
});
