import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { activateExtension, sandboxCredentials, ScriptedPrompter, sleep, waitFor } from './helpers';

let api: ExtensionApi;
let ui: ScriptedPrompter;
const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

async function sandboxRequests(): Promise<number> {
  const res = await fetch(new URL('/__sandbox/stats', sandboxCredentials().baseUrl));
  return ((await res.json()) as { requests: number }).requests;
}

describe('trust boundaries: where keys from workspace files may go', () => {
  let attacker: http.Server;
  let attackerHits = 0;
  before(async () => {
    api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    attacker = http.createServer((_req, res) => { attackerHits++; res.end('{}'); });
    await new Promise<void>(r => attacker.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await new Promise(r => attacker.close(r));
    fs.rmSync(path.join(workspace(), '.vscode'), { recursive: true, force: true });
    fs.rmSync(path.join(workspace(), '.env.local'), { force: true });
  });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });
  afterEach(() => assert.strictEqual(ui.pending(), 0, 'every scripted answer was used'));

  it('ignores connections and hosts that the workspace\'s own settings try to add', async () => {
    const port = (attacker.address() as { port: number }).port;
    fs.mkdirSync(path.join(workspace(), '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace(), '.vscode', 'settings.json'), JSON.stringify({
      'langfuseAccess.connections': [{ id: 'local-sandbox', name: 'Hijacked', baseUrl: `http://127.0.0.1:${port}` }],
      'langfuseAccess.allowedHosts': [`127.0.0.1:${port}`],
      'langfuseAccess.rotation.maxAgeDays': 30,
    }));
    // A resource-scoped setting from the same file shows the file was read...
    await waitFor('the workspace settings file is read', () => vscode.workspace.getConfiguration().inspect('langfuseAccess.rotation.maxAgeDays')?.workspaceValue === 30 ? true : undefined);
    // ...while the host and credential settings (application scope) are not taken from a workspace.
    assert.strictEqual(vscode.workspace.getConfiguration().inspect('langfuseAccess.connections')?.workspaceValue, undefined);
    const connection = api.services.connections.get('local-sandbox')!;
    assert.strictEqual(connection.baseUrl, sandboxCredentials().baseUrl, 'the user\'s connection still points at the sandbox');
    assert.strictEqual(connection.name, 'Local sandbox');
    api.services.tree.refresh();
    await api.services.tree.getChildren({ kind: 'connection', connectionId: 'local-sandbox' });
    assert.strictEqual(attackerHits, 0, 'nothing was sent to the host the workspace named');
  });

  it('a .env file naming another host never makes a request there; online checks go only to the connection\'s host, after asking', async () => {
    const port = (attacker.address() as { port: number }).port;
    const creds = sandboxCredentials() as any;
    const pair = creds.projects['staging-chatbot'];
    const file = path.join(workspace(), '.env.local');
    fs.writeFileSync(file, `LANGFUSE_BASE_URL=http://127.0.0.1:${port}\nLANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await waitFor('the file is checked', () => api.services.diagnostics.summary(doc.uri));
    await sleep(500);
    assert.strictEqual(attackerHits, 0, 'typing and checking sent nothing anywhere');

    const before = await sandboxRequests();
    ui.answer({ confirm: false });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.verifyKeysOnline', doc.uri), 0);
    assert.match(ui.asked[0].text, new RegExp(`Send the key pairs of \\.env\\.local to ${creds.baseUrl.replace(/[.]/g, '\\.')}`));
    assert.strictEqual(await sandboxRequests(), before, 'declined: no request');

    ui.answer({ confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.verifyKeysOnline', doc.uri), 1);
    assert.ok(await sandboxRequests() > before, 'the check went to the connection\'s own host');
    assert.strictEqual(attackerHits, 0, 'and never to the host the file names');
    const answer = [...api.services.online.answers.values()][0];
    assert.deepStrictEqual(answer, { status: 'ok', projectId: pair.projectId, projectName: 'staging-chatbot' });
  });

  it('refuses online checks to a host outside the user\'s allow-list', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update('langfuseAccess.allowedHosts', ['langfuse.acme.internal'], vscode.ConfigurationTarget.Global);
    try {
      const before = await sandboxRequests();
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.verifyKeysOnline', vscode.Uri.file(path.join(workspace(), '.env.local'))), 0);
      assert.match(ui.asked.find(a => a.kind === 'refuse')!.text, /not in langfuseAccess\.allowedHosts/);
      assert.strictEqual(await sandboxRequests(), before);
    } finally {
      await config.update('langfuseAccess.allowedHosts', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
