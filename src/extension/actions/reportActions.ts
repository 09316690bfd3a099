import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkIsolation, isolationReport } from '../../core/reports/checkIsolation';
import { explainAccess } from '../../core/reports/explainAccess';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';

/** Opens markdown as a read-only preview (nothing is written to the workspace). */
export async function showMarkdown(markdown: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
  return doc;
}

export async function explainMemberAccess(services: Services, node: NodeOf<'orgMember'> | NodeOf<'projectMember'>): Promise<string> {
  const { model } = await services.clients.get(node.connectionId);
  const overview = await model.overview();
  const member = overview.members?.find(m => m.userId === node.member.userId) ?? node.member;
  const projects = await Promise.all((overview.projects ?? []).map(async p => {
    const details = await model.project(p.id);
    return { id: p.id, name: p.name, override: details.overrides?.find(o => o.userId === member.userId)?.role };
  }));
  const markdown = explainAccess({ member, projects, projectRoles: overview.capabilities.rbacProjectRoles ?? false });
  await showMarkdown(markdown);
  return markdown;
}

export async function checkOrganizationIsolation(services: Services, node: { connectionId: string }): Promise<string> {
  const { model, connection } = await services.clients.get(node.connectionId);
  const overview = await model.overview();
  const projects = overview.projects ?? [];
  const details = new Map(await Promise.all(projects.map(async p => [p.id, await model.project(p.id)] as const)));
  const access = workspaceAccessConfig();
  const findings = checkIsolation({
    projects,
    members: overview.members ?? [],
    overrides: new Map(projects.map(p => [p.id, details.get(p.id)?.overrides])),
    keys: new Map(projects.map(p => [p.id, details.get(p.id)?.apiKeys ?? []])),
    environments: access?.environments,
  });
  const markdown = isolationReport(findings, `${connection.name}${access ? ` with ${access.source}` : ''}`);
  await showMarkdown(markdown);
  return markdown;
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
