import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseStoredProjectKey } from '../../core/keys/storedKey';
import type { Finding, Fix } from '../../core/rules/finding';
import type { FixOutcome } from '../../core/rules/fileFixes';
import { Commands, SecretKeys } from '../../core/names';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { storedKeysFor } from '../keys/storedKeyList';
import { projectNamed } from './envCommands';
import { shortPublicKey } from '../../core/keys/keyDisplay';
import { toRange } from './envDiagnostics';
import { workspaceRoots } from '../ui/notifications';

/** Fixes that write files or secrets: not offered in Restricted Mode, and refused there when called anyway (a forged command link). */
export const WRITING_FIXES: ReadonlySet<Fix['kind']> = new Set(['replaceWithProjectKey', 'addToGitignore', 'ignoreFinding', 'openRotationWizard']);

/** Runs the quick fixes that need more than a text edit: SecretStorage, .gitignore, the access file, other views. */
export async function applyEnvFix(services: Services, uri: vscode.Uri, finding: Finding, fix: Fix): Promise<boolean> {
  if (WRITING_FIXES.has(fix.kind) && !vscode.workspace.isTrusted) {
    await services.ui.refuse(vscode.l10n.t('"{0}" changes files, so it is not available in Restricted Mode. Trust this workspace first if you know where it comes from.', fix.title));
    return false;
  }
  switch (fix.kind) {
    case 'replaceWithProjectKey': return replaceWithProjectKey(services, uri, fix);
    case 'addToGitignore': return addToGitignore(services, uri, fix);
    case 'openRotationWizard':
      await vscode.commands.executeCommand(Commands.rotateKey, fix.publicKey);
      return true;
    case 'openKeyInTree':
      return (await vscode.commands.executeCommand<boolean>(Commands.revealKey, fix.publicKey)) ?? false;
    case 'ignoreFinding':
      return shown(services, await loadChunk('workspace').applyIgnoreFix(uri.fsPath, fix, {
        workspaceRoots: vscode.workspace.getWorkspaceFolder(uri) ? workspaceRoots().map(r => r.path) : [], stateDir: services.stateDir,
        askReason: () => services.ui.input({ title: vscode.l10n.t('Ignore {0} in {1}', finding.code, fix.file), prompt: vscode.l10n.t('Why is this finding acceptable? Recorded in the access file for reviewers.'), placeHolder: vscode.l10n.t('local sandbox key'),
          validateInput: v => v.trim() ? undefined : vscode.l10n.t('Give a reason: reviewers read it.') }),
      }), recorded => services.record({ action: 'finding.ignore', resource: { kind: 'finding', id: fix.rule, name: fix.file }, outcome: 'success', details: { ...recorded, accessFile: path.basename(path.dirname(path.dirname(fix.accessFile))) } }));
    default:
      return false;
  }
}

/** A file fix's outcome shown: the confirmation (after `then`, e.g. the audit entry) or the refusal. */
async function shown(services: Services, outcome: FixOutcome, then?: (recorded: Record<string, string> | undefined) => void): Promise<boolean> {
  if ('refusal' in outcome) { await services.ui.refuse(outcome.refusal); return false; }
  if ('cancelled' in outcome) return false;
  then?.(outcome.recorded);
  services.ui.done(outcome.done);
  return true;
}

async function addToGitignore(services: Services, uri: vscode.Uri, fix: Extract<Fix, { kind: 'addToGitignore' }>): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return shown(services, loadChunk('workspace').applyGitignoreFix(uri.fsPath, fix, folder && { path: folder.uri.fsPath, name: folder.name }));
}

async function replaceWithProjectKey(services: Services, uri: vscode.Uri, fix: Extract<Fix, { kind: 'replaceWithProjectKey' }>): Promise<boolean> {
  const candidates = storedKeysFor(services.context, fix.project);
  let publicKey: string | undefined;
  if (candidates.length === 1) publicKey = candidates[0].publicKey;
  else if (candidates.length > 1) {
    publicKey = (await services.ui.pick(candidates.map(c => ({ label: shortPublicKey(c.publicKey), description: c.note ?? '', publicKey: c.publicKey })), { title: vscode.l10n.t('Which key of {0}?', fix.project) }))?.publicKey;
    if (!publicKey) return false;
  } else {
    // Only offer to create a key where the acting identity may: otherwise say so now, naming whom to ask.
    const target = await projectNamed(services, fix.project);
    const verdict = target && (await (await services.clients.session(target.connectionId)).permissions([target.project.id])).projects[target.project.id]?.createKey;
    if (!target || (verdict && !verdict.allowed)) {
      await services.ui.refuse(target
        ? vscode.l10n.t('No key pair of {0} is stored in SecretStorage on this machine, and a new one cannot be created: {1}', fix.project, verdict!.reason ?? '')
        : vscode.l10n.t('No key pair of {0} is stored in SecretStorage on this machine, and no connection shows that project to create one', fix.project));
      return false;
    }
    const choice = await services.ui.choose(vscode.l10n.t('No key pair of {0} is stored in SecretStorage on this machine.', fix.project), [vscode.l10n.t('Create a Key in {0}', fix.project)]);
    if (!choice) return false;
    publicKey = await vscode.commands.executeCommand<string>(Commands.createApiKeyForProject, fix.project);
    if (!publicKey) return false;
  }
  const stored = parseStoredProjectKey(await services.context.secrets.get(SecretKeys.projectKey(publicKey)));
  if (!stored) {
    await services.ui.refuse(vscode.l10n.t('The secret of {0} is no longer in SecretStorage. Create a new key for {1}.', publicKey, fix.project));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  if (fix.publicKeyRange) edit.replace(uri, toRange(fix.publicKeyRange), stored.publicKey);
  if (fix.secretKeyRange) edit.replace(uri, toRange(fix.secretKeyRange), stored.secretKey);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) {
    await doc.save();
    services.ui.done(vscode.l10n.t('Put the key {0} of {1} into {2} and saved it.', shortPublicKey(stored.publicKey), fix.project, vscode.workspace.asRelativePath(uri)));
  }
  return ok;
}
