// The contract the rotation relies on, checked for every sink built through createSink() against
// its real peer: filesystem, moto_server, pass+gpg, the Vault KV v2 fake, an in-memory SecretStorage.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSink, type SinkFactoryOptions } from '../../../src/core/secrets/createSink';
import { SinkConflictError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import type { SecretSink } from '../../../src/core/secrets/types';
import { FAKE_AWS_ENV, startMoto, type MotoServer } from '../../support/peers/moto';
import { createPassStore, type PassStore } from '../../support/peers/passStore';
import { startVaultKv2Fake, type VaultFake } from '../../support/peers/vaultKv2Fake';
import { MemorySecretStorage } from './support/memorySecretStorage';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

describe('secrets: every sink keeps the rotation contract (real peers; Vault is a fake of KV v2)', function () {
  this.timeout(30000);
  let moto: MotoServer;
  let pass: PassStore;
  let vault: VaultFake;
  let dir: string;
  let options: SinkFactoryOptions;

  before(async () => {
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-contract-'));
    [moto, vault] = await Promise.all([startMoto(), startVaultKv2Fake({ tokens: { 'hvs.contract': { capability: 'write' } } })]);
    pass = createPassStore();
    options = {
      lockDir: path.join(dir, 'locks'),
      tool: 'test',
      cwd: dir,
      settings: { aws: { region: 'us-east-1', endpoint: moto.endpoint }, vault: { address: vault.address }, pass: { storeDir: pass.storeDir } },
      aws: { credentials: { accessKeyId: FAKE_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_AWS_ENV.AWS_SECRET_ACCESS_KEY }, maxAttempts: 1 },
      pass: { gnupgHome: pass.gnupgHome },
      vaultToken: 'hvs.contract',
      secretStorage: { storage: new MemorySecretStorage(), defaultKey: 'langfuseAccess/connection/acme' },
    };
  });
  after(async () => {
    await Promise.all([moto?.stop(), vault?.close()]);
    pass?.teardown();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const spec of ['env:./app/.env', 'aws-sm:acme/contract', 'pass:acme/contract', 'vault:secret/acme/contract', 'secretstorage']) {
    it(`${spec}: snapshot → write → read back → resume → restore → restore again, and check-and-set`, async () => {
      fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
      const sink: SecretSink = createSink(spec, options);
      await sink.write(OLD_PAIR);
      const snap = await sink.snapshot();
      assertNoSecretIn(JSON.stringify(snap.state) + sink.describe());
      if (!snap.holdsSecret) assertNoSecretIn(JSON.stringify(snap));

      const written = await sink.write(NEW_PAIR, { expectedPrevious: snap.state });
      assert.equal(written.unchanged, false);
      assertNoSecretIn(JSON.stringify(written));
      assert.equal((await sink.readBack(NEW_PAIR)).matches, true);
      assert.equal((await sink.readBack(OLD_PAIR)).matches, false);
      assert.equal((await sink.write(NEW_PAIR, { expectedPrevious: snap.state })).unchanged, true, 'a resumed write is a success');

      const restored = await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
      assert.equal(restored.publicKey, OLD_PAIR.publicKey);
      assert.equal(restored.secretFingerprint, fingerprintSecret(OLD_PAIR.secretKey));
      await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
      assert.equal((await sink.readBack({ publicKey: OLD_PAIR.publicKey, secretKey: OLD_PAIR.secretKey })).matches, true);

      await sink.write(canaryPair(11));
      await assert.rejects(sink.write(NEW_PAIR, { expectedPrevious: snap.state }), (err: Error) => {
        assert.ok(err instanceof SinkConflictError, `${err.name}: ${err.message}`);
        assertNoSecretIn(err.message);
        return true;
      });
    });
  }
});
