import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';

// Both reports open as read-only documents (ui/reportDocuments.ts): reopening one shows it with current data.

/** Every project's roles are loaded (2 requests a project): under a cancellable notification. */
export async function explainMemberAccess(services: Services, node: NodeOf<'orgMember'> | NodeOf<'projectMember'>): Promise<string | undefined> {
  const { model } = await services.clients.get(node.connectionId);
  const m = node.member;
  const who = m.name ?? m.email ?? m.userId;
  const markdown = await services.progress.run({ title: vscode.l10n.t('Explaining the access of {0}', who), place: 'notification', cancellable: true },
    work => loadChunk('core').explainMemberAccessReport(model, m, work));
  if (markdown === undefined) return undefined;
  const doc = await services.reports.open({
    kind: 'explain', id: `${node.connectionId}/${m.userId}`, title: vscode.l10n.t('Access of {0}', who), language: 'markdown',
    render: () => markdown,
  });
  return doc.getText();
}

export async function checkOrganizationIsolation(services: Services, node: { connectionId: string }): Promise<string | undefined> {
  const { model, connection } = await services.clients.get(node.connectionId);
  const access = workspaceAccessConfig();
  const markdown = await services.progress.run({ title: vscode.l10n.t('Checking the isolation of {0}', connection.name), place: 'notification', cancellable: true },
    work => loadChunk('core').isolationReportOf(model, access ? vscode.l10n.t('{0} with {1}', connection.name, access.source) : connection.name, access?.environments, work));
  if (markdown === undefined) return undefined;
  const doc = await services.reports.open({
    kind: 'isolation', id: node.connectionId, title: vscode.l10n.t('Isolation check of {0}', connection.name), language: 'markdown',
    render: () => markdown,
  });
  return doc.getText();
}

/** The environments of the first workspace folder's access file, when it is valid. */
function workspaceAccessConfig(): { environments: Record<string, { project: string; writers?: string[] }>; source: string } | undefined {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const { findAccessFile, loadAccessFile } = loadChunk('workspace');
    const file = findAccessFile(folder.uri.fsPath);
    if (!file || !fs.existsSync(file)) continue;
    const loaded = loadAccessFile(file);
    if (loaded.config) return { environments: loaded.config.environments, source: path.relative(folder.uri.fsPath, file) };
  }
  return undefined;
}
