import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { activateExtension, sandboxCredentials, ScriptedPrompter, scriptedSandboxSuite, waitFor } from './helpers';

let api: ExtensionApi;
let ui: ScriptedPrompter;
const auditFile = () => path.join(process.env.XDG_STATE_HOME!, 'langfuse-access', 'audit.jsonl');

describe('audit log view', () => {
  scriptedSandboxSuite((a, u) => { api = a; ui = u; });

  it('shows an action made in the editor as the newest entry, and filters by action', async () => {
    const { model } = await api.services.clients.get('local-sandbox');
    const dev = (await model.overview()).members!.find(m => m.email === 'developer@acme.com')!;
    ui.answer({ pick: 'VIEWER' }, { confirm: true }, { pick: 'MEMBER' }, { confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.changeOrgRole', { kind: 'orgMember', connectionId: 'local-sandbox', member: dev }), true);
    const devNow = (await model.overview()).members!.find(m => m.email === 'developer@acme.com')!;
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.changeOrgRole', { kind: 'orgMember', connectionId: 'local-sandbox', member: devNow }), true);
    const rows = api.services.auditView.getChildren();
    const first = api.services.auditView.getTreeItem(rows[0]);
    assert.match(String(first.label), /^member\.changeRole {2}developer@acme\.com/);
    assert.match(String(first.description), /^success · engineering-lead@acme\.com · \d{4}-\d\d-\d\d /);
    ui.answer({ pick: 'Action' }, { pick: 'connection.add' });
    await vscode.commands.executeCommand('langfuseAccess.auditFilter');
    const filtered = api.services.auditView.getChildren();
    assert.ok(filtered.length > 0 && filtered.every(r => r.kind === 'entry' && r.entry.action === 'connection.add'));
    await vscode.commands.executeCommand('langfuseAccess.auditClearFilter');
    assert.ok(api.services.auditView.getChildren().length > filtered.length);
  });

  it('verifies the log, and names the line when it was edited', async () => {
    ui.answer();
    const ok = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('langfuseAccess.auditVerify');
    assert.strictEqual(ok!.ok, true, ok!.message);
    const original = fs.readFileSync(auditFile(), 'utf8');
    try {
      const lines = original.split('\n');
      lines[1] = lines[1].replace('"outcome":"success"', '"outcome":"failure"');
      fs.writeFileSync(auditFile(), lines.join('\n'));
      const bad = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('langfuseAccess.auditVerify');
      assert.strictEqual(bad!.ok, false);
      assert.match(bad!.message, /line 2/);
      assert.ok(ui.asked.some(a => a.kind === 'refuse' && /tampered/.test(a.text)));
    } finally {
      fs.writeFileSync(auditFile(), original);
    }
  });

  it('exports a date range as JSON Lines without any secret', async () => {
    const out = vscode.Uri.file(path.join(os.tmpdir(), `audit-export-${process.pid}.jsonl`));
    const today = new Date().toISOString().slice(0, 10);
    ui.answer({ pick: 'JSON Lines' }, { input: today }, { input: '' });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.auditExport', out), out.fsPath);
    const text = fs.readFileSync(out.fsPath, 'utf8');
    const lines = text.trim().split('\n').map(l => JSON.parse(l));
    assert.ok(lines.length > 3);
    assert.ok(lines.every((e, i) => i === 0 || e.seq > lines[i - 1].seq), 'oldest first');
    assert.ok(!text.includes(sandboxCredentials().organization.secretKey) && !/sk-lf-demo-/.test(text), 'no secret in the export');
    fs.rmSync(out.fsPath);
  });
});

describe('deployment hardening diagnostics', () => {
  const compose = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'deploy', 'docker-compose.yml');
  before(async () => {
    api = await activateExtension();
    fs.mkdirSync(path.dirname(compose()), { recursive: true });
    fs.writeFileSync(compose(), [
      'services:',
      '  langfuse-web:',
      '    image: langfuse/langfuse:latest',
      '    environment:',
      '      - DATABASE_URL=postgresql://postgres:postgres@db:5432/postgres',
      '      - NEXTAUTH_URL=http://langfuse.acme.internal:3000',
      '      - NEXTAUTH_SECRET=mysecret',
      '      - SALT=mysalt',
      '      - ENCRYPTION_KEY=0000000000000000000000000000000000000000000000000000000000000000',
      '',
    ].join('\n'));
  });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });

  it('flags the published placeholders on their lines and fixes ENCRYPTION_KEY with a fresh random key', async () => {
    const doc = await vscode.workspace.openTextDocument(compose());
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('encryption-key-placeholder', () => vscode.languages.getDiagnostics(doc.uri).find(d => d.code === 'encryption-key-placeholder'));
    assert.strictEqual(diag.range.start.line, 8);
    assert.match(diag.message, /ENCRYPTION_KEY/);
    const codes = vscode.languages.getDiagnostics(doc.uri).map(d => String(d.code));
    assert.ok(codes.some(c => /signup/.test(c)), `signup is flagged (${codes.join(', ')})`);
    assert.ok(codes.some(c => /latest|unpinned|image/.test(c)), `the latest tag is flagged (${codes.join(', ')})`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => /random ENCRYPTION_KEY/.test(a.title));
    assert.ok(fix, `a generate fix (${actions.map(a => a.title).join(' | ')})`);
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    const key = /ENCRYPTION_KEY=([0-9a-f]+)/.exec(doc.getText())?.[1];
    assert.ok(key && /^[0-9a-f]{64}$/.test(key) && !/^0+$/.test(key), 'a 64-hex random key');
    await waitFor('placeholder finding gone', () => vscode.languages.getDiagnostics(doc.uri).some(d => String(d.code).startsWith('encryption-key')) ? undefined : true);
    assert.ok(!JSON.stringify(vscode.languages.getDiagnostics(doc.uri).map(d => d.message)).includes(key!), 'the new key is in no message');
  });

  it('writes the compliance report with evidence at file:line', async () => {
    const md = await vscode.commands.executeCommand<string>('langfuseAccess.complianceReport');
    assert.match(md!, /\| Category \| Requirement \| Status \| Evidence \|/);
    assert.match(md!, /deploy\/docker-compose\.yml:\d+/);
  });
});
