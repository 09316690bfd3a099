// Access as code in the real VS Code host against the sandbox: Export writes the declaration, the
// drift of an edited role appears as a diagnostic on its line with the live value, the CodeLens offers
// Plan · Apply, the plan opens as a read-only document, and the quick fix "Apply this change" asks once
// naming the change, applies it through the session and leaves its audit entry.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { activateExtension, auditLines, sandboxGet, sandboxPut, ScriptedPrompter, waitFor } from './helpers';

const DEV = 'developer@acme.com';

describe('access as code in the editor (sandbox)', () => {
  let api: ExtensionApi;
  let ui: ScriptedPrompter;
  let file: string;
  let original: string;
  before(async () => {
    api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
    file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.langfuse', 'access.yaml');
    original = fs.readFileSync(file, 'utf8');
  });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });
  afterEach(() => assert.strictEqual(ui.pending(), 0, `every scripted answer was used; failures: ${ui.failures()}`));
  after(async () => {
    fs.writeFileSync(file, original);
    await sandboxPut('/api/public/organizations/memberships', { userId: 'user-developer', role: 'MEMBER' }).catch(() => undefined);
  });

  it('export → a drift diagnostic on the edited line → "Apply this change" → audited, and the drift is gone', async () => {
    const written = await vscode.commands.executeCommand<string>('langfuseAccess.exportAccess');
    assert.strictEqual(written, file, ui.failures());
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /environments:\n {2}production:/, 'the workspace sections are kept');
    assert.match(text, /- \{email: developer@acme\.com, role: MEMBER\}/);
    assert.ok(!/sk-lf-/.test(text), 'no secret in the file');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('the plan right after export is empty', () => api.accessDrift.state(doc.uri)?.plan?.changes.length === 0 || undefined)
      .catch((err: Error) => { throw new Error(`${err.message}: ${JSON.stringify(api.accessDrift.state(doc.uri)?.plan?.changes ?? api.accessDrift.state(doc.uri) ?? null).slice(0, 1500)}\n--- the exported file ---\n${fs.readFileSync(file, 'utf8').slice(0, 4000)}`); });

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepStrictEqual(lenses.slice(0, 2).map(l => l.command?.title), ['$(list-unordered) Plan', '$(play) Apply']);

    const line = doc.getText().split('\n').findIndex(l => l.includes(`{email: ${DEV}, role: MEMBER}`));
    const at = doc.lineAt(line).text.indexOf('MEMBER');
    await editor.edit(e => e.replace(new vscode.Range(line, at, line, at + 'MEMBER'.length), 'VIEWER'));
    await doc.save();
    const [d] = await waitFor('the drift diagnostic', () => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter(x => x.code === 'access-drift/member.role');
      return found.length ? found : undefined;
    });
    assert.strictEqual(d.range.start.line, line, 'on the line that declares the role');
    assert.match(d.message, /live: MEMBER, declared: VIEWER/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start);
    assert.ok(hovers.some(h => h.contents.some(c => /Live: `MEMBER`/.test(typeof c === 'string' ? c : (c as vscode.MarkdownString).value))), 'the hover shows the live value');

    const plan = await vscode.commands.executeCommand<{ changes: unknown[] }>('langfuseAccess.planAccess', doc.uri);
    assert.strictEqual(plan.changes.length, 1);
    const planDoc = await waitFor('the plan document', () => vscode.workspace.textDocuments.find(t => t.uri.scheme === 'langfuse-access-plan'));
    assert.match(planDoc.getText(), /Change developer@acme\.com's organization role from MEMBER to VIEWER/);
    assert.ok(!planDoc.isUntitled && planDoc.languageId === 'markdown', 'a read-only Markdown document, not an untitled editor');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(actions.filter(a => /this change|live value/.test(a.title)).map(a => a.title), ['Apply this change', 'Take the live value into the file']);
    const apply = actions.find(a => a.title === 'Apply this change')!;
    ui.answer({ confirm: true });
    await vscode.commands.executeCommand(apply.command!.command, ...(apply.command!.arguments ?? []));
    assert.ok(auditLines().some(e => e.action === 'access.apply' && e.outcome === 'success'), 'the apply itself is audited');
    const asked = ui.asked.find(a => a.kind === 'confirm');
    assert.match(asked?.text ?? '', /Change developer@acme\.com's organization role from MEMBER to VIEWER/, 'the confirmation names the change');
    const members = await sandboxGet('/api/public/organizations/memberships');
    assert.strictEqual(members.memberships.find((m: any) => m.email === DEV)?.role, 'VIEWER');
    assert.ok(auditLines().some(e => e.action === 'member.changeRole' && e.actor.tool === 'extension' && e.outcome === 'success' && e.details.to === 'VIEWER'), 'audited');
    await waitFor('the drift is gone', () => vscode.languages.getDiagnostics(doc.uri).some(x => x.code === 'access-drift/member.role') ? undefined : true);
  });
});
