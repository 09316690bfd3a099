// Issue 14 (items 1, 6, 12): answers that must be right the first time, in the real VS Code host. A key
// no connection can see is unknown, not revoked; reports are read-only documents that never ask to be
// saved and show current data when reopened; the status bar agrees with the Problems panel; the Audit
// Log view says which filter is on and names a rotation's rows by step.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AuditEntry } from '../../../src/core/audit/entry';
import type { ExtensionApi } from '../../../src/extension/extension';
import { workbench } from '../shared/probe';
import { sandboxCredentials, ScriptedPrompter, scriptedSandboxSuite, waitFor } from './helpers';
import { treeRow } from './treeRows';

let api: ExtensionApi;
let ui: ScriptedPrompter;
const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const REPORT_SCHEME = 'langfuse-access-report';

async function sandboxSend(method: string, pathname: string, body?: unknown): Promise<any> {
  const c = sandboxCredentials();
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL(pathname, c.baseUrl), { method, headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${pathname}: ${res.status}`);
  return res.json().catch(() => undefined);
}

const codes = (file: string) => vscode.languages.getDiagnostics(vscode.Uri.file(file)).map(d => String(d.code));

describe('issue 14: key evidence, report documents, the status bar and the audit view', () => {
  scriptedSandboxSuite((a, u) => { api = a; ui = u; });

  it('a key no connection can see any more is unknown, not revoked; "revoked" needs the connection that listed it (item 1)', async () => {
    const dir = path.join(workspace(), 'ux-evidence');
    const file = path.join(dir, '.env');
    const created = await sandboxSend('POST', '/api/public/projects/proj-staging-chatbot/apiKeys', { note: 'evidence-staging' });
    const envFiles = [file, ...['.env.production', '.env.staging', 'analytics/.env'].map(f => path.join(workspace(), f))];
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${created.publicKey}\n`);
      // The key changed behind the extension's back (a second client): reload, as the Refresh button does.
      api.services.tree.refresh();
      await api.services.keyIndex.rebuild();
      await vscode.workspace.openTextDocument(file);
      await waitFor('the new key indexed', () => api.services.keyIndex.lookup(created.publicKey));
      // Revoked, and the connection that listed it lists it no more: that is evidence.
      await sandboxSend('DELETE', `/api/public/projects/proj-staging-chatbot/apiKeys/${created.id}`);
      api.services.tree.refresh();
      await api.services.keyIndex.rebuild();
      await waitFor('revoked-key on the revoked key', () => codes(file).includes('revoked-key') || undefined);
      // The connection goes away: nothing proves anything about any key now.
      await api.services.connections.remove('local-sandbox');
      await api.services.keyIndex.rebuild();
      await waitFor('no revoked-key anywhere', () => envFiles.every(f => !codes(f).includes('revoked-key')) || undefined);
      for (const f of envFiles) assert.ok(!codes(f).includes('unknown-key'), `${f}: nothing is claimed about its keys (${codes(f).join(', ')})`);
    } finally {
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.connectSandbox', process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS), 'local-sandbox');
      await api.services.keyIndex.rebuild();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('the sandbox keys known again', () => api.services.keyIndex.lookup('pk-lf-c2000000-0000-4000-8000-000000000001'));
    for (const f of envFiles.slice(1)) assert.ok(!codes(f).includes('revoked-key'), `${f}: the re-added connection lists its keys`);
  });

  it('reports open as read-only documents: nothing unsaved, closing never asks, reopening shows current data (item 6)', async () => {
    const untitled = () => vscode.workspace.textDocuments.filter(d => d.isUntitled).length;
    const before = untitled();
    const analyst = await treeRow(api, ['Organization', 'Members', 'Alex Analyst']);
    await vscode.commands.executeCommand('langfuseAccess.explainAccess', analyst.node);
    const report = vscode.workspace.textDocuments.find(d => d.uri.scheme === REPORT_SCHEME && d.getText().startsWith('# Access of Alex Analyst'));
    assert.ok(report, 'the report is a document of the extension\'s own scheme');
    assert.deepStrictEqual([report.isDirty, report.isUntitled, report.languageId], [false, false, 'markdown']);
    assert.strictEqual(untitled(), before, 'no Untitled document was created');
    assert.match(report.getText(), /\| production-chatbot \| no access \|/);
    await sandboxSend('PUT', '/api/public/projects/proj-production-chatbot/memberships', { userId: 'user-analyst', role: 'MEMBER' });
    try {
      api.services.tree.refresh();
      await vscode.commands.executeCommand('langfuseAccess.explainAccess', analyst.node);
      const again = await vscode.workspace.openTextDocument(report.uri);
      assert.match(again.getText(), /\| production-chatbot \| MEMBER \|/, 'the same report, with current data');
    } finally {
      await sandboxSend('DELETE', '/api/public/projects/proj-production-chatbot/memberships', { userId: 'user-analyst' });
      api.services.tree.refresh();
    }
    // An audit entry and the isolation check open the same way.
    const [first] = api.services.auditView.getChildren();
    await vscode.commands.executeCommand('langfuseAccess.auditOpenEntry', first);
    await vscode.commands.executeCommand('langfuseAccess.checkIsolation', await treeRow(api, ['Organization']).then(r => r.node));
    const reports = vscode.workspace.textDocuments.filter(d => d.uri.scheme === REPORT_SCHEME);
    assert.ok(reports.some(d => d.languageId === 'json' && d.getText().includes('"hash"')), 'the audit entry as JSON');
    assert.ok(reports.some(d => d.getText().startsWith('# Isolation check')), 'the isolation check');
    assert.ok(!(await workbench.tabs()).some(t => t.dirty), 'no tab is marked unsaved');
    // A save prompt would hold this call until the test times out.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual((await workbench.tabs()).length, 0);
  });

  it('the status bar counts what the Problems panel shows for the open .env (item 12)', async () => {
    const dir = path.join(workspace(), 'deploy-ux');
    fs.mkdirSync(dir, { recursive: true });
    const fixtures = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'deployment', 'hardening');
    for (const name of ['docker-compose.yml', '.env']) fs.copyFileSync(path.join(fixtures, name), path.join(dir, name));
    try {
      const doc = await vscode.workspace.openTextDocument(path.join(dir, '.env'));
      await vscode.window.showTextDocument(doc);
      const errors = await waitFor('deployment errors on the server .env', () => {
        const found = vscode.languages.getDiagnostics(doc.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error && d.source?.startsWith('Langfuse Access'));
        return found.length ? found : undefined;
      });
      const text = await waitFor('the status bar', () => api.statusBar.text?.includes('error') ? api.statusBar.text : undefined);
      assert.match(text, new RegExp(`no environment · \\d+ findings? \\(${errors.length} errors?`), text);
      // Issue 20 item 1: read in words by a screen reader.
      assert.match(api.statusBar.spoken ?? '', new RegExp(`^Langfuse Access: no environment of the access file lists this file; \\d+ findings? \\(${errors.length} errors?`));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Audit Log view says which filter is on, and names a rotation\'s rows by step with the keys in the tooltip (item 12)', async () => {
    ui.answer({ pick: 'Action' }, { pick: 'connection.add' });
    await vscode.commands.executeCommand('langfuseAccess.auditFilter');
    assert.strictEqual(api.services.auditTreeView.description, 'filtered by action: connection.add');
    await vscode.commands.executeCommand('langfuseAccess.auditClearFilter');
    assert.strictEqual(api.services.auditTreeView.description, undefined);
    const step = (action: string, newPublicKey?: string): AuditEntry => ({
      v: 1, seq: 1, time: '2026-12-07T10:00:00.000Z', actor: { identity: 'data-lead@acme.com', machine: 'm', tool: 'extension', version: '0.1.0' }, action, outcome: 'success',
      resource: { kind: 'rotation', id: 'rot-20261207-100000-abcdef', name: 'pk-lf-d3000000-0000-4000-8000-000000000001', project: 'analytics-readonly' },
      details: { oldPublicKey: 'pk-lf-d3000000-0000-4000-8000-000000000001', newPublicKey }, prev: '0'.repeat(64), hash: 'f'.repeat(64),
    });
    const item = (e: AuditEntry) => api.services.auditView.getTreeItem({ kind: 'entry', entry: e });
    assert.strictEqual(item(step('rotation.planned')).label, 'rotation  Plan · analytics-readonly');
    const pushed = item(step('rotation.pushed', 'pk-lf-1a2b3c4d-0000-4000-8000-00000000af9e'));
    assert.strictEqual(pushed.label, 'rotation  Targets updated and read back · analytics-readonly');
    assert.match((pushed.tooltip as vscode.MarkdownString).value, /`pk-lf-d300…0001` → `pk-lf-1a2b…af9e`/);
  });
});
