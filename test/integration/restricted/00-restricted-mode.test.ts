import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from '../suite/helpers';
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
});
