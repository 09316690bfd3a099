// Issue 11, item 4: in Restricted Mode no rotation runs. The rotation commands are hidden from the
// menus and the palette (when-clauses on isWorkspaceTrusted), and invoked anyway (a keybinding, another
// extension, a .env quick fix from before) they refuse with the reason before asking anything or sending
// a single request — so no secret from a workspace file is read, tested or replaced.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { activateExtension, packageJson, sandboxCredentials, ScriptedPrompter, ScriptedSteps, waitFor } from '../suite/helpers';
import { assertRestrictedMode, workspaceRoot } from './restrictedHelpers';

const ROTATION_COMMANDS = ['langfuseAccess.rotateKey', 'langfuseAccess.resumeRotation', 'langfuseAccess.abortRotation', 'langfuseAccess.editRotationTargets'];

async function sandboxRequests(): Promise<number> {
  return ((await (await fetch(new URL('/__sandbox/stats', sandboxCredentials().baseUrl))).json()) as { requests: number }).requests;
}

describe('Restricted Mode: rotation is hidden and refused (issue 11)', () => {
  let api: ExtensionApi;
  let real: ExtensionApi['services']['ui'];

  before(async () => {
    assertRestrictedMode();
    api = await activateExtension();
    real = api.services.ui;
    api.services.ui = new ScriptedPrompter();
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.connectSandbox', process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS), 'local-sandbox');
  });
  after(() => { api.services.ui = real; });

  it('every menu and palette entry of a rotation command requires a trusted workspace', () => {
    const menus = packageJson().contributes.menus as Record<string, { command: string; when?: string }[]>;
    const entries = Object.values(menus).flat().filter(m => ROTATION_COMMANDS.includes(m.command));
    for (const command of ROTATION_COMMANDS) assert.ok(entries.some(e => e.command === command && e.when?.includes('isWorkspaceTrusted')), `${command} has a palette entry that needs trust`);
    for (const e of entries) assert.match(e.when ?? '', /isWorkspaceTrusted/, `${e.command}: ${e.when}`);
  });

  it('invoked anyway, each refuses with the reason before asking anything: 0 requests, no file written, no key created', async () => {
    const envFile = path.join(workspaceRoot(), '.env.production');
    const before = fs.readFileSync(envFile, 'utf8');
    const keysBefore = (await (await fetch(new URL('/api/public/projects/proj-production-chatbot/apiKeys', sandboxCredentials().baseUrl), {
      headers: { Authorization: `Basic ${Buffer.from(`${sandboxCredentials().organization.publicKey}:${sandboxCredentials().organization.secretKey}`).toString('base64')}` },
    })).json() as { apiKeys: unknown[] }).apiKeys.length;
    const publicKey = /^LANGFUSE_PUBLIC_KEY=(.*)$/m.exec(before)![1];
    // The connection's own background work (the key index, built with the user's organization key after
    // the connection was added) is done before counting.
    await waitFor('the key index built from the sandbox', () => api.services.keyIndex.lookup(publicKey));
    const requests = await sandboxRequests();
    for (const command of ROTATION_COMMANDS) {
      const ui = new ScriptedPrompter();
      ui.steps = new ScriptedSteps();
      api.services.ui = ui;
      const result = await vscode.commands.executeCommand(command, command === 'langfuseAccess.rotateKey' ? publicKey : undefined);
      assert.strictEqual(result, undefined, command);
      assert.deepStrictEqual(ui.asked.map(a => a.kind), ['refuse'], `${command}: one refusal and nothing else (${ui.failures()})`);
      assert.match(ui.asked[0].text, /^Key rotation is not available in Restricted Mode: this workspace is not trusted.*Manage Workspace Trust/);
      assert.deepStrictEqual(ui.steps.shown, [], `${command}: no wizard step shown`);
    }
    // The stats request itself is not counted (control route): any other request would be.
    assert.strictEqual(await sandboxRequests(), requests, 'not a single request reached the sandbox');
    assert.strictEqual(fs.readFileSync(envFile, 'utf8'), before, 'the .env file is untouched');
    const keysAfter = (await (await fetch(new URL('/api/public/projects/proj-production-chatbot/apiKeys', sandboxCredentials().baseUrl), {
      headers: { Authorization: `Basic ${Buffer.from(`${sandboxCredentials().organization.publicKey}:${sandboxCredentials().organization.secretKey}`).toString('base64')}` },
    })).json() as { apiKeys: unknown[] }).apiKeys.length;
    assert.strictEqual(keysAfter, keysBefore, 'no key was created');
  });
});
