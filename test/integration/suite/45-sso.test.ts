import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { activateExtension, auditLines, ScriptedPrompter, ScriptedSteps, waitFor } from './helpers';

const COMPOSE = [
  'services:',
  '  langfuse-web:',
  '    image: langfuse/langfuse:3.135.0',
  '    environment:',
  '      - NEXTAUTH_SECRET=${NEXTAUTH_SECRET}',
  '      - SALT=${SALT}',
  '      - ENCRYPTION_KEY=${ENCRYPTION_KEY}',
  '      - AUTH_DISABLE_SIGNUP=true',
  '      # keep the defaults least-privilege',
  '      - LANGFUSE_DEFAULT_ORG_ROLE=NONE',
  '',
].join('\n');

describe('SSO setup assistant (from a compliance finding to a written compose file)', () => {
  let api: ExtensionApi;
  const compose = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'sso-deploy', 'docker-compose.yml');
  before(async () => {
    api = await activateExtension();
    fs.mkdirSync(path.dirname(compose()), { recursive: true });
    fs.writeFileSync(compose(), COMPOSE);
  });

  it('offers the assistant on the SSO finding, walks the steps with Back, writes the block, audits it, and the finding turns into the callback note', async () => {
    const doc = await vscode.workspace.openTextDocument(compose());
    await vscode.window.showTextDocument(doc);
    const finding = await waitFor('the sso-no-provider finding', () => vscode.languages.getDiagnostics(doc.uri).find(d => d.code === 'sso-no-provider'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const assistant = actions.find(a => a.title === 'Set Up SSO for Self-Hosted Langfuse…');
    assert.ok(assistant, `the assistant is offered (${actions.map(a => a.title).join(' | ')})`);

    const ui = new ScriptedPrompter();
    ui.steps = new ScriptedSteps().answer(
      { pick: 'custom OIDC' },
      { text: 'https://langfuse.acme.com/typo' },
      { back: true },
      { text: 'https://langfuse.acme.com' },
      { pick: /^\$\(copy\) https:\/\/langfuse\.acme\.com\/api\/auth\/callback\/custom$/ },
      { text: 'https://idp.acme.com' },
      { text: 'langfuse-web' },
      { text: 'Acme SSO' },
      { pick: 'Skip the online check' },
      { text: 'acme.com' },
      { pick: 'Keep password login on' },
    );
    ui.answer({ confirm: true });
    api.services.ui = ui;
    const outcome = await vscode.commands.executeCommand<{ file: string; redirectUri: string; written: string[] }>(assistant.command!.command, ...(assistant.command!.arguments ?? []));
    assert.strictEqual(ui.failures(), '');
    assert.ok(outcome, JSON.stringify(ui.asked));
    assert.strictEqual(outcome.redirectUri, 'https://langfuse.acme.com/api/auth/callback/custom');
    assert.deepStrictEqual(ui.copied, ['https://langfuse.acme.com/api/auth/callback/custom'], 'the redirect URI went to the clipboard');
    const steps = ui.steps.shown.map(s => s.split(':')[0].split(' ')[0]);
    assert.deepStrictEqual(steps, ['1/9', '2/9', '3/9', '2/9', '3/9', '4/9', '5/9', '5/9', '6/9', '8/9', '9/9'], 'Back returned to the URL step');
    const passwordStep = ui.steps.shown[ui.steps.shown.length - 1];
    assert.ok(!/Turn password login off/.test(passwordStep), 'password login cannot be turned off without a passed online check');
    const confirm = ui.asked.find(a => a.kind === 'confirm')!;
    assert.match(confirm.text, /Add 6 SSO variables for custom OIDC to sso-deploy\/docker-compose\.yml \(langfuse-web\), at line 11\?/);

    const text = fs.readFileSync(compose(), 'utf8');
    assert.ok(text.startsWith(COMPOSE.slice(0, -1)), 'the lines before the block are untouched');
    assert.match(text, /\n {6}- AUTH_CUSTOM_CLIENT_SECRET=\$\{AUTH_CUSTOM_CLIENT_SECRET\}\n/);
    assert.match(text, /\n {6}- AUTH_CUSTOM_NAME=Acme SSO\n {6}- NEXTAUTH_URL=https:\/\/langfuse\.acme\.com\n {6}- AUTH_DOMAINS_WITH_SSO_ENFORCEMENT=acme\.com\n$/);
    assert.ok(!/AUTH_DISABLE_USERNAME_PASSWORD/.test(text));

    const entry = auditLines().reverse().find(e => e.action === 'sso.setup')!;
    assert.strictEqual(entry.outcome, 'success');
    assert.strictEqual(entry.resource.id, 'sso-deploy/docker-compose.yml');
    assert.strictEqual(entry.details.onlineCheck, 'skipped');
    assert.ok(ui.asked.some(a => a.kind === 'notify' && /Added 6 SSO variables/.test(a.text) && /\.env/.test(a.text)), 'says where the client secret goes');

    await waitFor('the callback note replaces the no-provider finding', () => {
      const codes = vscode.languages.getDiagnostics(doc.uri).map(d => String(d.code));
      return !codes.includes('sso-no-provider') && codes.includes('sso-callback-url') ? codes : undefined;
    });
  });

  it('refuses a symlinked deployment file and writes nothing through it', async () => {
    const link = path.join(path.dirname(compose()), 'compose.yaml');
    fs.symlinkSync(compose(), link);
    const before = fs.readFileSync(compose(), 'utf8');
    const ui = new ScriptedPrompter();
    ui.steps = new ScriptedSteps().answer(
      { pick: 'Okta' }, { text: 'https://langfuse.acme.com' }, { pick: 'Continue' }, { text: 'https://acme.okta.com' }, { text: '0oa1b2c3' },
      { pick: 'Skip the online check' }, { text: '' }, { pick: 'Keep password login on' },
    );
    api.services.ui = ui;
    const outcome = await vscode.commands.executeCommand('langfuseAccess.setUpSso', vscode.Uri.file(link));
    assert.strictEqual(outcome, undefined);
    assert.ok(ui.asked.some(a => a.kind === 'refuse' && /symbolic link/.test(a.text)), JSON.stringify(ui.asked));
    assert.strictEqual(fs.readFileSync(compose(), 'utf8'), before);
    fs.rmSync(link);
  });
});
