// The commands of access as code in VS Code: Export Access (the live organization into the access
// file), Plan (a read-only plan document), Apply (the session asks once naming every change, revokes
// and removals on their own; keys through the rotation engine, new secrets to their stores only),
// Apply this change, and Refresh. All refused in Restricted Mode.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccessPlan, ApplyReport } from '../../core/accessAsCode/index';
import { pickConnectionNode } from '../actions/pickers';
import type { Services } from '../services';
import { aac, accessWorkspace, currentAccessFile, refusedUntrusted, sessionFor, workspaceRoots } from './accessContext';
import type { AccessDrift } from './accessDrift';
import type { PlanDocuments } from './planDocuments';

export interface AccessParts { drift: AccessDrift; documents: PlanDocuments }

export async function exportAccessCommand(services: Services, parts: AccessParts): Promise<string | undefined> {
  if (await refusedUntrusted(services)) return undefined;
  const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file');
  if (!folder) { services.ui.notify(vscode.l10n.t('Open a folder first: the access file lives in the repository.')); return undefined; }
  const file = currentAccessFile() ?? path.join(folder.uri.fsPath, '.langfuse', 'access.yaml');
  let connectionId: string | undefined;
  try { connectionId = accessWorkspace(file, false).file.config.connection; } catch { /* a new or invalid file: ask */ }
  if (!connectionId || !services.connections.get(connectionId)) connectionId = (await pickConnectionNode(services))?.connectionId;
  if (!connectionId) return undefined;
  const open = vscode.workspace.textDocuments.find(d => d.uri.fsPath === file);
  if (open?.isDirty && !await open.save()) return undefined;
  const session = await services.clients.session(connectionId);
  const result = await aac().exportAccess(session, file, { scope: { roots: workspaceRoots(), label: vscode.l10n.t('the workspace folders') } });
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  await parts.drift.refresh(doc);
  const args = [vscode.workspace.asRelativePath(file), services.connections.get(connectionId)?.name ?? connectionId, result.exported.organization.members.length, result.exported.projects.length];
  services.ui.notify(result.created
    ? vscode.l10n.t('Wrote {0} from "{1}": {2} members, {3} projects. No secret is in the file.', ...args)
    : vscode.l10n.t('Updated {0} from "{1}": {2} members, {3} projects. No secret is in the file.', ...args));
  return file;
}

export async function planAccessCommand(services: Services, parts: AccessParts, uri?: vscode.Uri): Promise<AccessPlan | undefined> {
  if (await refusedUntrusted(services)) return undefined;
  const file = fileOrSay(services, uri);
  if (!file) return undefined;
  const ws = accessWorkspace(file);
  const session = await sessionFor(services, ws, true);
  if (!session) return undefined;
  const plan = await aac().planAccess(session, ws);
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
  await parts.documents.show('Plan', file, aac().renderMarkdown(plan, { cwd: root, verbose: true }));
  const doc = vscode.workspace.textDocuments.find(d => d.uri.fsPath === file);
  if (doc) void parts.drift.refresh(doc);
  return plan;
}

export async function applyAccessCommand(services: Services, parts: AccessParts, uri?: vscode.Uri, only?: string[]): Promise<ApplyReport | undefined> {
  if (await refusedUntrusted(services)) return undefined;
  const file = fileOrSay(services, uri);
  if (!file) return undefined;
  const doc = vscode.workspace.textDocuments.find(d => d.uri.fsPath === file);
  if (doc?.isDirty) {
    await services.ui.refuse(vscode.l10n.t('Save {0} first: apply converges on the file as it is on disk (the reviewed one).', vscode.workspace.asRelativePath(file)));
    return undefined;
  }
  const ws = accessWorkspace(file);
  const session = await sessionFor(services, ws, true);
  if (!session) return undefined;
  // The session asks once naming every change, and separately before any revoke or removal.
  const report = await aac().applyAccess(session, { ws, allowDestroy: true, only });
  if (report.status !== 'cancelled') {
    await parts.documents.show('Apply', file, aac().renderApplyMarkdown(report));
    services.ui.notify(aac().applyHeadline(report));
  }
  services.tree.refresh();
  if (doc) await parts.drift.refresh(doc);
  return report;
}

export async function refreshDriftCommand(parts: AccessParts, uri?: vscode.Uri): Promise<void> {
  const file = currentAccessFile(uri);
  const doc = file && vscode.workspace.textDocuments.find(d => d.uri.fsPath === file);
  if (doc) await parts.drift.refresh(doc);
}

function fileOrSay(services: Services, uri?: vscode.Uri): string | undefined {
  const file = currentAccessFile(uri);
  if (!file) services.ui.notify(vscode.l10n.t('There is no .langfuse/access.yaml in this workspace. Write one with "Langfuse Access: Export Access to File".'));
  return file;
}
