// Issue 20 item 7: the Vault token the `vault:` targets need is stored by "Set Vault Token…", and a
// rotation into Vault then works from the extension. Vault cannot run here: the peer is
// test/support/peers/vaultKv2Fake.ts, a FAKE that follows Vault's documented KV v2 behaviour
// (labelled so in that file), started in this extension host on 127.0.0.1.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { startVaultKv2Fake, type VaultFake } from '../../support/peers/vaultKv2Fake';
import { activateExtension, auditLines, packageJson, sandboxCredentials, sandboxGet, ScriptedPrompter, ScriptedSteps, waitFor } from './helpers';

const TOKEN = 'hvs.langfuse-rotation-writer';
// A key made for this test in analytics-readonly, whose ADMIN is data-lead@acme.com; its secret is a
// canary, so the run's canary scan proves it reached no log, setting or audit entry.
const OLD = { publicKey: 'pk-lf-0a0a0a0a-0000-4000-8000-00000000beef', secretKey: 'sk-lf-canary-vault-0a0a0a0a-old-secret' };
const VAULT_PATH = 'secret/langfuse/analytics';

async function whoAmI(publicKey: string, secretKey: string): Promise<number> {
  const auth = Buffer.from(`${publicKey}:${secretKey}`).toString('base64');
  return (await fetch(new URL('/api/public/projects', sandboxCredentials().baseUrl), { headers: { Authorization: `Basic ${auth}` } })).status;
}

async function createOldKey(): Promise<void> {
  const c = sandboxCredentials();
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL('/api/public/projects/proj-analytics-readonly/apiKeys', c.baseUrl), {
    method: 'POST', headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'dashboard-vault', ...OLD }),
  });
  assert.strictEqual(res.status, 201, 'the key to rotate exists');
}

describe('Set Vault Token… and a vault: rotation from the extension (Vault: recorded-behaviour fake)', () => {
  let api: ExtensionApi;
  let ui: ScriptedPrompter;
  let vault: VaultFake;
  const config = () => vscode.workspace.getConfiguration();

  before(async () => {
    api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    vault = await startVaultKv2Fake({ tokens: { [TOKEN]: { capability: 'write' } } });
    await config().update('langfuseAccess.secretManagers', { vault: { address: vault.address } }, vscode.ConfigurationTarget.Global);
    await createOldKey();
    // Made behind the extension's back: reload what the tree knows, as the Refresh button does.
    await vscode.commands.executeCommand('langfuseAccess.refresh');
    await api.services.context.secrets.store(`langfuseAccess/key/${OLD.publicKey}`, JSON.stringify({ ...OLD, baseUrl: sandboxCredentials().baseUrl, projectId: 'proj-analytics-readonly', projectName: 'analytics-readonly', note: 'dashboard-vault' }));
  });
  after(async () => {
    await config().update('langfuseAccess.secretManagers', undefined, vscode.ConfigurationTarget.Global);
    await vault?.close();
  });
  beforeEach(() => { ui = new ScriptedPrompter(); ui.steps = new ScriptedSteps(); api.services.ui = ui; });
  afterEach(() => {
    assert.strictEqual(ui.pending(), 0, 'every scripted answer was used');
    assert.strictEqual(ui.steps!.pending(), 0, 'every scripted step was used');
  });

  it('is a palette command; refuses a token Vault rejects and stores one it accepts, only in SecretStorage', async () => {
    const contributed = packageJson().contributes.commands.find((c: { command: string }) => c.command === 'langfuseAccess.setVaultToken');
    assert.ok(contributed, 'contributed in package.json');
    assert.ok((await vscode.commands.getCommands(true)).includes('langfuseAccess.setVaultToken'), 'registered');

    ui.answer({ input: 'hvs.mistyped-token' });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setVaultToken'), false);
    assert.match(ui.asked.find(a => a.kind === 'refuse')!.text, /^Not stored: Vault at http:\/\/127\.0\.0\.1:\d+ refused the token .*mistyped, expired or revoked/);
    assert.strictEqual(await api.services.context.secrets.get('langfuseAccess/sink/vault'), undefined);

    ui.answer({ input: ` ${TOKEN}\n` });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setVaultToken'), true, ui.failures());
    assert.match(ui.asked.filter(a => a.kind === 'notify').at(-1)!.text, /^Vault token stored in SecretStorage\. Vault at http:\/\/127\.0\.0\.1:\d+ accepted the token: policies write\.$/);
    assert.strictEqual(await api.services.context.secrets.get('langfuseAccess/sink/vault'), TOKEN, 'trimmed, in SecretStorage');
    assert.ok(!JSON.stringify(config().inspect('langfuseAccess')).includes(TOKEN), 'not in any setting');
    const entry = auditLines().filter(e => e.action === 'sink.tokenSet').at(-1)!;
    assert.deepStrictEqual([entry.resource.id, entry.outcome], ['vault', 'success']);
    assert.ok(!JSON.stringify(auditLines()).includes('hvs.'), 'no token in the audit log');
  });

  it('rotates a key into vault:secret/langfuse/analytics with the stored token', async () => {
    await config().update('langfuseAccess.actingAs', 'data-lead@acme.com', vscode.ConfigurationTarget.Global);
    let journal: any;
    try {
      // From the key (as the tree and the .env quick fix open it): targets → mode, then the confirmations.
      ui.steps!.answer({ pickMany: [/Add a target/] }, { text: `vault:${VAULT_PATH}` }, { pickMany: [`vault:${VAULT_PATH}`] }, { pick: 'Normal rotation' });
      ui.answer({ confirm: true }, { confirm: true }, { confirm: true });
      journal = await vscode.commands.executeCommand<any>('langfuseAccess.rotateKey', OLD.publicKey);
    } finally {
      await config().update('langfuseAccess.actingAs', 'engineering-lead@acme.com', vscode.ConfigurationTarget.Global);
    }
    assert.ok(journal, `the wizard ran: ${ui.failures()} (steps shown: ${ui.steps!.shown.join(" / ")})`);
    assert.strictEqual(journal.status, 'completed', JSON.stringify(journal.waiting ?? journal.error ?? journal.step));
    const stored = vault.secretData('secret', 'langfuse/analytics')!;
    assert.ok(stored, 'Vault holds the new pair');
    const newPk = String(stored.LANGFUSE_PUBLIC_KEY);
    assert.notStrictEqual(newPk, OLD.publicKey);
    assert.strictEqual(await whoAmI(newPk, String(stored.LANGFUSE_SECRET_KEY)), 200, 'the pair in Vault works');
    assert.strictEqual(await whoAmI(OLD.publicKey, OLD.secretKey), 401, 'the old key is revoked');
    assert.ok((await sandboxGet('/api/public/projects/proj-analytics-readonly/apiKeys')).apiKeys.some((k: any) => k.publicKey === newPk));
    const writes = vault.requests.filter(r => r.method === 'POST' || r.method === 'PUT');
    assert.ok(writes.length > 0 && writes.every(r => r.headers['x-vault-token'] === TOKEN), 'every write carried the token set with "Set Vault Token…"');
    const audit = JSON.stringify(auditLines().filter(e => e.resource.id === journal.id));
    assert.ok(audit.includes(`vault:${VAULT_PATH}`) && !audit.includes(TOKEN) && !audit.includes(String(stored.LANGFUSE_SECRET_KEY)), 'the target is audited, no token or secret');
  });
});
