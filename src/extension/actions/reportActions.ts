import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { explainMemberAccessReport, isolationReportOf } from '../../core/reports/gather';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';

// Both reports open as read-only documents (ui/reportDocuments.ts): reopening one shows it with current data.

export async function explainMemberAccess(services: Services, node: NodeOf<'orgMember'> | NodeOf<'projectMember'>): Promise<string> {
  const { model } = await services.clients.get(node.connectionId);
  const m = node.member;
  const doc = await services.reports.open({
    kind: 'explain', id: `${node.connectionId}/${m.userId}`, title: `Access of ${m.name ?? m.email ?? m.userId}`, language: 'markdown',
    render: () => explainMemberAccessReport(model, m),
  });
  return doc.getText();
}

export async function checkOrganizationIsolation(services: Services, node: { connectionId: string }): Promise<string> {
  const { model, connection } = await services.clients.get(node.connectionId);
  const doc = await services.reports.open({
    kind: 'isolation', id: node.connectionId, title: `Isolation check of ${connection.name}`, language: 'markdown',
    render: () => {
      const access = workspaceAccessConfig();
      return isolationReportOf(model, `${connection.name}${access ? ` with ${access.source}` : ''}`, access?.environments);
    },
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
