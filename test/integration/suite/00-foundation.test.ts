import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { log } from './index';
import { activateExtension, auditLines, packageJson, sandboxCredentials, waitFor } from './helpers';

describe('foundation: the extension in a real VS Code host', () => {
  it('runs in the Node extension host of VS Code 1.100', async () => {
    await activateExtension();
    log(`vscode ${vscode.version}, node ${process.versions.node}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, remoteName=${vscode.env.remoteName}`);
    assert.match(vscode.version, /^1\.100\./);
  });

  it('registers every command it contributes', async () => {
    await activateExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = packageJson().contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length >= 5);
    assert.deepStrictEqual(contributed.filter(id => !registered.has(id)), []);
  });

  it('connects to the local sandbox on start: settings hold no secret, SecretStorage holds the pair', async () => {
    const api = await activateExtension();
    const expected = sandboxCredentials();
    const connection = await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    assert.strictEqual(connection.baseUrl, expected.baseUrl);
    const inSettings = JSON.stringify(vscode.workspace.getConfiguration().inspect('langfuseAccess.connections')?.globalValue);
    assert.ok(!inSettings.includes(expected.organization.secretKey), 'no secret in settings');
    assert.ok(!inSettings.includes('sk-lf-'), 'nothing secret-shaped in settings');
    const pair = await api.services.connections.keyPair('local-sandbox');
    assert.deepStrictEqual(pair, expected.organization);
  });

  it('removes and re-adds a connection, auditing both without the secret', async () => {
    const api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    const before = auditLines().length;
    await api.services.connections.remove('local-sandbox');
    assert.strictEqual(api.services.connections.get('local-sandbox'), undefined);
    assert.strictEqual(await api.services.connections.keyPair('local-sandbox'), undefined, 'the pair left SecretStorage');
    const id = await vscode.commands.executeCommand<string>('langfuseAccess.connectSandbox', process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS);
    assert.strictEqual(id, 'local-sandbox');
    const entries = auditLines().slice(before);
    assert.ok(entries.some(e => e.action === 'connection.add' && e.resource.id === 'local-sandbox' && e.outcome === 'success'));
    const file = path.join(process.env.XDG_STATE_HOME!, 'langfuse-access', 'audit.jsonl');
    assert.ok(!fs.readFileSync(file, 'utf8').includes(sandboxCredentials().organization.secretKey));
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('shows the connection in the Access view', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.langfuseAccess');
    const roots = await waitFor('tree roots', async () => {
      const r = await api.services.tree.getChildren();
      return r.length ? r : undefined;
    });
    const items = await Promise.all(roots.map(r => api.services.tree.getTreeItem(r)));
    assert.ok(items.some(i => i.label === 'Local sandbox' && String(i.description).startsWith('127.0.0.1:')));
  });
});
