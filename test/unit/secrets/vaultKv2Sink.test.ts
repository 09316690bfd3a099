// The Vault sink against a recorded-behaviour FAKE of Vault KV v2 (test/support/peers/vaultKv2Fake.ts),
// because Vault cannot be installed on this machine. An opt-in run against a real server is at the
// end: set VAULT_ADDR and VAULT_TOKEN (KV v2 at secret/); without them it is reported as pending.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SinkConfigError, SinkConflictError, SinkNetworkError, SinkNotFoundError, SinkPermissionError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import { VaultKv2Sink } from '../../../src/core/secrets/vault/vaultKv2Sink';
import { freePort } from '../../support/peers/freePort';
import { startVaultKv2Fake, type VaultFake } from '../../support/peers/vaultKv2Fake';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

const TOKEN = 'hvs.fake-write-token';
const PATH = 'secret/langfuse/production';

describe('secrets: Vault KV v2 sink against a recorded-behaviour fake of Vault KV v2', () => {
  let vault: VaultFake;
  const sink = (path = PATH, extra: Partial<{ token: string; namespace: string; address: string }> = {}) =>
    new VaultKv2Sink(path, { address: extra.address ?? vault.address, token: extra.token ?? TOKEN, namespace: extra.namespace, timeoutMs: 3000 });
  const seed = async (path: string, data: Record<string, unknown>) => {
    const res = await fetch(`${vault.address}/v1/secret/data/${path}`, { method: 'POST', headers: { 'x-vault-token': TOKEN }, body: JSON.stringify({ data }) });
    assert.equal(res.status, 200);
  };

  beforeEach(async () => {
    vault = await startVaultKv2Fake({
      tokens: { [TOKEN]: { capability: 'write' }, 'hvs.read-only': { capability: 'read' }, 'hvs.ns-token': { capability: 'write', namespace: 'acme/platform' } },
      mounts: [{ path: 'secret', version: '2' }, { path: 'team/kv', version: '2' }, { path: 'legacy', version: '1' }, { path: 'secret', version: '2', namespace: 'acme/platform' }, { path: 'short', version: '2', maxVersions: 1 }],
    });
  });
  afterEach(async () => { await vault.close(); });

  it('creates the secret with cas 0 and the token header; reads back by fingerprint', async () => {
    const s = sink();
    assert.equal((await s.read()).exists, false);
    const receipt = await s.write(NEW_PAIR);
    assert.equal(receipt.version, '1');
    assert.deepEqual(vault.secretData('secret', 'langfuse/production'), { LANGFUSE_PUBLIC_KEY: NEW_PAIR.publicKey, LANGFUSE_SECRET_KEY: NEW_PAIR.secretKey, LANGFUSE_BASE_URL: NEW_PAIR.baseUrl });
    const post = vault.requests.find(r => r.method === 'POST' && r.url === '/v1/secret/data/langfuse/production');
    assert.ok(post);
    assert.equal(post.headers['x-vault-token'], TOKEN);
    assert.deepEqual(JSON.parse(post.body).options, { cas: 0 });
    assert.equal((await s.readBack(NEW_PAIR)).matches, true);
    assert.equal(receipt.state.secretFingerprint, fingerprintSecret(NEW_PAIR.secretKey));
  });

  it('updates with cas = current version, keeps other fields, and the old version stays readable', async () => {
    await seed('langfuse/production', { DATABASE_URL: 'postgres://db/app', LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    const s = sink();
    const snap = await s.snapshot();
    assert.equal(snap.holdsSecret, false, 'a Vault snapshot is a version number, not a secret');
    const receipt = await s.write(NEW_PAIR, { expectedPrevious: snap.state });
    assert.equal(receipt.version, '2');
    assert.equal(vault.secretData('secret', 'langfuse/production')?.DATABASE_URL, 'postgres://db/app');
    const post = vault.requests.filter(r => r.method === 'POST').at(-1)!;
    assert.deepEqual(JSON.parse(post.body).options, { cas: 1 });
    const v1 = await (await fetch(`${vault.address}/v1/secret/data/langfuse/production?version=1`, { headers: { 'x-vault-token': TOKEN } })).json() as { data: { data: Record<string, string> } };
    assert.equal(v1.data.data.LANGFUSE_SECRET_KEY, OLD_PAIR.secretKey);
  });

  it('finds a mount with several segments by asking Vault, and sends the namespace header', async () => {
    await sink('team/kv/apps/chatbot').write(NEW_PAIR);
    assert.equal(vault.secretData('team/kv', 'apps/chatbot')?.LANGFUSE_PUBLIC_KEY, NEW_PAIR.publicKey);
    await sink(PATH, { token: 'hvs.ns-token', namespace: 'acme/platform' }).write(NEW_PAIR);
    assert.equal(vault.secretData('secret', 'langfuse/production', 'acme/platform')?.LANGFUSE_PUBLIC_KEY, NEW_PAIR.publicKey);
    assert.equal(vault.secretData('secret', 'langfuse/production'), undefined, 'nothing went to the root namespace');
    assert.ok(vault.requests.filter(r => r.headers['x-vault-token'] === 'hvs.ns-token').every(r => r.headers['x-vault-namespace'] === 'acme/platform'));
  });

  it('check-and-set: a write after someone else\'s change is a conflict and changes nothing', async () => {
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    const s = sink();
    const snap = await s.snapshot();
    const third = canaryPair(9);
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: third.publicKey, LANGFUSE_SECRET_KEY: third.secretKey });
    await assert.rejects(s.write(NEW_PAIR, { expectedPrevious: snap.state }), (err: Error) => err instanceof SinkConflictError && /version 2 holds/.test(err.message));
    assert.equal(vault.currentVersion('secret', 'langfuse/production'), 2);
    await assert.rejects(s.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) }), SinkConflictError);
  });

  it('an expected version that is stale is rejected by Vault itself (400 check-and-set)', async () => {
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    const s = sink();
    const snap = await s.snapshot();
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    await assert.rejects(s.write(NEW_PAIR, { expectedPrevious: snap.state }), (err: Error) => err instanceof SinkConflictError && /check-and-set parameter did not match/.test(err.message));
  });

  it('concurrent writers: every write lands as its own version and the result is one complete pair', async () => {
    const pairs = [1, 2, 3, 4].map(canaryPair);
    const receipts = await Promise.all(pairs.map(p => sink().write(p)));
    assert.deepEqual(receipts.map(r => Number(r.version)).sort(), [1, 2, 3, 4]);
    const data = vault.secretData('secret', 'langfuse/production')!;
    const winner = pairs.find(p => p.publicKey === data.LANGFUSE_PUBLIC_KEY)!;
    assert.equal(data.LANGFUSE_SECRET_KEY, winner.secretKey);
  });

  it('restore writes the old version\'s data as a new version; a path the write created is soft-deleted; a trimmed version is "not found"', async () => {
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    const s = sink();
    const snap = await s.snapshot();
    await s.write(NEW_PAIR);
    const restored = await s.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    assert.equal(restored.version, '3');
    assert.equal(vault.secretData('secret', 'langfuse/production')?.LANGFUSE_SECRET_KEY, OLD_PAIR.secretKey);
    await s.restore(snap);
    assert.equal(vault.currentVersion('secret', 'langfuse/production'), 3, 'restoring twice writes nothing');

    const fresh = sink('secret/langfuse/new');
    const freshSnap = await fresh.snapshot();
    await fresh.write(NEW_PAIR);
    assert.equal((await fresh.restore(freshSnap)).exists, false);
    await fresh.write(canaryPair(2));
    assert.equal((await fresh.read()).version, '2', 'a write after a soft delete uses the deleted version as cas');

    const short = sink('short/app');
    const shortSnap = (await short.write(OLD_PAIR), await short.snapshot());
    await short.write(NEW_PAIR);
    await assert.rejects(short.restore(shortSnap), (err: Error) => err instanceof SinkNotFoundError && /no longer available/.test(err.message));
  });

  it('no permission: a read-only token, a token from another namespace; nothing is written and the token is not echoed', async () => {
    await seed('langfuse/production', { LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey });
    await assert.rejects(sink(PATH, { token: 'hvs.read-only' }).write(NEW_PAIR), (err: Error) => {
      assert.ok(err instanceof SinkPermissionError, `${err.name}: ${err.message}`);
      assert.match(err.message, /policy grants create, read and update/);
      assert.ok(!err.message.includes('hvs.read-only'));
      assertNoSecretIn(err.message);
      return true;
    });
    await assert.rejects(sink(PATH, { token: 'hvs.ns-token' }).read(), SinkPermissionError);
    assert.equal(vault.currentVersion('secret', 'langfuse/production'), 1);
    assert.throws(() => sink(PATH, { token: '' }), SinkConfigError);
  });

  it('not found and wrong engine: an unknown mount, a KV v1 mount, a path that is only a mount', async () => {
    await assert.rejects(sink('nomount/app').write(NEW_PAIR), (err: Error) => err instanceof SinkNotFoundError && /vault secrets list/.test(err.message));
    await assert.rejects(sink('legacy/app').write(NEW_PAIR), (err: Error) => err instanceof SinkConfigError && /KV version 1/.test(err.message));
    await assert.rejects(sink('team/kv').read(), (err: Error) => err instanceof SinkConfigError && /only the mount/.test(err.message));
  });

  it('network: nobody listening, a sealed Vault, a redirect (not followed, token not sent on), plain http off loopback', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    await assert.rejects(sink(PATH, { address: closed }).read(), (err: Error) => err instanceof SinkNetworkError && /could not be reached/.test(err.message));
    vault.sealed = true;
    await assert.rejects(sink().write(NEW_PAIR), (err: Error) => err instanceof SinkNetworkError && /unsealed/.test(err.message));
    vault.sealed = false;
    const other = await startVaultKv2Fake({ tokens: {} });
    try {
      vault.redirectTo = other.address;
      await assert.rejects(sink().write(NEW_PAIR), (err: Error) => err instanceof SinkNetworkError && err.message.includes(other.address));
      assert.equal(other.requests.length, 0, 'the redirect target never saw the token');
    } finally {
      await other.close();
    }
    assert.throws(() => sink(PATH, { address: 'http://vault.acme.example:8200' }), (err: Error) => err instanceof SinkConfigError && /https:\/\/vault\.acme\.example:8200/.test(err.message));
  });
});

describe('secrets: Vault KV v2 sink over HTTPS against the fake of Vault KV v2 (self-signed certificate)', () => {
  it('trusts a private CA when given, and without it says the certificate is not trusted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    const vault = await startVaultKv2Fake({ tokens: { [TOKEN]: { capability: 'write' } }, tls });
    try {
      assert.match(vault.address, /^https:/);
      await assert.rejects(new VaultKv2Sink(PATH, { address: vault.address, token: TOKEN }).read(), (err: Error) => err instanceof SinkNetworkError && /certificate .* is not trusted/.test(err.message) && /NODE_EXTRA_CA_CERTS/.test(err.message));
      assert.equal(vault.requests.length, 0, 'no request (and no token) went over the untrusted connection');
      const trusted = new VaultKv2Sink(PATH, { address: vault.address, token: TOKEN, caCertPem: tls.cert });
      await trusted.write(NEW_PAIR);
      assert.equal((await trusted.readBack(NEW_PAIR)).matches, true);
    } finally {
      await vault.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('secrets: Vault KV v2 sink against a REAL Vault (opt-in: VAULT_ADDR, VAULT_TOKEN)', () => {
  it('writes, reads back and restores secret/langfuse-access-test', async function () {
    const address = process.env.VAULT_ADDR;
    const token = process.env.VAULT_TOKEN;
    if (!address || !token) this.skip();
    const s = new VaultKv2Sink(`secret/langfuse-access-test/${process.pid}`, { address: address!, token: token!, namespace: process.env.VAULT_NAMESPACE });
    const snap = await s.snapshot();
    await s.write(NEW_PAIR);
    assert.equal((await s.readBack(NEW_PAIR)).matches, true);
    await s.restore(snap);
    assert.equal((await s.read()).exists, snap.state.exists);
  });
});
