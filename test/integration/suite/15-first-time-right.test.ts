// Issue 14 (items 4, 5, 7, 9, 12): what a new user met walking the product, in the real VS Code host.
// Menus offer only what the acting identity may do, the palette refuses before asking anything, the
// wrong-project quick fix comes first and completes for the demo identity, every change says what
// changed, keys can be told apart, and a dialog's way out says where it leads.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { vscodePrompter } from '../../../src/extension/ui/prompter';
import { workbench } from '../shared/probe';
import { auditLines, packageJson, sandboxCredentials, sandboxGet, sandboxPut, ScriptedPrompter, scriptedSandboxSuite, ScriptedSteps, waitFor } from './helpers';
import { menuShows, treeRow, treeRows } from './treeRows';

const LEAD = 'engineering-lead@acme.com';
const SENIOR = 'senior-dev@acme.com';
let api: ExtensionApi;
let ui: ScriptedPrompter;
const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const actAs = (email: string) => vscode.workspace.getConfiguration().update('langfuseAccess.actingAs', email, vscode.ConfigurationTarget.Global);
const command = <T>(id: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`langfuseAccess.${id}`, ...args);

/** The organization key's requests against the sandbox, as a second client would send them. */
async function sandboxSend(method: string, pathname: string, body?: unknown): Promise<any> {
  const c = sandboxCredentials();
  const auth = Buffer.from(`${c.organization.publicKey}:${c.organization.secretKey}`).toString('base64');
  const res = await fetch(new URL(pathname, c.baseUrl), { method, headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${pathname}: ${res.status}`);
  return res.status === 204 ? undefined : res.json().catch(() => undefined);
}

async function diagnostic(file: string, code: string): Promise<vscode.Diagnostic> {
  const uri = vscode.Uri.file(path.join(workspace(), file));
  return waitFor(`${code} on ${file}`, () => vscode.languages.getDiagnostics(uri).find(d => d.code === code), 20000);
}

async function quickFixes(file: string, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', vscode.Uri.file(path.join(workspace(), file)), range, vscode.CodeActionKind.QuickFix.value);
}

/** Scripted answers, but passing notes go to the real status bar (read back through the workbench probe). */
class RealStatusNotes extends ScriptedPrompter {
  override transient(message: string, subject: string): void { super.transient(message, subject); vscodePrompter.transient(message, subject); }
  override withdraw(subject: string): void { super.withdraw(subject); vscodePrompter.withdraw(subject); }
}

describe('issue 14: menus, quick fixes, confirmations and key labels a newcomer can trust', () => {
  scriptedSandboxSuite((a, u) => { api = a; ui = u; });

  it('opens the sandbox connection at start and names the organization (items 12, 9)', async () => {
    const [connection] = await treeRows(api);
    assert.strictEqual(connection.collapsible, vscode.TreeItemCollapsibleState.Expanded);
    assert.match((await treeRow(api, ['Organization'])).description, /^Acme Corp · 3 projects · you: OWNER$/);
  });

  it('offers in each menu only what the acting identity may do (item 4)', async () => {
    const pkg = packageJson();
    const shows = async (command: string, labels: string[]) => menuShows(pkg, `langfuseAccess.${command}`, (await treeRow(api, labels)).contextValue);
    // A row's actions come with the acting identity's permissions, which may arrive after its first render:
    // the first menu expected to show is waited for; the checks after it read rows rendered with them.
    const showsOnce = (command: string, labels: string[]) => waitFor(`the ${command} menu on ${labels.join(' › ')}`, async () => (await shows(command, labels)) || undefined);
    // engineering-lead@acme.com: OWNER of the organization, overridden NONE in staging-chatbot.
    assert.strictEqual(await showsOnce('createApiKey', ['Organization', 'production-chatbot']), true);
    assert.strictEqual(await shows('createApiKey', ['Organization', 'staging-chatbot']), false);
    const stagingKey = (await treeRows(api, (await treeRow(api, ['Organization', 'staging-chatbot', 'API keys'])).node))[0];
    assert.strictEqual(menuShows(pkg, 'langfuseAccess.revokeApiKey', stagingKey.contextValue), false);
    assert.strictEqual(menuShows(pkg, 'langfuseAccess.rotateKey', stagingKey.contextValue), false);
    assert.strictEqual(await shows('removeMember', ['Organization', 'Members', 'Erin Lead']), false, 'the last OWNER cannot be removed');
    assert.strictEqual(await shows('changeOrgRole', ['Organization', 'Members', 'Dana Developer']), true);
    await actAs(SENIOR);
    try {
      assert.strictEqual(await showsOnce('createApiKey', ['Organization', 'staging-chatbot']), true);
      assert.strictEqual(await shows('createApiKey', ['Organization', 'analytics-readonly']), false);
      assert.strictEqual(await shows('changeOrgRole', ['Organization', 'Members', 'Erin Lead']), false, 'an ADMIN cannot change the OWNER');
      assert.match((await treeRow(api, ['Organization'])).description, /you: ADMIN$/);
    } finally {
      await actAs(LEAD);
    }
  });

  it('from the palette, refuses before asking anything where the identity may not act (item 4)', async () => {
    await actAs('developer@acme.com');
    try {
      assert.strictEqual(await command('createApiKey'), undefined);
      assert.strictEqual(await command('addMember'), false);
    } finally {
      await actAs(LEAD);
    }
    assert.deepStrictEqual(ui.asked.filter(a => a.kind !== 'done').map(a => a.kind), ['refuse', 'refuse'], `nothing asked before the refusals: ${JSON.stringify(ui.asked)}`);
    assert.match(ui.asked[0].text, /^You may not create API keys in any project of this organization\. Permission denied: insufficient role\. developer@acme\.com is (NONE|MEMBER) in /);
    assert.match(ui.asked[1].text, /developer@acme\.com is MEMBER in the organization.*→ ask: /);
    const refused = auditLines().filter(e => e.outcome === 'refused').at(-1)!;
    assert.deepStrictEqual([refused.action, refused.details.stage, refused.details.rule], ['member.add', 'before input', 'insufficient-role']);
    // Where some projects allow it, they come first; one that does not is refused when picked, before the note.
    ui.asked.length = 0;
    ui.steps = new ScriptedSteps().answer({ pick: 'staging-chatbot' });
    assert.strictEqual(await command('createApiKey'), undefined);
    assert.deepStrictEqual(ui.steps.picks, [{ title: 'Create API Key (1/2)', rows: ['production-chatbot you: OWNER', 'analytics-readonly not allowed (you: no access)', 'staging-chatbot not allowed (you: no access)'] }]);
    assert.deepStrictEqual(ui.asked.map(a => a.kind), ['refuse']);
  });

  it('from the palette, a tree command is one multi-step input: "(n/N)" in the title, Back keeps the earlier choice, the change is made and audited (issue 20 item 5)', async () => {
    // VS Code's own QuickInputs, read and clicked in the rendered workbench; only the session's modal
    // confirmation is scripted (a test host refuses modal dialogs).
    ui.answer({ confirm: true });
    const running = command<boolean>('setProjectRole');
    let shown = await workbench.quickInput('Set Project Role (1/3)', 'production-chatbot');
    assert.strictEqual(shown.back, false, 'the first step has no Back');
    await workbench.quickInputPick('production-chatbot');
    shown = await workbench.quickInput('Set Project Role (2/3)', 'Dana Developer');
    assert.strictEqual(shown.back, true);
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    shown = await workbench.quickInput('Set Project Role (1/3)', 'production-chatbot');
    assert.strictEqual(shown.active, 'production-chatbot', 'Back returns to the project picker with the earlier choice pre-selected');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await workbench.quickInput('Set Project Role (2/3)', 'Dana Developer');
    await workbench.quickInputPick('Dana Developer');
    shown = await workbench.quickInput('Set Project Role (3/3)', 'VIEWER');
    assert.strictEqual(shown.active, 'MEMBER', 'the inherited role is pre-selected');
    await workbench.quickInputPick('VIEWER');
    assert.strictEqual(await running, true, ui.failures());
    try {
      const roles = (await sandboxGet('/api/public/projects/proj-production-chatbot/memberships')).memberships;
      assert.strictEqual(roles.find((m: any) => m.userId === 'user-developer')?.role, 'VIEWER', 'the sandbox holds the new project role');
      const entry = auditLines().at(-1)!;
      assert.deepStrictEqual([entry.action, entry.outcome, entry.resource.project, entry.details.to], ['projectRole.set', 'success', 'production-chatbot', 'VIEWER']);
      assert.ok(ui.asked.some(a => a.kind === 'done' && a.text === 'developer@acme.com is now VIEWER of production-chatbot (project role; was inherited MEMBER).'), JSON.stringify(ui.asked));
    } finally {
      await sandboxSend('DELETE', '/api/public/projects/proj-production-chatbot/memberships', { userId: 'user-developer' });
      api.services.tree.refresh();
    }
  });

  it('on a wrong-project key, the non-destructive fix comes first and alone is preferred; "Rotate" is offered once (item 5)', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(workspace(), '.env.staging')));
    const wrong = await diagnostic('.env.staging', 'wrong-project');
    // The production key there is also overdue and shared with .env.production: three findings, two of them offering a rotation.
    await diagnostic('.env.staging', 'rotation-overdue');
    await diagnostic('.env.staging', 'shared-key');
    const titles = (await quickFixes('.env.staging', wrong.range)).map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
    assert.strictEqual(titles[0], 'Use a key of project staging-chatbot (preferred)', titles.join(' | '));
    assert.strictEqual(titles.filter(t => t.endsWith('(preferred)')).length, 1, titles.join(' | '));
    assert.strictEqual(titles.filter(t => t.startsWith('Rotate this key')).length, 1, titles.join(' | '));
    assert.strictEqual(new Set(titles).size, titles.length, `no duplicates: ${titles.join(' | ')}`);
  });

  it('the headline fix completes for the demo identity: key created, file fixed, each step confirmed (items 4, 7)', async () => {
    const file = path.join(workspace(), '.env.staging');
    const original = fs.readFileSync(file, 'utf8');
    await api.services.context.globalState.update('langfuseAccess.storedProjectKeys', []);
    const fix = async () => {
      const action = (await quickFixes('.env.staging', (await diagnostic('.env.staging', 'wrong-project')).range))[0];
      await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
    };
    // The organization's OWNER is NONE in staging-chatbot: told at once, and whom to ask — no "Create a Key" that ends in a refusal.
    await fix();
    assert.deepStrictEqual(ui.asked.map(a => a.kind), ['refuse']);
    assert.match(ui.asked[0].text, /cannot be created: .*engineering-lead@acme\.com is NONE in staging-chatbot.*→ ask: senior-dev@acme\.com/);
    ui = new RealStatusNotes();
    api.services.ui = ui;
    await actAs(SENIOR);
    let publicKey: string | undefined;
    try {
      ui.answer({ choose: 'Create a Key in staging-chatbot' }, { input: 'worker-staging' }, { confirm: true }, { choose: 'Copy Secret and Store in SecretStorage' });
      await fix();
      assert.ok(!ui.asked.some(a => a.kind === 'refuse' || a.kind === 'failed'), JSON.stringify(ui.asked));
      publicKey = /^LANGFUSE_PUBLIC_KEY=(.*)$/m.exec(fs.readFileSync(file, 'utf8'))![1];
      const done = ui.asked.filter(a => a.kind === 'done').map(a => a.text);
      assert.match(done[0], new RegExp(`^Created the API key pk-lf-${publicKey.slice(6, 10)}…${publicKey.slice(-4)} "worker-staging" in staging-chatbot\\. Its secret is stored in SecretStorage\\.$`));
      assert.match(done[1], /^Put the key pk-lf-.{4}….{4} of staging-chatbot into \.env\.staging and saved it\.$/);
      await waitFor('wrong-project gone', () => vscode.languages.getDiagnostics(vscode.Uri.file(file)).some(d => d.code === 'wrong-project') ? undefined : true);
      assert.ok(ui.copied[0]?.startsWith('sk-lf-'), 'the secret went to the clipboard');
      // The clipboard note stands in the status bar while the key lives…
      await waitFor('the clipboard note', async () => (await workbench.statusBar()).some(t => t.includes('is on the clipboard')) || undefined);
      const row = (await treeRows(api, (await treeRow(api, ['Organization', 'staging-chatbot', 'API keys'])).node)).find(r => r.node.kind === 'projectKey' && r.node.key.publicKey === publicKey)!;
      ui.answer({ confirm: true });
      assert.strictEqual(await command('revokeApiKey', row.node), true);
      assert.match(ui.asked.filter(a => a.kind === 'done').at(-1)!.text, /^Revoked the API key pk-lf-.{4}….{4} \("worker-staging"\) of staging-chatbot: it stops working at once\.$/);
      // …and goes with it: a note about a key that no longer exists would mislead.
      await waitFor('the clipboard note withdrawn', async () => (await workbench.statusBar()).some(t => t.includes('is on the clipboard')) ? undefined : true);
      assert.ok(!(await treeRows(api, (await treeRow(api, ['Organization', 'staging-chatbot', 'API keys'])).node)).some(r => r.label.endsWith(publicKey!.slice(-4)) && r.description.startsWith('worker-staging')), 'the tree dropped the key');
    } finally {
      await actAs(LEAD);
      fs.writeFileSync(file, original);
    }
  });

  it('a role change says what changed; role pickers mark the current role and pre-select it, never OWNER (items 7, 9)', async () => {
    const dana = await treeRow(api, ['Organization', 'Members', 'Dana Developer']);
    ui.answer({ pick: 'VIEWER' }, { confirm: true });
    assert.strictEqual(await command('changeOrgRole', dana.node), true);
    assert.ok(ui.asked[0].options!.includes('MEMBER (current)'), ui.asked[0].options!.join(' | '));
    assert.strictEqual(ui.activeRows[0], 'MEMBER');
    assert.ok(ui.asked.some(a => a.kind === 'done' && a.text === 'developer@acme.com is now VIEWER in the organization (was MEMBER).'));
    assert.match((await treeRow(api, ['Organization', 'Members', 'Dana Developer'])).description, /· VIEWER$/, 'the row shows it');
    const inProduction = await treeRow(api, ['Organization', 'production-chatbot', 'Members', 'Dana Developer']);
    ui.answer({ pick: 'MEMBER' }, { confirm: true }, { confirm: true });
    assert.strictEqual(await command('setProjectRole', inProduction.node), true);
    assert.ok(ui.asked.some(a => a.kind === 'pick' && a.options!.includes('VIEWER (current, from the organization)')));
    assert.strictEqual(ui.activeRows[1], 'VIEWER', 'the inherited role is pre-selected, not OWNER');
    assert.ok(ui.asked.some(a => a.kind === 'done' && a.text === 'developer@acme.com is now MEMBER of production-chatbot (project role; was inherited VIEWER).'));
    assert.strictEqual(await command('resetProjectRole', (await treeRow(api, ['Organization', 'production-chatbot', 'Members', 'Dana Developer'])).node), true);
    assert.ok(ui.asked.some(a => a.kind === 'done' && a.text === 'developer@acme.com now inherits VIEWER in production-chatbot (project role MEMBER removed).'));
    await sandboxPut('/api/public/organizations/memberships', { userId: 'user-developer', role: 'MEMBER' });
    api.services.tree.refresh();
    await actAs(SENIOR);
    try {
      ui.answer({ pick: undefined });
      await command('changeOrgRole', (await treeRow(api, ['Organization', 'Members', 'Dana Developer'])).node);
      assert.ok(ui.asked.at(-1)!.options!.includes('OWNER (above your own role ADMIN)'), ui.asked.at(-1)!.options!.join(' | '));
    } finally {
      await actAs(LEAD);
    }
  });

  it('keys can be told apart: labels unique within the view, one secret mask, ages in days (item 9)', async () => {
    const made = [];
    for (const tag of ['aaaa', 'bbbb']) {
      made.push(await sandboxSend('POST', '/api/public/projects/proj-staging-chatbot/apiKeys', { note: `probe-${tag}`, publicKey: `pk-lf-ux-probe-${tag}-0001`, secretKey: `sk-lf-demo-ux-probe-${tag}-0001` }));
    }
    try {
      api.services.tree.refresh();
      const rows = await treeRows(api, (await treeRow(api, ['Organization', 'staging-chatbot', 'API keys'])).node);
      const labels = rows.map(r => r.label);
      assert.strictEqual(new Set(labels).size, labels.length, labels.join(' | '));
      assert.ok(labels.includes('pk-lf-c200…0001'), labels.join(' | '));
      for (const r of rows) {
        assert.match(r.description, / · (new today|\d+ days? old)(, overdue by \d+ days)? · sk-lf-…[0-9a-z]{4}$/, r.description);
        assert.ok(!r.description.includes('...') && !r.tooltip.includes('sk-lf-...'), 'Langfuse\'s sk-lf-... is shown in the one mask style');
      }
    } finally {
      for (const k of made) await sandboxSend('DELETE', `/api/public/projects/proj-staging-chatbot/apiKeys/${k.id}`);
      api.services.tree.refresh();
    }
  });

  it('discarding a new key\'s secret asks "Discard and Revoke" or "Go Back to the Secret" — no Cancel doing the same (item 12)', async () => {
    // VS Code refuses modal dialogs inside an extension test host: the e2e case "key-secret-go-back" clicks the real one.
    ui.answer({ input: 'worker-production' }, { confirm: true }, { choose: undefined }, { confirm: false }, { choose: 'Store in SecretStorage' });
    const keys = await treeRow(api, ['Organization', 'production-chatbot', 'API keys']);
    const publicKey = await command<string>('createApiKey', keys.node);
    const discard = ui.asked.filter(a => a.kind === 'confirm')[1];
    assert.match(discard.text, /^Discard the secret of pk-lf-.{4}….{4}\?/);
    assert.deepStrictEqual(discard.options, ['Discard and Revoke the Key', 'Go Back to the Secret'], 'the way out is named, and it is the only other button');
    assert.deepStrictEqual(ui.asked.filter(a => a.kind === 'choose').length, 2, 'Go Back returned to the secret');
    const live = (await sandboxGet('/api/public/projects/proj-production-chatbot/apiKeys')).apiKeys.find((k: any) => k.publicKey === publicKey);
    assert.ok(live, 'the key was kept, not revoked');
    ui.answer({ confirm: true });
    const row = (await treeRows(api, keys.node)).find(r => r.node.kind === 'projectKey' && r.node.key.publicKey === publicKey)!;
    assert.strictEqual(await command('revokeApiKey', row.node), true);
  });
});
