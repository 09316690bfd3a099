import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SsoBlockResult, SsoSetupPlan } from '../../core/sso/index';
import { editorReader } from '../compliance/deploymentDiagnostics';
import { loadChunk } from '../lazy';
import type { Services } from '../services';

const CANDIDATES = '**/{docker-compose*.yml,docker-compose*.yaml,compose*.yml,compose*.yaml,values*.yaml,values*.yml,.env,.env.*,*.env}';

/** Deployment files the block can go into: compose files and Helm values of Langfuse, server .env files. */
export async function ssoTargets(): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(CANDIDATES, '**/node_modules/**', 200);
  const { deploymentFilesFor } = loadChunk('sso');
  return uris.filter(u => u.scheme === 'file').map(u => u.fsPath).filter(f => {
    const text = editorReader(f);
    return text !== undefined && deploymentFilesFor(f, text, editorReader).includes(f);
  }).sort();
}

/** The deployment file a finding or an open editor stands for (a compose project's .env → its compose file). */
export function targetFor(uri: vscode.Uri | undefined): string | undefined {
  if (!uri || uri.scheme !== 'file') return undefined;
  const text = editorReader(uri.fsPath);
  return text === undefined ? undefined : loadChunk('sso').deploymentFilesFor(uri.fsPath, text, editorReader)[0];
}

export async function pickTarget(services: Services, preset: string | undefined): Promise<string | undefined> {
  if (preset) return preset;
  const files = await ssoTargets();
  if (files.length === 0) {
    services.ui.notify(vscode.l10n.t('No self-hosted Langfuse configuration found in this workspace (a docker-compose file with langfuse/langfuse, Helm values of the langfuse chart, or a server .env).'));
    return undefined;
  }
  const picked = await services.ui.pick(files.map(f => ({ label: vscode.workspace.asRelativePath(f), file: f })), { title: vscode.l10n.t('Write the SSO variables into which deployment file?') });
  return picked?.file;
}

/** A .env that git ignores may take the client secret, if the user wants to type it now. */
async function askSecret(services: Services, file: string, plan: SsoSetupPlan): Promise<string | undefined | null> {
  const sso = loadChunk('sso');
  if (sso.detectDeploymentKind(file, editorReader(file) ?? '') !== 'env' || !sso.isGitIgnored(file)) return undefined;
  const variable = sso.clientSecretVariable(plan);
  const leaveEmpty = vscode.l10n.t('Leave It Empty');
  const choice = await services.ui.choose(vscode.l10n.t('{0} is git-ignored. Put the client secret into it as {1}?', path.basename(file), variable), [vscode.l10n.t('Enter the Secret'), leaveEmpty],
    vscode.l10n.t('Otherwise the variable is written empty, with a comment saying where the secret goes.'));
  if (choice === undefined) return null;
  if (choice === leaveEmpty) return undefined;
  const secret = await services.ui.input({ title: vscode.l10n.t('{0} for {1}', variable, path.basename(file)), prompt: vscode.l10n.t('The client secret from {0} (kept only in this git-ignored file)', plan.provider.label), password: true, validateInput: v => v.trim() ? undefined : vscode.l10n.t('Paste the client secret, or press Escape.') });
  return secret === undefined ? null : secret.trim();
}

function workspaceRoot(file: string): string | undefined {
  return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
}

/** Shows the block, asks, writes (no-follow, check-and-set), audits and opens the file at the block. */
export async function writeSsoBlock(services: Services, file: string, plan: SsoSetupPlan, onlineCheck: 'passed' | 'failed' | 'skipped'): Promise<SsoBlockResult | undefined> {
  const sso = loadChunk('sso');
  const rel = vscode.workspace.asRelativePath(file);
  const root = workspaceRoot(file);
  if (!root) { await services.ui.refuse(vscode.l10n.t('{0} is not inside an open workspace folder; the SSO assistant writes only there.', rel)); return undefined; }
  if (vscode.workspace.textDocuments.some(d => d.uri.fsPath === file && d.isDirty)) { await services.ui.refuse(vscode.l10n.t('{0} has unsaved changes: save or revert them, then run the assistant again.', rel)); return undefined; }
  const auditFailure = (reason: string) => services.record(sso.ssoSetupAuditEvent(plan, rel, { failure: reason }));
  let text: string;
  let result: SsoBlockResult;
  try {
    text = sso.readDeploymentFileNoFollow(file, root);
    const secret = await askSecret(services, file, plan);
    if (secret === null) return undefined;
    result = sso.applySsoBlock({ file, text, plan, clientSecret: secret, read: editorReader });
  } catch (err) {
    if (!(err instanceof Error) || !/^Sso(Write|Input)Error$/.test(err.name)) throw err;
    await services.ui.refuse(err.message);
    return undefined;
  }
  if (result.written.length === 0) { services.ui.notify(vscode.l10n.t('{0} already has these SSO settings; nothing was written.', rel)); return result; }
  const ok = await services.ui.confirm(vscode.l10n.t('Add {0} SSO variables for {1} to {2} ({3}), at line {4}?', result.written.length, plan.provider.label, rel, result.targetName, result.line + 1), 'Write',
    `${result.preview}\n${result.secretNote}`);
  if (!ok) return undefined;
  try {
    sso.writeDeploymentFileNoFollow(file, root, text, result.newText);
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'SsoWriteError') throw err;
    auditFailure(err.message);
    await services.ui.refuse(err.message);
    return undefined;
  }
  services.record(sso.ssoSetupAuditEvent(plan, rel, { result, onlineCheck }));
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(result.line, 0, result.line, 0), preview: false });
  services.ui.notify(vscode.l10n.t('Added {0} SSO variables to {1}. {2}', result.written.length, rel, result.secretNote));
  return result;
}
