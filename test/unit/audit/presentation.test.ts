// Issue 14 item 12: the Audit Log view names a rotation's rows by step and says which filter is on.
import * as assert from 'node:assert/strict';
import type { AuditEntry } from '../../../src/core/audit/entry';
import { entryView, filterDescription, rotationStepTitle } from '../../../src/core/audit/presentation';

const OLD = 'pk-lf-d3000000-0000-4000-8000-000000000001';
const entry = (action: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  v: 1, seq: 7, time: '2026-12-07T10:00:00.000Z', actor: { identity: 'a@acme.com', machine: 'm', tool: 'cli', version: '0.1.0' }, action, outcome: 'success',
  resource: { kind: 'rotation', id: 'rot-1', name: OLD, project: 'analytics-readonly' }, details: { oldPublicKey: OLD }, prev: '0'.repeat(64), hash: 'a'.repeat(64), ...extra,
});

describe('audit presentation', () => {
  it('labels each rotation row by its step, with old → new key in the tooltip', () => {
    const labels = ['rotation.planned', 'rotation.created', 'rotation.pushed', 'rotation.revoked', 'rotation.rollback'].map(a => entryView(entry(a)).label);
    assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
    assert.equal(labels[2], 'rotation  Targets updated and read back · analytics-readonly');
    assert.equal(rotationStepTitle('rotation.rollback'), 'Roll back');
    const withNew = entryView(entry('rotation.verified', { details: { oldPublicKey: OLD, newPublicKey: 'pk-lf-1a2b0000-0000-4000-8000-00000000beef' } }));
    assert.match(withNew.tooltip, /`pk-lf-d300…0001` → `pk-lf-1a2b…beef`/);
    assert.match(entryView(entry('rotation.created')).tooltip, /→ _not created yet_/);
  });

  it('shortens public keys in other rows\' labels too', () => {
    const created = entryView(entry('apiKey.created', { resource: { kind: 'apiKey', name: OLD, project: 'analytics-readonly' } }));
    assert.equal(created.label, 'apiKey.created  pk-lf-d300…0001 · analytics-readonly');
  });

  it('describes the filter that is on, and nothing when none is', () => {
    assert.equal(filterDescription({ hideCheckpoints: true }), undefined);
    assert.equal(filterDescription({ hideCheckpoints: true, action: 'apiKey.*', project: 'staging-chatbot' }), 'filtered by project: staging-chatbot · action: apiKey.*');
  });
});
