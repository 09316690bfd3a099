// The tokens the settings refer to (issue 20 item 7): checked when pasted, a Vault token checked with
// Vault (the recorded-behaviour fake, test/support/peers/vaultKv2Fake.ts), and the error of a missing
// token names the command that really exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkVaultToken, SINK_TOKENS, sinkTokenProblem } from '../../../src/core/secrets/sinkTokens';
import { VaultKv2Sink } from '../../../src/core/secrets/vault/vaultKv2Sink';
import { startVaultKv2Fake, type VaultFake } from '../../support/peers/vaultKv2Fake';

const ROOT = path.resolve(__dirname, '../../..');

describe('sink tokens (Set Vault Token…, Set SIEM Token…)', () => {
  let vault: VaultFake;
  before(async () => { vault = await startVaultKv2Fake({ tokens: { 'hvs.good': { capability: 'write' } } }); });
  after(async () => { await vault.close(); });

  it('a missing Vault token names the command the extension contributes', () => {
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const title = nls['command.setVaultToken'];
    assert.equal(title, 'Set Vault Token…');
    assert.throws(() => new VaultKv2Sink('secret/langfuse/x', { address: vault.address, token: '' }), (e: Error) => e.message.includes(`"Langfuse Access: ${title}"`));
    assert.ok(SINK_TOKENS.vault.prompt.includes('langfuseAccess.secretManagers'));
  });

  it('refuses what cannot be a token', () => {
    assert.match(sinkTokenProblem('  ')!, /Paste the token/);
    assert.match(sinkTokenProblem('hvs.a b')!, /no spaces/);
    assert.match(sinkTokenProblem('sk-lf-1234')!, /Langfuse API key/);
    assert.equal(sinkTokenProblem(' hvs.CAESIJ \n'), undefined);
  });

  it('asks Vault who the token is: accepted, refused, no address, unreachable', async () => {
    const ok = await checkVaultToken({ address: vault.address }, 'hvs.good');
    assert.deepEqual(ok, { kind: 'accepted', summary: `Vault at ${vault.address} accepted the token: policies write.` });
    assert.equal(vault.requests.at(-1)!.url, '/v1/auth/token/lookup-self');
    const bad = await checkVaultToken({ address: vault.address }, 'hvs.bad');
    assert.equal(bad.kind, 'refused');
    assert.match((bad as { message: string }).message, /refused the token \(HTTP 403\): it is mistyped, expired or revoked/);
    assert.equal((await checkVaultToken(undefined, 'hvs.good')).kind, 'no-address');
    const closed = await startVaultKv2Fake({ tokens: {} });
    const address = closed.address;
    await closed.close();
    assert.equal((await checkVaultToken({ address }, 'hvs.good', 2000)).kind, 'unreachable');
    assert.equal((await checkVaultToken({ address: 'http://vault.acme.com:8200' }, 'hvs.good')).kind, 'refused', 'plain http to a remote host is refused before sending the token');
  });
});
