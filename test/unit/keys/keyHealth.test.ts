import * as assert from 'node:assert/strict';
import { assessKey, conventionPattern, formatAge } from '../../../src/core/keys/keyHealth';

const now = new Date('2026-11-28T12:00:00Z');
const policy = { maxAgeDays: 90, noteConvention: '{service}-{environment}' };

describe('key health', () => {
  it('flags a key older than the rotation policy, with its age', () => {
    const h = assessKey({ createdAt: '2026-06-01T09:00:00.000Z', note: 'chatbot-production' }, policy, now);
    assert.equal(h.ageDays, 180);
    assert.equal(h.overdue, true);
    assert.match(h.warnings[0], /180 days ago.*90-day/);
  });

  it('accepts a young key whose note follows the convention', () => {
    const h = assessKey({ createdAt: '2026-10-15T09:00:00.000Z', note: 'chatbot-staging' }, policy, now);
    assert.deepEqual([h.overdue, h.noteFollowsConvention, h.warnings], [false, true, []]);
  });

  it('warns on a missing or off-convention note', () => {
    assert.match(assessKey({ createdAt: '2026-11-01T00:00:00Z', note: null }, policy, now).warnings[0], /No note/);
    assert.match(assessKey({ createdAt: '2026-11-01T00:00:00Z', note: 'my key' }, policy, now).warnings[0], /does not follow/);
  });

  it('treats literal parts of a convention literally and an empty one as "anything goes"', () => {
    const p = conventionPattern('lf.{service}/{environment}')!;
    assert.ok(p.test('lf.api/prod'));
    assert.ok(!p.test('lfXapi/prod'));
    assert.equal(conventionPattern(''), undefined);
  });

  it('formats every age in one unit, days (the rotation policy is in days too)', () => {
    assert.deepEqual([formatAge(0), formatAge(1), formatAge(53), formatAge(180), formatAge(900), formatAge(undefined)], ['new today', '1 day old', '53 days old', '180 days old', '900 days old', 'age unknown']);
  });
});
