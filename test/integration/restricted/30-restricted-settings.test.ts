// capabilities.untrustedWorkspaces.restrictedConfigurations (issue 20 item 8): VS Code ignores a
// workspace's value of the settings listed there while the folder is not trusted. The host and
// credential settings are application-scoped, so a workspace value never counts anyway; what the list
// adds is the rotation policy and the key-note convention, which a cloned repository could otherwise
// loosen (3650 days: no key ever "overdue") before you decided to trust it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, packageJson, waitFor } from '../suite/helpers';
import { assertRestrictedMode, workspaceRoot } from './restrictedHelpers';

describe('Restricted Mode: a workspace cannot loosen the rotation policy', () => {
  it('ignores the workspace\'s rotation.maxAgeDays and keys.noteConvention, applies an unrestricted setting', async () => {
    assertRestrictedMode();
    await activateExtension();
    const restricted: string[] = packageJson().capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.deepStrictEqual(restricted, ['langfuseAccess.rotation.maxAgeDays', 'langfuseAccess.keys.noteConvention']);
    const dir = path.join(workspaceRoot(), '.vscode');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'editor.tabSize': 7, 'langfuseAccess.rotation.maxAgeDays': 3650, 'langfuseAccess.keys.noteConvention': 'anything' }));
    try {
      // The unrestricted setting shows the file was read.
      await waitFor('the workspace settings file read', () => vscode.workspace.getConfiguration('editor').get('tabSize') === 7);
      assert.strictEqual(vscode.workspace.getConfiguration().get('langfuseAccess.rotation.maxAgeDays'), 90);
      assert.strictEqual(vscode.workspace.getConfiguration().get('langfuseAccess.keys.noteConvention'), '{service}-{environment}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
