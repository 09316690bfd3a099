import { strict as assert } from 'node:assert';
import { SecretKeys } from '../../../src/core/names';
import { SinkConflictError, SinkPermissionError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import { SecretStorageSink } from '../../../src/core/secrets/secretStorage/secretStorageSink';
import { MemorySecretStorage } from './support/memorySecretStorage';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

describe('secrets: SecretStorage sink (the extension edge passes VS Code\'s SecretStorage)', () => {
  const key = SecretKeys.connection('acme-prod');

  it('updates the connection\'s stored pair in the connection store\'s JSON format', async () => {
    const storage = new MemorySecretStorage();
    storage.values.set(key, JSON.stringify({ publicKey: OLD_PAIR.publicKey, secretKey: OLD_PAIR.secretKey }));
    const sink = new SecretStorageSink(storage, key, 'connection "Acme prod"');
    assert.equal(sink.describe(), 'VS Code SecretStorage (connection "Acme prod")');
    const snap = await sink.snapshot();
    const receipt = await sink.write(NEW_PAIR, { expectedPrevious: snap.state });
    assert.deepEqual(JSON.parse(storage.values.get(key)!), { publicKey: NEW_PAIR.publicKey, secretKey: NEW_PAIR.secretKey });
    assert.equal(receipt.state.secretFingerprint, fingerprintSecret(NEW_PAIR.secretKey));
    assert.equal((await sink.readBack(NEW_PAIR)).matches, true, 'the base URL lives in settings and is not compared');
    assert.equal((await sink.write(NEW_PAIR)).unchanged, true);
    await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    assert.equal(storage.values.get(key), JSON.stringify({ publicKey: OLD_PAIR.publicKey, secretKey: OLD_PAIR.secretKey }));
  });

  it('check-and-set against another window\'s change, and restore of a key that did not exist', async () => {
    const storage = new MemorySecretStorage();
    const sink = new SecretStorageSink(storage, key);
    const snap = await sink.snapshot();
    assert.equal(snap.holdsSecret, false);
    const other = canaryPair(1);
    await new SecretStorageSink(storage, key).write(other);
    await assert.rejects(sink.write(NEW_PAIR, { expectedPrevious: snap.state }), SinkConflictError);
    await assert.rejects(sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) }), SinkConflictError);
    await sink.restore(snap);
    assert.equal(storage.values.has(key), false);
  });

  it('a locked keyring is a permission error that does not repeat the keyring\'s message', async () => {
    const storage = new MemorySecretStorage();
    storage.values.set(key, JSON.stringify({ publicKey: OLD_PAIR.publicKey, secretKey: OLD_PAIR.secretKey }));
    storage.locked = true;
    await assert.rejects(new SecretStorageSink(storage, key).write(NEW_PAIR), (err: Error) => {
      assert.ok(err instanceof SinkPermissionError);
      assert.match(err.message, /Unlock the keyring/);
      assertNoSecretIn(err.message);
      return true;
    });
  });
});
