import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseStoredProjectKey } from '../../core/keys/storedKey';
import type { Finding, Fix } from '../../core/rules/finding';
import { Commands, SecretKeys } from '../../core/names';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { storedKeysFor } from '../keys/storedKeyList';
import { toRange } from './envDiagnostics';

/** Runs the quick fixes that need more than a text edit: SecretStorage, .gitignore, the access file, other views. */
export async function applyEnvFix(services: Services, uri: vscode.Uri, finding: Finding, fix: Fix): Promise<boolean> {
  switch (fix.kind) {
    case 'replaceWithProjectKey': return replaceWithProjectKey(services, uri, fix);
    case 'addToGitignore': {
      const current = fs.existsSync(fix.gitignorePath) ? fs.readFileSync(fix.gitignorePath, 'utf8') : '';
      const next = loadChunk('workspace').addGitignorePattern(current, fix.pattern, 'Langfuse keys (added by Langfuse Access)');
      if (next !== current) fs.writeFileSync(fix.gitignorePath, next);
      if (fix.alsoUntrack) {
        services.ui.notify(`Added ${fix.pattern} to ${path.basename(fix.gitignorePath)}. The file is still tracked by git: run "git rm --cached ${fix.pattern}" and rotate the key, since it is in the history.`);
      }
      return true;
    }
    case 'openRotationWizard':
      await vscode.commands.executeCommand(Commands.rotateKey, fix.publicKey);
      return true;
    case 'openKeyInTree':
      return (await vscode.commands.executeCommand<boolean>(Commands.revealKey, fix.publicKey)) ?? false;
    case 'ignoreFinding': {
      const reason = (await services.ui.input({ title: `Ignore ${finding.code} in ${fix.file}`, prompt: 'Why is this finding acceptable? Recorded in the access file for reviewers.', placeHolder: 'local sandbox key',
        validateInput: v => v.trim() ? undefined : 'Give a reason: reviewers read it.' }))?.trim();
      if (!reason) return false;
      // Locked read-modify-write: another window or the CLI may be recording an entry at the same time.
      await loadChunk('workspace').recordIgnoreEntry(fix.accessFile, { file: fix.file, rule: fix.rule, reason }, { stateDir: services.stateDir, tool: 'extension' });
      services.record({ action: 'finding.ignore', resource: { kind: 'finding', id: fix.rule, name: fix.file }, outcome: 'success', details: { reason, accessFile: path.basename(path.dirname(path.dirname(fix.accessFile))) } });
      return true;
    }
    default:
      return false;
  }
}

async function replaceWithProjectKey(services: Services, uri: vscode.Uri, fix: Extract<Fix, { kind: 'replaceWithProjectKey' }>): Promise<boolean> {
  const candidates = storedKeysFor(services.context, fix.project);
  let publicKey: string | undefined;
  if (candidates.length === 1) publicKey = candidates[0].publicKey;
  else if (candidates.length > 1) {
    publicKey = (await services.ui.pick(candidates.map(c => ({ label: c.publicKey, description: c.note ?? '', publicKey: c.publicKey })), { title: `Which key of ${fix.project}?` }))?.publicKey;
    if (!publicKey) return false;
  } else {
    const choice = await services.ui.choose(`No key pair of ${fix.project} is stored in SecretStorage on this machine.`, ['Create a Key in ' + fix.project]);
    if (!choice) return false;
    publicKey = await vscode.commands.executeCommand<string>(Commands.createApiKeyForProject, fix.project);
    if (!publicKey) return false;
  }
  const stored = parseStoredProjectKey(await services.context.secrets.get(SecretKeys.projectKey(publicKey)));
  if (!stored) {
    await services.ui.refuse(`The secret of ${publicKey} is no longer in SecretStorage. Create a new key for ${fix.project}.`);
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  if (fix.publicKeyRange) edit.replace(uri, toRange(fix.publicKeyRange), stored.publicKey);
  if (fix.secretKeyRange) edit.replace(uri, toRange(fix.secretKeyRange), stored.secretKey);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) await doc.save();
  return ok;
}
