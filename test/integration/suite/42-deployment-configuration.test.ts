// Issue 14 item 10 in the editor: deployment diagnostics and the compliance report treat a compose
// file, its .env and its env_file as one configuration (the CLI's rules: src/core/deployment).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, waitFor } from './helpers';

describe('deployment diagnostics: the files of one deployment are one configuration', () => {
  const dir = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'deploy-one');
  const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'Langfuse Access (deployment)').map(d => String(d.code));

  before(async () => {
    await activateExtension();
    const fixture = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'deployment', 'one-deployment');
    fs.cpSync(fixture, dir(), { recursive: true });
  });

  it('a ${VAR} no file defines is an information, nothing set by .env or env_file is missing, advice fits each image', async () => {
    const compose = vscode.Uri.file(path.join(dir(), 'docker-compose.yml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(compose));
    const info = await waitFor('the deploy-time information', () => vscode.languages.getDiagnostics(compose).find(d => d.code === 'value-set-at-deploy-time'));
    assert.strictEqual(info.severity, vscode.DiagnosticSeverity.Information);
    assert.match(info.message, /\$\{S3_SECRET_ACCESS_KEY\}, which none of the checked files define/);
    const envDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir(), '.env')));
    await vscode.window.showTextDocument(envDoc);
    await new Promise(r => setTimeout(r, 500));
    for (const file of [compose, envDoc.uri, vscode.Uri.file(path.join(dir(), 'langfuse.env'))]) {
      assert.deepStrictEqual(codes(file).filter(c => /-missing$|^signup-enabled$|^sso-no-provider$/.test(c)), [], `${path.basename(file.fsPath)}: nothing reported missing`);
    }
    const messages = vscode.languages.getDiagnostics(compose).map(d => d.message);
    assert.ok(messages.some(m => /^postgres:17 .*PostgreSQL release \(major\.minor, e\.g\. :17\.2\)/.test(m)), messages.join('\n'));
    assert.ok(!messages.some(m => /^(postgres|redis|minio).*3\.x\.y/.test(m)), 'no Langfuse version advice on other images');
    const noEffect = vscode.languages.getDiagnostics(compose).find(d => d.code === 'default-role-no-effect')!;
    assert.match(noEffect.message, /every new user becomes ADMIN/);
  });

  it('the compliance report says what new users really get and lists each finding once', async () => {
    const report = await vscode.commands.executeCommand<string>('langfuseAccess.complianceReport');
    assert.ok(report, 'a report');
    const md = report.replace(/\\(.)/g, '$1'); // Markdown escapes undone
    assert.match(md, /new users join no organization or project automatically \(LANGFUSE_DEFAULT_PROJECT_ROLE=ADMIN without effect\)/);
    assert.doesNotMatch(md, /ADMIN; auto-provisioned users get least privilege/);
    assert.strictEqual(md.split('**value-set-at-deploy-time**').length - 1, 2, 'each deploy-time variable once');
    assert.match(md, /`deploy-one\/\.env`/, 'the .env is one of the report\'s files');
  });
});
