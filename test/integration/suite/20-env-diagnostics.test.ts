import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { auditLines, sandboxCredentials, ScriptedPrompter, scriptedSandboxSuite, waitFor } from './helpers';

const PROD_PK = 'pk-lf-b1000000-0000-4000-8000-000000000001';
let api: ExtensionApi;
let ui: ScriptedPrompter;
const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

async function diagnosticsOf(file: string, code: string): Promise<vscode.Diagnostic[]> {
  const uri = vscode.Uri.file(path.join(workspace(), file));
  return waitFor(`${code} on ${file}`, () => {
    const found = vscode.languages.getDiagnostics(uri).filter(d => d.code === code);
    return found.length ? found : undefined;
  });
}

async function quickFix(file: string, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const uri = vscode.Uri.file(path.join(workspace(), file));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find(a => title.test(a.title));
  assert.ok(action, `a quick fix ${title} (have: ${actions.map(a => a.title).join(' | ')})`);
  return action;
}

async function run(action: vscode.CodeAction): Promise<void> {
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('.env diagnostics in the sample workspace', () => {
  scriptedSandboxSuite((a, u) => { api = a; ui = u; });

  it('underlines the production key in .env.staging, on the value, and says which project it belongs to', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspace(), '.env.staging'));
    await vscode.window.showTextDocument(doc);
    const [d] = await diagnosticsOf('.env.staging', 'wrong-project');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.source, 'Langfuse Access');
    const line = doc.lineAt(d.range.start.line).text;
    assert.ok(line.startsWith('LANGFUSE_PUBLIC_KEY='));
    assert.strictEqual(doc.getText(d.range), PROD_PK, 'the range is exactly the value');
    assert.match(d.message, /production-chatbot/);
    assert.match(d.message, /staging/);
    assert.ok(!d.message.includes('sk-lf-demo'), 'no secret in a diagnostic');
    await waitFor('the status bar', () => api.statusBar.text?.includes('staging → staging-chatbot') ? true : undefined);
    assert.match(api.statusBar.text!, /staging → staging-chatbot · \d+ findings?/);
  });

  it('flags the same key used in two environments', async () => {
    await diagnosticsOf('.env.production', 'shared-key');
  });

  it('reacts to typing without saving: fixing the key by hand clears the finding', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspace(), '.env.staging'));
    const editor = await vscode.window.showTextDocument(doc);
    const [d] = await diagnosticsOf('.env.staging', 'wrong-project');
    await editor.edit(e => e.replace(d.range, 'pk-lf-c2000000-0000-4000-8000-000000000001'));
    await waitFor('wrong-project gone', () => vscode.languages.getDiagnostics(doc.uri).some(x => x.code === 'wrong-project') ? undefined : true);
    await vscode.commands.executeCommand('undo');
    await diagnosticsOf('.env.staging', 'wrong-project');
    assert.ok(doc.isDirty || doc.getText().includes(PROD_PK));
  });

  it('quick fix: replaces the wrong pair with the staging key stored in SecretStorage', async () => {
    const staging = sandboxCredentials() as any;
    const pair = staging.projects['staging-chatbot'];
    await api.services.context.secrets.store(`langfuseAccess/key/${pair.publicKey}`, JSON.stringify({ ...pair, baseUrl: staging.baseUrl, projectName: 'staging-chatbot' }));
    await api.services.context.globalState.update('langfuseAccess.storedProjectKeys', [{ publicKey: pair.publicKey, projectId: pair.projectId, projectName: 'staging-chatbot', baseUrl: staging.baseUrl }]);
    const doc = await vscode.workspace.openTextDocument(path.join(workspace(), '.env.staging'));
    await vscode.window.showTextDocument(doc);
    const [d] = await diagnosticsOf('.env.staging', 'wrong-project');
    await run(await quickFix('.env.staging', d, /staging-chatbot/));
    await waitFor('the file holds the staging key', () => fs.readFileSync(doc.uri.fsPath, 'utf8').includes(pair.publicKey) ? true : undefined);
    const text = fs.readFileSync(doc.uri.fsPath, 'utf8');
    assert.ok(text.includes(`LANGFUSE_SECRET_KEY=${pair.secretKey}`), 'the secret came from SecretStorage');
    assert.ok(!text.includes(PROD_PK), 'the production key is gone from the staging file');
    assert.ok(text.startsWith('# Staging chatbot'), 'comments are kept');
    await waitFor('wrong-project gone', () => vscode.languages.getDiagnostics(doc.uri).some(x => x.code === 'wrong-project') ? undefined : true);
  });

  it('quick fix: ignores a finding with a reason recorded in the access file and the audit log', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspace(), '.env.production'));
    await vscode.window.showTextDocument(doc);
    const [d] = await diagnosticsOf('.env.production', 'rotation-overdue');
    ui.answer({ input: 'rotated on the 1st, tracked in OPS-42' });
    await run(await quickFix('.env.production', d, /[Ii]gnore/));
    const access = fs.readFileSync(path.join(workspace(), '.langfuse', 'access.yaml'), 'utf8');
    assert.match(access, /rule: rotation-overdue/);
    assert.match(access, /reason: "?rotated on the 1st, tracked in OPS-42/);
    assert.match(access, /# Workspace access file for Acme Corp/, 'the file\'s comments survive');
    await waitFor('rotation-overdue gone', () => vscode.languages.getDiagnostics(doc.uri).some(x => x.code === 'rotation-overdue') ? undefined : true);
    assert.ok(auditLines().some(e => e.action === 'finding.ignore' && e.resource.id === 'rotation-overdue' && e.details.reason.includes('OPS-42')));
    // Issue 14 item 7: the fix ends with a confirmation naming what changed.
    assert.ok(ui.asked.some(a => a.kind === 'done' && a.text === 'Ignoring "rotation-overdue" for .env.production: recorded with your reason in .langfuse/access.yaml.'), JSON.stringify(ui.asked));
  });

  it('shows access-file problems at their line', async () => {
    const file = path.join(workspace(), '.langfuse', 'access.yaml');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex(l => l.startsWith('rotation:'));
    await editor.edit(e => e.insert(new vscode.Position(line, 0), 'host: https://attacker.example\n'));
    const [d] = await diagnosticsOf('.langfuse/access.yaml', 'access-file-invalid');
    assert.strictEqual(d.range.start.line, line);
    assert.match(d.message, /host/i);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
