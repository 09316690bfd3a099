// Issue 14 item 1: "revoked" needs evidence from the connection that listed the key and still exists.
import * as assert from 'node:assert/strict';
import type { KeyIndexEntry } from '../../../src/core/rules/keyIndex';
import { KeySightings } from '../../../src/core/rules/keySightings';

const entry = (projectName: string): KeyIndexEntry => ({ projectId: `proj-${projectName}`, projectName, scope: 'project' });
const listing = (source: string, keys: Record<string, string> | undefined) => ({ source, entries: keys && new Map(Object.entries(keys).map(([pk, p]) => [pk, entry(p)])) });

describe('key sightings', () => {
  it('a key the listing connection no longer lists is revoked', () => {
    const s = new KeySightings();
    s.update([listing('acme', { 'pk-lf-a': 'staging', 'pk-lf-b': 'production' })]);
    s.update([listing('acme', { 'pk-lf-b': 'production' })]);
    assert.equal(s.entries().get('pk-lf-a')?.revoked, true);
    assert.equal(s.entries().get('pk-lf-b')?.revoked, undefined);
    assert.equal(s.complete, true);
  });

  it('a removed or changed connection proves nothing: its keys become unknown, not revoked', () => {
    const s = new KeySightings();
    s.update([listing('acme', { 'pk-lf-a': 'staging' })]);
    s.update([]);
    assert.equal(s.entries().size, 0);
    assert.equal(s.empty, true);
    assert.equal(s.complete, false);
    s.update([listing('acme', { 'pk-lf-a': 'staging' })]);
    s.update([listing('acme-with-another-key', { 'pk-lf-z': 'other' })]);
    assert.equal(s.entries().has('pk-lf-a'), false);
  });

  it('a connection that could not list this time proves nothing now, and its evidence counts again once it lists', () => {
    const s = new KeySightings();
    s.update([listing('acme', { 'pk-lf-a': 'staging' })]);
    s.update([listing('acme', undefined)]);
    assert.equal(s.entries().has('pk-lf-a'), false);
    assert.equal(s.complete, false);
    s.update([listing('acme', {})]);
    assert.equal(s.entries().get('pk-lf-a')?.revoked, true);
  });
});
