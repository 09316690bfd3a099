// What the editor's access-as-code parts share: the access file of the workspace, its session on the
// user's own connection (named by the file, known to this window — never a host from the file), and
// the refusal in Restricted Mode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccessWorkspace } from '../../core/accessAsCode/index';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import type { Session } from '../../core/session/index';
import { loadChunk } from '../lazy';
import type { Services } from '../services';

export const isAccessFile = (uri: vscode.Uri): boolean => uri.scheme === 'file' && /[\\/]\.langfuse[\\/]access\.yaml$/.test(uri.fsPath);

export function aac() {
  return loadChunk('core').accessAsCode;
}

/** The open editor's access file, else the first workspace folder's. */
export function currentAccessFile(uri?: vscode.Uri): string | undefined {
  if (uri && isAccessFile(uri)) return uri.fsPath;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isAccessFile(active)) return active.fsPath;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const file = path.join(folder.uri.fsPath, '.langfuse', 'access.yaml');
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

export function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
}

/** The access file as planning needs it, from the editor's text when it is open (unsaved edits count). */
export function accessWorkspace(file: string, requireDeclaration = true): AccessWorkspace {
  const open = vscode.workspace.textDocuments.find(d => d.uri.scheme === 'file' && d.uri.fsPath === file);
  const options = {
    stores: { workspaceRoots: workspaceRoots(), secretStorage: true },
    defaultMaxAgeDays: vscode.workspace.getConfiguration().get<number>(Settings.rotationMaxAgeDays) ?? DEFAULT_ROTATION_MAX_AGE_DAYS,
    requireDeclaration,
  };
  return open ? aac().accessWorkspaceFromText(file, open.getText(), options) : aac().loadAccessWorkspace(file, options);
}

/** The session of the file's connection; undefined (after saying why) when it is not one of the user's. */
export async function sessionFor(services: Services, ws: AccessWorkspace, ask: boolean): Promise<Session | undefined> {
  const id = ws.file.config.connection;
  if (id && services.connections.get(id)) return services.clients.session(id);
  if (!ask) return undefined;
  await services.ui.refuse(id
    ? vscode.l10n.t('The access file names the connection "{0}", which is not one of your connections. Add it (Add Connection…) with that id, or change "connection:" in the file.', id)
    : vscode.l10n.t('The access file names no connection. Add "connection: <id of one of your connections>" to it (Export Access writes it).'));
  return undefined;
}

/** Restricted Mode: said once, nothing planned, applied or exported. */
export async function refusedUntrusted(services: Services): Promise<boolean> {
  if (vscode.workspace.isTrusted) return false;
  await services.ui.refuse(aac().restrictedAccessReason());
  return true;
}
