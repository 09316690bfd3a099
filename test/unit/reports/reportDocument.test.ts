// Issue 14 item 6: one address per report, so reopening it shows it in the same place; names made safe.
import * as assert from 'node:assert/strict';
import { reportPath, safeName } from '../../../src/core/reports/reportDocument';

describe('report documents', () => {
  it('gives the same report the same address, and a Markdown report a .md name', () => {
    const spec = { kind: 'explain', id: 'local-sandbox/user-analyst', title: 'Access of Alex Analyst', language: 'markdown' as const };
    assert.equal(reportPath(spec), '/explain/local-sandbox user-analyst/Access of Alex Analyst.md');
    assert.equal(reportPath(spec), reportPath({ ...spec }));
    assert.notEqual(reportPath(spec), reportPath({ ...spec, id: 'local-sandbox/user-developer' }));
    assert.match(reportPath({ ...spec, kind: 'audit', language: 'json' }), /\.json$/);
  });

  it('keeps separators, control characters and leading dots out of a name from a server', () => {
    assert.equal(safeName('../../etc/passwd\u0000\u202e'), 'etc passwd');
    assert.equal(safeName(''), 'report');
    assert.equal(safeName('x'.repeat(200)).length, 80);
  });
});
