import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, ScriptedPrompter } from '../suite/helpers';
import { workbench } from '../shared/probe';
import { assertRestrictedMode } from './restrictedHelpers';

describe('Restricted Mode pass: the folder is untrusted', () => {
  it('runs in Restricted Mode, and the extension activates there (limited support)', async () => {
    assertRestrictedMode();
    const api = await activateExtension();
    assert.ok(api.services);
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('the workbench probe reads a rendered notification, including a link VS Code renders in it', async () => {
    void vscode.window.showInformationMessage('probe check: see [the docs](https://example.invalid/docs)');
    const shown = await workbench.notifications('probe check');
    const mine = shown.find(n => n.text.includes('probe check'))!;
    assert.deepStrictEqual(mine.links.map(l => l.text), ['the docs']);
    await workbench.clearNotifications();
  });

  it('access as code: no plan, apply or export, and no live read for the access file (a cloned repository must not steer changes)', async () => {
    const api = await activateExtension();
    const ui = new ScriptedPrompter();
    api.services.ui = ui;
    for (const command of ['langfuseAccess.planAccess', 'langfuseAccess.applyAccess', 'langfuseAccess.exportAccess']) {
      assert.strictEqual(await vscode.commands.executeCommand(command), undefined, command);
    }
    assert.deepStrictEqual(ui.asked.map(a => a.kind), ['refuse', 'refuse', 'refuse']);
    assert.ok(ui.asked.every(a => /Restricted Mode/.test(a.text)));
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.langfuse', 'access.yaml');
    assert.strictEqual(api.accessDrift.state(file), undefined, 'the live organization was not read for it');
  });
});
