import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_ROTATION_MAX_AGE_DAYS, Settings } from '../../core/names';
import { createApiKey } from '../actions/keyActions';
import { pickConnectionNode } from '../actions/pickers';
import { loadAllProjects } from '../../core/org/loadProjects';
import { loadChunk } from '../lazy';
import type { Services } from '../services';

/** "Scaffold Workspace Access File": `.langfuse/access.yaml` from the connected organization. */
export async function scaffoldAccessFileCommand(services: Services): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file');
  if (!folder) { services.ui.notify(vscode.l10n.t('Open a folder first: the access file lives in the repository.')); return undefined; }
  const c = await pickConnectionNode(services);
  if (!c) return undefined;
  const { model, connection } = await services.clients.get(c.connectionId);
  const loaded = await services.progress.run({ title: vscode.l10n.t('Listing the projects and keys of {0}', connection.name), place: 'notification', cancellable: true },
    work => loadAllProjects(model, work));
  if (!loaded) return undefined;
  const { overview, details } = loaded;
  if (!overview.projects) {
    await services.ui.refuse(vscode.l10n.t('Scaffolding needs an organization key whose plan includes the admin API, to list the projects and their keys.'));
    return undefined;
  }
  const projects = overview.projects.map(p => ({ name: p.name, publicKeys: (details.get(p.id)?.apiKeys ?? []).map(k => k.publicKey) }));
  const file = path.join(folder.uri.fsPath, '.langfuse', 'access.yaml');
  // Only inside the workspace folder, never through a symbolic link (a cloned `.langfuse/access.yaml` may point anywhere).
  const ws = loadChunk('workspace');
  const scope = { roots: [folder.uri.fsPath], label: vscode.l10n.t('the workspace folder {0}', folder.name) };
  try {
    ws.checkWriteTarget(fs.existsSync(path.dirname(file)) ? file : path.dirname(file), scope);
  } catch (err) {
    if (!(err instanceof ws.UnsafeWriteError)) throw err;
    await services.ui.refuse(vscode.l10n.t('Not written: {0}', err.message));
    return undefined;
  }
  if (fs.existsSync(file) && !await services.ui.confirm(vscode.l10n.t('{0} exists. Replace it with one generated from "{1}"?', path.relative(folder.uri.fsPath, file), services.connections.get(c.connectionId)?.name ?? c.connectionId), 'Replace')) return undefined;
  const maxAge = vscode.workspace.getConfiguration().get<number>(Settings.rotationMaxAgeDays) ?? DEFAULT_ROTATION_MAX_AGE_DAYS;
  ws.ensureDirInScope(path.dirname(file), scope);
  ws.writeFileInScope(file, ws.scaffoldAccessFile(c.connectionId, projects, maxAge), scope, { mode: 0o644 });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  return file;
}

/** The named project in the first connection that shows it. */
export async function projectNamed(services: Services, projectName: string): Promise<{ connectionId: string; project: { id: string; name: string } } | undefined> {
  for (const c of services.connections.list()) {
    const overview = await (await services.clients.get(c.id)).model.overview().catch(() => undefined);
    const project = overview?.projects?.find(p => p.name === projectName);
    if (project) return { connectionId: c.id, project: { id: project.id, name: project.name } };
  }
  return undefined;
}

/** Creates a key in the named project of the first connection that has it (the "replace with project key" fix fills the file from SecretStorage). */
export async function createApiKeyForProject(services: Services, projectName: string): Promise<string | undefined> {
  const target = await projectNamed(services, projectName);
  if (target) return createApiKey(services, target, { storeRequired: true });
  await services.ui.refuse(vscode.l10n.t('No connection shows a project named {0}.', projectName));
  return undefined;
}
