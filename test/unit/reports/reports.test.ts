import * as assert from 'node:assert/strict';
import { checkIsolation, isolationReport } from '../../../src/core/reports/checkIsolation';
import { environmentKind } from '../../../src/core/reports/environmentKind';
import { explainAccess } from '../../../src/core/reports/explainAccess';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { scaffoldAccessFile } from '../../../src/core/access/scaffold';

const projects = [
  { id: 'p-prod', name: 'production-chatbot' },
  { id: 'p-stag', name: 'staging-chatbot' },
  { id: 'p-an', name: 'analytics-readonly' },
];
const members = [
  { userId: 'lead', email: 'engineering-lead@acme.com', name: 'Erin Lead', role: 'OWNER' as const },
  { userId: 'senior', email: 'senior-dev@acme.com', name: 'Sam Senior', role: 'ADMIN' as const },
  { userId: 'dev', email: 'developer@acme.com', name: 'Dana Developer', role: 'MEMBER' as const },
  { userId: 'analyst', email: 'analyst@acme.com', name: 'Alex Analyst', role: 'NONE' as const },
];

describe('environment kinds', () => {
  it('reads environments from names without matching inside words', () => {
    assert.equal(environmentKind('production-chatbot'), 'production');
    assert.equal(environmentKind('chatbot-staging'), 'staging');
    assert.equal(environmentKind('analytics-readonly'), 'analytics');
    assert.equal(environmentKind('product-catalog'), undefined);
    assert.equal(environmentKind('prod-staging'), undefined);
  });
});

describe('check isolation', () => {
  it('passes the Acme layout with matching notes and writers', () => {
    const findings = checkIsolation({
      projects, members,
      overrides: new Map([['p-prod', []]]),
      keys: new Map([['p-prod', [{ publicKey: 'pk-lf-1', note: 'chatbot-production' }]]]),
      environments: { production: { project: 'production-chatbot', writers: ['engineering-lead@acme.com', 'senior-dev@acme.com', 'developer@acme.com'] } },
    });
    assert.deepEqual(findings, []);
  });

  it('flags environments sharing a project, unlisted production writers and a key note from another environment', () => {
    const findings = checkIsolation({
      projects, members,
      overrides: new Map([['p-prod', [{ userId: 'analyst', role: 'VIEWER' as const }]]]),
      keys: new Map([['p-prod', [{ publicKey: 'pk-lf-9', note: 'chatbot-staging' }]]]),
      environments: {
        production: { project: 'production-chatbot', writers: ['engineering-lead@acme.com'] },
        staging: { project: 'production-chatbot' },
      },
    });
    const codes = findings.map(f => f.code).sort();
    assert.deepEqual(codes, ['isolation.keyNoteEnvironment', 'isolation.sharedProject', 'isolation.unlistedWriter', 'isolation.unlistedWriter']);
    assert.ok(findings.some(f => f.message.includes('senior-dev@acme.com can write to production-chatbot (ADMIN)')));
    assert.ok(!findings.some(f => f.message.includes('analyst@acme.com')), 'a VIEWER is no writer');
  });

  it('flags an organization without separate production and staging projects', () => {
    const findings = checkIsolation({ projects: [{ id: 'x', name: 'chatbot' }], members, overrides: new Map(), keys: new Map() });
    assert.equal(findings[0].code, 'isolation.noSeparation');
  });

  it('says the production writers check did not run when no writers are declared, and never claims they match', () => {
    const noWriters = checkIsolation({ projects, members, overrides: new Map([['p-prod', []]]), keys: new Map(), environments: { production: { project: 'production-chatbot' } } });
    assert.deepEqual(noWriters.map(f => [f.code, f.severity, f.project]), [['isolation.writersNotChecked', 'info', 'production-chatbot']]);
    assert.match(noWriters[0].message, /^Production writers of production-chatbot were not checked: the access file lists no "writers:" for its production environment\./);
    const report = isolationReport(noWriters, 'Acme');
    assert.doesNotMatch(report, /writers match/);
    assert.match(report, /\| info \| production-chatbot \| Production writers of production-chatbot were not checked/);
    const noFile = checkIsolation({ projects, members, overrides: new Map(), keys: new Map() });
    assert.match(noFile.find(f => f.code === 'isolation.writersNotChecked')!.message, /there is no workspace access file listing them/);
    assert.match(isolationReport([], 'Acme'), /production writers match the access file/, 'the claim is kept for a check that ran and found nothing');
  });
});

describe('explain access', () => {
  it('says the effective role per project and why', () => {
    const md = explainAccess({
      member: members[3],
      projects: [{ id: 'p-an', name: 'analytics-readonly', override: 'VIEWER' }, { id: 'p-prod', name: 'production-chatbot', override: undefined }],
      projectRoles: true,
    });
    assert.match(md, /\| analytics-readonly \| VIEWER \| project role VIEWER set on analytics-readonly, overriding organization NONE \| ✓ \| — \| — \| — \| — \|/);
    assert.match(md, /\| production-chatbot \| no access \| inherited from organization role NONE \|/);
    assert.match(md, /✗ manage organization members/);
  });
});

describe('access file scaffold', () => {
  it('writes one environment per project that the access-file loader accepts', () => {
    const text = scaffoldAccessFile('local-sandbox', [
      { name: 'production-chatbot', publicKeys: ['pk-lf-b1000000-0000-4000-8000-000000000001'] },
      { name: 'staging-chatbot', publicKeys: [] },
      { name: 'analytics-readonly', publicKeys: ['pk-lf-d3000000-0000-4000-8000-000000000001'] },
      { name: 'Marketing Site', publicKeys: [] },
    ], 90);
    const loaded = parseAccessFile(text, '/ws/.langfuse/access.yaml', '/ws');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(Object.keys(loaded.config!.environments), ['production', 'staging', 'analytics', 'marketing-site']);
    assert.equal(loaded.config!.environments.production.project, 'production-chatbot');
    assert.deepEqual(loaded.config!.environments.analytics.publicKeys, ['pk-lf-d3000000-0000-4000-8000-000000000001']);
    assert.equal(loaded.config!.connection, 'local-sandbox');
  });
});
