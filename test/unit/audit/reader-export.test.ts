import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CSV_COLUMNS, csvCell, formatAuditExport } from '../../../src/core/audit/export';
import { langfuseAuditLogLinks } from '../../../src/core/audit/index';
import { auditFacets, readAuditLog } from '../../../src/core/audit/reader';
import { tmpDir, writeDemoLog } from './helpers';

describe('audit reader and export', () => {
  it('reads newest first and filters by project, actor, action and date range', () => {
    const w = writeDemoLog(9, 100); // entries one minute apart from 09:00
    const all = readAuditLog(w.file);
    assert.deepEqual(all.entries.map(e => e.seq), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert.deepEqual(readAuditLog(w.file, { project: 'staging-chatbot' }).entries.map(e => e.seq), [8, 5, 2]);
    assert.deepEqual(readAuditLog(w.file, { actor: 'DATA-LEAD@acme.com' }).entries.map(e => e.seq), [9, 6, 3]);
    assert.deepEqual(readAuditLog(w.file, { action: 'apiKey.*' }).entries.map(e => e.seq), [7, 4, 1]);
    assert.deepEqual(readAuditLog(w.file, { action: 'member.add' }).entries.map(e => e.seq), [9, 6, 3]);
    const range = readAuditLog(w.file, { since: new Date('2026-11-01T09:02:00Z'), until: new Date('2026-11-01T09:05:00Z') });
    assert.deepEqual(range.entries.map(e => e.seq), [5, 4, 3]);
    const limited = readAuditLog(w.file, {}, 2);
    assert.deepEqual(limited.entries.map(e => e.seq), [9, 8]);
    assert.equal(limited.truncated, true);
  });

  it('hides checkpoints on request and skips damaged lines, naming them', () => {
    const w = writeDemoLog(6, 3);
    fs.appendFileSync(w.file, 'not json\n');
    const r = readAuditLog(w.file, { hideCheckpoints: true });
    assert.ok(r.entries.every(e => e.action !== 'audit.checkpoint'));
    assert.equal(r.entries.length, 6);
    assert.deepEqual(r.unreadableLines, [9]);
    assert.deepEqual(readAuditLog(path.join(tmpDir(), 'missing.jsonl')).entries, []);
  });

  it('exports JSON Lines that round-trip and CSV with one row per entry', () => {
    const w = writeDemoLog(3, 100);
    const entries = readAuditLog(w.file).entries.reverse();
    const jsonl = formatAuditExport(entries, 'jsonl');
    assert.deepEqual(jsonl.trim().split('\n').map(l => JSON.parse(l).seq), [1, 2, 3]);
    assert.deepEqual(JSON.parse(jsonl.split('\n')[0]), entries[0]);
    const csv = formatAuditExport(entries, 'csv').trim().split('\n');
    assert.equal(csv[0], CSV_COLUMNS.join(','));
    assert.equal(csv.length, 4);
    assert.match(csv[1], /^1,2026-11-01T09:00:00.000Z,engineering-lead@acme.com,/);
    assert.match(csv[1], /"\{""role"":""MEMBER"",""note"":""change 0""\}"/);
  });

  it('neutralises spreadsheet formulas and quotes separators in CSV cells', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('plain'), 'plain');
  });
});

describe('audit facets', () => {
  it('lists the projects, actors and actions present, for filter pickers', () => {
    const w = writeDemoLog(4, 100);
    assert.deepEqual(auditFacets(readAuditLog(w.file).entries), {
      projects: ['analytics-readonly', 'production-chatbot', 'staging-chatbot'],
      actors: ['data-lead@acme.com', 'engineering-lead@acme.com', 'senior-dev@acme.com'],
      actions: ['apiKey.create', 'member.add', 'projectMembership.set'],
    });
  });
});

describe('links to Langfuse\'s own audit log', () => {
  it('builds the project and organization settings pages', () => {
    assert.deepEqual(langfuseAuditLogLinks('https://langfuse.acme.com/', { projectId: 'proj-production-chatbot', organizationId: 'org-acme' }), {
      project: 'https://langfuse.acme.com/project/proj-production-chatbot/settings/audit-logs',
      organization: 'https://langfuse.acme.com/organization/org-acme/settings/audit-logs',
    });
  });
});
