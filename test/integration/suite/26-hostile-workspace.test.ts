// Issue 19 in a TRUSTED workspace: the writing quick fixes are offered, but never write through a
// symbolic link or out of the workspace, and never write a .gitignore pattern with shell or git syntax.
// (The Restricted Mode pass checks that they are not offered there at all.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { assertVictimUntouched, notIgnoredFinding, openComposeWithInlineSecret, plantHostileRepo, quickFixes, type HostileRepo } from '../shared/hostileRepo';
import { activateExtension, ScriptedPrompter, waitFor } from './helpers';

let api: ExtensionApi;
let ui: ScriptedPrompter;
const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const outside = () => process.env.LANGFUSE_ACCESS_TEST_OUTSIDE!;

async function run(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  return action.command ? vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])) : undefined;
}

describe('hostile workspace files in a trusted workspace (issue 19)', () => {
  const repos: HostileRepo[] = [];
  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, true);
    api = await activateExtension();
    await waitFor('the sandbox connection', () => api.services.connections.get('local-sandbox'));
  });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });
  afterEach(() => assert.strictEqual(ui.pending(), 0, 'every scripted answer was used'));
  after(() => { for (const r of repos) r.remove(); });

  for (const dangling of [false, true]) {
    it(`"Add … to .gitignore" on ${dangling ? 'a dangling link' : 'a link to ~/.bashrc'}: offered, then refused; nothing outside the workspace changes`, async () => {
      const repo = plantHostileRepo(workspace(), outside(), dangling ? 'trusted-dangling' : 'trusted-vendored', { dangling });
      repos.push(repo);
      const { uri, diagnostic } = await notIgnoredFinding(repo);
      const fix = (await quickFixes(uri, diagnostic)).find(a => /to \.gitignore/.test(a.title));
      assert.ok(fix, 'the fix is offered in a trusted workspace');
      assert.strictEqual(await run(fix), false);
      assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /symbolic link.*refused/);
      assertVictimUntouched(repo);
    });
  }

  it('"Add … to .gitignore" on a regular .gitignore adds the file\'s own pattern', async () => {
    const repo = plantHostileRepo(workspace(), outside(), 'trusted-plain');
    repos.push(repo);
    fs.rmSync(repo.gitignore);
    fs.writeFileSync(repo.gitignore, 'node_modules/\n');
    const { uri, diagnostic } = await notIgnoredFinding(repo);
    assert.strictEqual(await run((await quickFixes(uri, diagnostic)).find(a => /to \.gitignore/.test(a.title))!), true);
    assert.strictEqual(fs.readFileSync(repo.gitignore, 'utf8'), 'node_modules/\n# Langfuse keys (added by Langfuse Access)\n/.env.prod-copy\n');
  });

  it('a file named .env.x;touch${IFS}PWNED gets no .gitignore fix, and a forged one is refused without writing', async () => {
    const repo = plantHostileRepo(workspace(), outside(), 'trusted-shell-name', { envName: '.env.x;touch${IFS}PWNED' });
    repos.push(repo);
    fs.rmSync(repo.gitignore);
    fs.writeFileSync(repo.gitignore, 'node_modules/\n');
    const { uri, diagnostic } = await notIgnoredFinding(repo);
    assert.deepStrictEqual((await quickFixes(uri, diagnostic)).filter(a => /gitignore/.test(a.title)).map(a => a.title), []);
    const finding = api.services.diagnostics.findingsFor(uri).find(f => f.code === 'production-key-not-ignored')!;
    const forged = { kind: 'addToGitignore', title: 'Add', gitignorePath: repo.gitignore, pattern: '/.env.x;touch${IFS}PWNED', alsoUntrack: true };
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.applyEnvFix', uri, finding, forged), false);
    assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /characters that git or a shell would interpret/);
    assert.strictEqual(fs.readFileSync(repo.gitignore, 'utf8'), 'node_modules/\n');
  });

  it('a forged fix naming a .gitignore that is not the file\'s own repository\'s is refused', async () => {
    const repo = plantHostileRepo(workspace(), outside(), 'trusted-forged-path');
    repos.push(repo);
    const { uri } = await notIgnoredFinding(repo);
    const finding = api.services.diagnostics.findingsFor(uri).find(f => f.code === 'production-key-not-ignored')!;
    const elsewhere = path.join(outside(), 'not-the-repo.gitignore');
    const forged = { kind: 'addToGitignore', title: 'Add', gitignorePath: elsewhere, pattern: '/.env.prod-copy', alsoUntrack: false };
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.applyEnvFix', uri, finding, forged), false);
    assert.strictEqual(fs.existsSync(elsewhere), false);
  });

  it('Scaffold Workspace Access File refuses a .langfuse/access.yaml that is a symbolic link out of the workspace', async () => {
    const file = path.join(workspace(), '.langfuse', 'access.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const victim = path.join(outside(), 'linked-access.yaml');
    fs.writeFileSync(victim, original);
    fs.rmSync(file);
    fs.symlinkSync(victim, file);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.scaffoldAccessFile'), undefined);
      assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /symbolic link/);
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), original);
    } finally {
      fs.rmSync(file, { force: true });
      fs.writeFileSync(file, original);
    }
  });

  it('a deployment fix moving a secret into a .env that links out of the workspace is refused before any edit', async () => {
    const dir = path.join(workspace(), 'deploy-hostile');
    fs.mkdirSync(dir, { recursive: true });
    const victim = path.join(outside(), 'deploy.bashrc');
    fs.writeFileSync(victim, 'export A=1\n');
    fs.symlinkSync(victim, path.join(dir, '.env'));
    try {
      const { doc, diagnostic } = await openComposeWithInlineSecret(dir);
      const move = (await quickFixes(doc.uri, diagnostic)).find(a => /^Move AUTH_OKTA_CLIENT_SECRET to \.env/.test(a.title));
      assert.ok(move, 'the fix is offered in a trusted workspace');
      assert.strictEqual(await run(move), false);
      assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /symbolic link/);
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'export A=1\n');
      assert.ok(!doc.isDirty, 'the compose file was not edited either');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(victim, { force: true });
    }
  });
});
