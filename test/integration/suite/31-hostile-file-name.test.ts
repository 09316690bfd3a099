// Issue 19, finding 1 (moved from the Restricted Mode pass, where rotation is now refused): a workspace file whose NAME is a command link
// (`[Open deploy checklist](command:…)`) and whose content is the public key being rotated. The rotation
// pauses at "Evidence that the old key is out of use" and the wizard's notification lists the files that
// still hold the old key. What VS Code renders is read from the real workbench (the workbench probe):
// the name shows as text, no link is rendered, and clicking everything clickable runs nothing. A control
// shows the same name passed raw IS rendered as a link whose click runs the command, so the check can fail.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RotationJournal } from '../../../src/core/rotation/index';
import type { ExtensionApi } from '../../../src/extension/extension';
import { vscodePrompter, type Prompter } from '../../../src/extension/ui/prompter';
import { activateExtension, sandboxCredentials, ScriptedPrompter, ScriptedSteps, waitFor } from './helpers';
import { workbench } from '../shared/probe';
import { outsideDir, workspaceRoot } from '../restricted/restrictedHelpers';

/** VS Code 1.100's link syntax in notification text (src/vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const COMMAND = 'langfuseAccessTest.sideEffect';
const HOSTILE_NAME = `[Open deploy checklist](command:${COMMAND})`;

/** Scripted answers, but notifications go to the REAL VS Code prompter, so they are rendered in the workbench. */
class RealNotifications extends ScriptedPrompter {
  constructor(private readonly real: Prompter) { super(); }
  override notify(message: string): void { super.notify(message); this.real.notify(message); }
  override failed(message: string, show: () => void, error?: unknown): void { super.failed(message, show, error); this.real.failed(message, show, error); }
}

async function createStagingKey(): Promise<string> {
  const c = sandboxCredentials() as ReturnType<typeof sandboxCredentials> & { projects: Record<string, { projectId: string }> };
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL(`/api/public/projects/${c.projects['staging-chatbot'].projectId}/apiKeys`, c.baseUrl), {
    method: 'POST', headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'worker-staging' }),
  });
  assert.strictEqual(res.status, 201);
  return ((await res.json()) as { publicKey: string }).publicKey;
}

describe('a hostile file name during a paused rotation (issue 19, finding 1)', () => {
  let api: ExtensionApi;
  let real: Prompter;
  let sideEffect: string;
  let hostileFile: string;
  let journal: RotationJournal | undefined;
  let ui: RealNotifications;
  const commandRuns: number[] = [];
  let registration: vscode.Disposable;

  before(async () => {
    api = await activateExtension();
    // The extension's own VS Code prompter (earlier tests of this pass leave a scripted one in services.ui).
    real = vscodePrompter;
    sideEffect = path.join(outsideDir(), 'PWNED');
    // Stands in for `workbench.action.terminal.sendSequence` of the proof: running it leaves a file outside the workspace.
    registration = vscode.commands.registerCommand(COMMAND, () => { commandRuns.push(Date.now()); fs.writeFileSync(sideEffect, 'ran'); });
    const publicKey = await createStagingKey();
    hostileFile = path.join(workspaceRoot(), HOSTILE_NAME);
    fs.writeFileSync(hostileFile, `# deploy checklist\nLANGFUSE_PUBLIC_KEY=${publicKey}\n`);
    api.services.ui = new ScriptedPrompter();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    api.services.tree.refresh(); // the key was created outside the extension, after the tree loaded
    const target = path.join(outsideDir(), 'worker.env');
    ui = new RealNotifications(real);
    ui.steps = new ScriptedSteps().answer(
      { pickMany: ['Add a target…'] }, { text: `env:${target}` }, { pickMany: [/worker\.env$/] }, { pick: 'Normal rotation' });
    ui.answer({ confirm: true });
    api.services.ui = ui;
    // senior-dev@acme.com is ADMIN of staging-chatbot; the runner's identity (engineering-lead) is NONE there and the session refuses it.
    await vscode.workspace.getConfiguration().update('langfuseAccess.actingAs', 'senior-dev@acme.com', vscode.ConfigurationTarget.Global);
    journal = await vscode.commands.executeCommand<RotationJournal>('langfuseAccess.rotateKey', publicKey);
  });

  after(async () => {
    if (journal) {
      api.services.ui = new ScriptedPrompter().answer({ confirm: true });
      await vscode.commands.executeCommand('langfuseAccess.abortRotation', journal.id);
    }
    await vscode.workspace.getConfiguration().update('langfuseAccess.actingAs', 'engineering-lead@acme.com', vscode.ConfigurationTarget.Global);
    api.services.ui = real;
    registration?.dispose();
    fs.rmSync(hostileFile, { force: true });
    fs.rmSync(sideEffect, { force: true });
    await workbench.clearNotifications();
  });

  it('the rotation pauses because the hostile file still names the old key', () => {
    assert.ok(journal, `the wizard ran (failures: ${ui.failures()})`);
    assert.strictEqual(journal.waiting?.reason, 'references');
    assert.deepStrictEqual(journal.evidence?.references.map(r => path.basename(r.file)), [HOSTILE_NAME]);
  });

  it('the notification VS Code renders shows the name as text: no link, nothing runs when everything in it is clicked', async () => {
    const paused = ui.asked.find(a => a.kind === 'notify' && /is paused at/.test(a.text));
    assert.ok(paused, 'the wizard notified the pause');
    // The toast may have timed out by now (the report and the refreshes come first); the notification center keeps it.
    await vscode.commands.executeCommand('notifications.showList');
    const shown = (await workbench.notifications('is paused at')).find(n => n.text.includes('is paused at'))!;
    assert.deepStrictEqual(shown.links, [], 'no link is rendered');
    assert.ok(shown.text.includes(`[Open deploy checklist] (command:${COMMAND}):2`), `the name, neutralised and relative to the workspace: ${shown.text}`);
    assert.doesNotMatch(shown.text, VSCODE_LINK);
    assert.ok(!shown.text.includes(workspaceRoot()), 'the path is shown relative to the workspace');
    assert.match(shown.text, /all of them are in the rotation report/);
    assert.strictEqual(await workbench.clickNotificationLinks('is paused at'), 0, 'nothing in it is clickable');
    assert.deepStrictEqual(commandRuns, [], 'the command never ran');
    assert.strictEqual(fs.existsSync(sideEffect), false, 'no side effect outside the workspace');
  });

  it('control: the same name passed to VS Code raw IS a link, and clicking it runs the command (what the fix prevents)', async () => {
    void vscode.window.showInformationMessage(`control: the old key still appears in ${HOSTILE_NAME}:2`);
    const shown = (await workbench.notifications('control: the old key')).find(n => n.text.includes('control: the old key'))!;
    assert.deepStrictEqual(shown.links.map(l => [l.text, l.href]), [['Open deploy checklist', `command:${COMMAND}`]]);
    assert.strictEqual(await workbench.clickNotificationLinks('control: the old key'), 1);
    await waitFor('the command of the clicked link to run', () => fs.existsSync(sideEffect) || undefined, 5000);
    assert.strictEqual(commandRuns.length, 1);
  });
});
