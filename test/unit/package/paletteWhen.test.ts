// Issue 20 item 5: the Command Palette offers a command only where it means something, and the
// walkthrough gives the keyboard path with the macOS key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContextKeys } from '../../../src/core/names';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const palette = (command: string) => (pkg.contributes.menus.commandPalette as { command: string; when: string }[]).find(m => m.command === `langfuseAccess.${command}`)?.when;

describe('when the palette and the editor title offer a command', () => {
  it('Clear Audit Log Filter only with a filter on; Resume / Abort only with an unfinished rotation; Verify Keys Online only in a trusted workspace', () => {
    assert.equal(palette('auditClearFilter'), ContextKeys.auditFiltered);
    for (const c of ['resumeRotation', 'abortRotation', 'editRotationTargets']) {
      assert.equal(palette(c), `${ContextKeys.hasUnfinishedRotations} && isWorkspaceTrusted`);
      assert.equal((pkg.contributes.menus.commandPalette as { command: string }[]).filter(m => m.command === `langfuseAccess.${c}`).length, 1, `one palette entry for ${c}`);
    }
    assert.equal(palette('verifyKeysOnline'), 'isWorkspaceTrusted');
  });

  it('the Verify Keys Online button shows on .env, .env.staging and prod.env alike, never untrusted', () => {
    const when: string = pkg.contributes.menus['editor/title'].find((m: { command: string }) => m.command === 'langfuseAccess.verifyKeysOnline').when;
    assert.match(when, /&& isWorkspaceTrusted$/);
    const patterns = [...when.matchAll(/resourceFilename =~ \/(.+?)\/(?= |\))/g)].map(m => new RegExp(m[1]));
    for (const name of ['.env', '.env.staging', 'prod.env']) assert.ok(patterns.some(p => p.test(name)), name);
    assert.ok(!patterns.some(p => p.test('environment.ts')));
  });

  it('the walkthrough names the keyboard path and the macOS key', () => {
    assert.match(nls['walkthrough.fixEnv.description'], /Ctrl\+\. \(on macOS Cmd\+\.\)/);
    assert.match(nls['walkthrough.explore.description'], /Shift\+F10/);
  });
});
