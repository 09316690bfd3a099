// Issue 19, finding 2, reproduced in Restricted Mode: a vendored repository whose `.gitignore` is a
// symbolic link to a shell start-up file outside the workspace. The "Add … to .gitignore" fix (and every
// other fix that writes) is not offered here, and calling it anyway (as a forged command link would)
// changes nothing outside the workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import type { Prompter } from '../../../src/extension/ui/prompter';
import { activateExtension, ScriptedPrompter } from '../suite/helpers';
import { assertVictimUntouched, notIgnoredFinding, openComposeWithInlineSecret, plantHostileRepo, quickFixes, type HostileRepo } from '../shared/hostileRepo';
import { assertRestrictedMode, outsideDir, workspaceRoot } from './restrictedHelpers';

describe('Restricted Mode: a symlinked .gitignore (issue 19, finding 2)', () => {
  let api: ExtensionApi;
  let real: Prompter;
  let ui: ScriptedPrompter;
  const repos: HostileRepo[] = [];
  before(async () => {
    assertRestrictedMode();
    api = await activateExtension();
    real = api.services.ui;
  });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });
  after(() => {
    api.services.ui = real;
    for (const r of repos) r.remove();
  });

  for (const dangling of [false, true]) {
    it(`${dangling ? 'a dangling link' : 'a link to ~/.bashrc'}: no fix that writes is offered, and a forged "apply" changes nothing outside the workspace`, async () => {
      const repo = plantHostileRepo(workspaceRoot(), outsideDir(), dangling ? 'vendored-dangling' : 'vendored', { dangling });
      repos.push(repo);
      const { uri, diagnostic } = await notIgnoredFinding(repo);
      const offered = (await quickFixes(uri, diagnostic)).map(a => a.title);
      assert.deepStrictEqual(offered.filter(t => /gitignore|Rotate|Ignore|Replace/i.test(t)), [], `offered in Restricted Mode: ${offered.join(' | ')}`);

      // What a command link or another extension could still call: the fix itself, with the extension's own finding.
      const finding = api.services.diagnostics.findingsFor(uri).find(f => f.code === 'production-key-not-ignored')!;
      const fix = { kind: 'addToGitignore', title: 'Add .env.prod-copy to .gitignore', gitignorePath: repo.gitignore, pattern: '/.env.prod-copy', alsoUntrack: false };
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.applyEnvFix', uri, finding, fix), false);
      assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /not available in Restricted Mode/);
      assertVictimUntouched(repo);
    });
  }

  it('deployment quick fixes (they write configuration, some create files) are not offered, and a forged one is refused', async () => {
    const dir = path.join(workspaceRoot(), 'deploy-restricted');
    try {
      const { compose, doc, diagnostic } = await openComposeWithInlineSecret(dir);
      assert.deepStrictEqual((await quickFixes(doc.uri, diagnostic)).map(a => a.title), []);
      const forged = { kind: 'moveToEnvFile', title: 'Move', file: compose, valueRange: diagnostic.range, variable: 'AUTH_OKTA_CLIENT_SECRET', envFile: path.join(outsideDir(), 'forged.env') };
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.applyDeploymentFix', forged), false);
      assert.match(ui.asked.find(a => a.kind === 'refuse')?.text ?? '', /not available in Restricted Mode/);
      assert.strictEqual(fs.existsSync(path.join(outsideDir(), 'forged.env')), false);
      assert.ok(!doc.isDirty);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
