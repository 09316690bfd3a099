// Issue 14 item 9: keys read one way everywhere, and enough of each to tell them apart.
import * as assert from 'node:assert/strict';
import { distinctPublicKeyLabels, maskSecretKey, shortPublicKey } from '../../../src/core/keys/keyDisplay';

describe('key display', () => {
  it('shows the first and last four characters of a generated key\'s UUID', () => {
    assert.equal(shortPublicKey('pk-lf-b1000000-0000-4000-8000-000000000001'), 'pk-lf-b100…0001');
    assert.equal(shortPublicKey('pk-lf-c2000000-0000-4000-8000-000000000001'), 'pk-lf-c200…0001');
    assert.equal(shortPublicKey('pk-lf-short'), 'pk-lf-short');
  });

  it('widens the labels of keys whose short forms collide, and only those', () => {
    const keys = ['pk-lf-prod-chatbot-0001', 'pk-lf-prod-worker-0001', 'pk-lf-b1000000-0000-4000-8000-000000000001'];
    const labels = distinctPublicKeyLabels(keys);
    assert.equal(new Set(labels.values()).size, 3);
    assert.equal(labels.get(keys[2]), 'pk-lf-b100…0001');
    assert.notEqual(labels.get(keys[0]), labels.get(keys[1]));
    assert.ok(keys.slice(0, 2).every(k => labels.get(k)!.length < k.length || labels.get(k) === k));
  });

  it('masks a secret, and Langfuse\'s own displaySecretKey, in the one style sk-lf-…abcd', () => {
    assert.equal(maskSecretKey('sk-lf-demo-b1000000-0000-4000-8000-000000000001'), 'sk-lf-…0001');
    assert.equal(maskSecretKey('sk-lf-...0001'), 'sk-lf-…0001');
    assert.equal(maskSecretKey('sk-lf-…0001'), 'sk-lf-…0001');
    assert.equal(maskSecretKey('sk-lf-ab'), 'sk-lf-…');
  });
});
