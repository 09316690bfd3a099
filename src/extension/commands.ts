import * as vscode from 'vscode';
import { hostLabel } from '../core/connections/connection';
import { langfuseAuditLogTarget } from '../core/audit/langfuseAuditLogLink';
import { redactText } from '../core/log/redact';
import { Commands, Views } from '../core/names';
import { setSinkToken } from './secrets/setSinkToken';
import type { Finding, Fix } from '../core/rules/finding';
import { createApiKey, revokeApiKey } from './actions/keyActions';
import { addMember, changeOrgRole, removeMember, resetProjectRole, setProjectRole } from './actions/memberActions';
import { fromPalette } from './actions/paletteActions';
import { pickConnectionNode } from './actions/pickers';
import { checkOrganizationIsolation, explainMemberAccess } from './actions/reportActions';
import { addConnectionFlow } from './connections/addConnection';
import { noticeSecretStorageOnce } from './connections/secretStorageNotice';
import { applyEnvFix } from './diagnostics/envFixes';
import { createApiKeyForProject, scaffoldAccessFileCommand } from './diagnostics/envCommands';
import { loadChunk } from './lazy';
import { exportAuditLog, filterAuditLog, openAuditEntry, verifyAuditLogCommand } from './audit/auditCommands';
import type { AuditNode } from './audit/auditLogView';
import { applyDeploymentFix, complianceReportCommand } from './compliance/deploymentDiagnostics';
import type { DeploymentFix } from '../core/deployment/types';
import { thenUpdateRotationContext } from './notices/rotationContext';
import { abortRotation, resumeRotation } from './rotation/rotationRuns';
import { editRotationTargets } from './rotation/editRotationTargets';
import { rotateKeyWizard } from './rotation/rotationWizard';
import { connectSandbox } from './sandbox/connectSandbox';
import type { Services } from './services';
import { applyAccessCommand, exportAccessCommand, planAccessCommand, refreshDriftCommand, type AccessParts } from './accessAsCode/accessCommands';
import type { AccessNode, NodeOf } from '../core/org/accessNodes';

type Handler = (...args: any[]) => unknown;

/**
 * Every command the extension contributes is registered here (test/scripts/check-commands.mjs
 * fails the lint if one in package.json is missing). Each handler runs through `guarded`: user
 * cancellations stay silent, failures are logged and shown with a "Show Logs" action. Tree commands
 * get their row as argument; from the palette they ask for it.
 */
export function registerCommands(services: Services, access: AccessParts): vscode.Disposable[] {
  const { log } = services;
  const handlers: Record<string, Handler> = {
    [Commands.addConnection]: async () => saveConnection(services),
    [Commands.editConnection]: async (node?: AccessNode) => {
      const target = node ?? await pickConnectionNode(services);
      const existing = target && services.connections.get(target.connectionId);
      return existing ? saveConnection(services, existing.id) : undefined;
    },
    [Commands.connectSandbox]: async (credentialsPath?: string) => {
      const connected = await connectSandbox(services.connections, process.env, credentialsPath);
      if (!connected) return undefined;
      const { id } = connected;
      services.record({ action: 'connection.add', resource: { kind: 'connection', id, name: 'Local sandbox' }, outcome: 'success', details: { via: 'connectSandbox' } });
      log.info(`Connected to the local sandbox as connection "${id}".`);
      await services.organizationNames.learnWith(id, connected.projectKeys).catch(err => log.warn('The sandbox did not tell its organization name:', (err as Error).message));
      const name = services.organizationNames.get(id);
      services.ui.done(name ? vscode.l10n.t('Connected to the local Langfuse sandbox ({0}).', name) : vscode.l10n.t('Connected to the local Langfuse sandbox.'));
      return id;
    },
    [Commands.removeConnection]: async (node?: AccessNode) => {
      const target = node ?? await pickConnectionNode(services);
      const connection = target && services.connections.get(target.connectionId);
      if (!connection) return false;
      if (!await services.ui.confirm(vscode.l10n.t('Remove the connection "{0}" ({1})? Its key pair is deleted from SecretStorage; the key itself stays valid in Langfuse.', connection.name, connection.baseUrl), 'Remove')) return false;
      await services.connections.remove(connection.id);
      services.record({ action: 'connection.remove', resource: { kind: 'connection', id: connection.id, name: connection.name, host: hostLabel(connection.baseUrl) }, outcome: 'success' });
      services.ui.done(vscode.l10n.t('Removed the connection "{0}"; its key pair is deleted from SecretStorage.', connection.name));
      return true;
    },
    [Commands.addMember]: (node?: AccessNode) => node ? addMember(services, node) : fromPalette.addMember(services),
    // From a tree row they act on it; from the palette they ask everything in one multi-step input.
    [Commands.changeOrgRole]: (node?: NodeOf<'orgMember'>) => node ? changeOrgRole(services, node) : fromPalette.changeOrgRole(services),
    [Commands.removeMember]: (node?: NodeOf<'orgMember'>) => node ? removeMember(services, node) : fromPalette.removeMember(services),
    [Commands.setProjectRole]: (node?: NodeOf<'projectMember'>) => node ? setProjectRole(services, node) : fromPalette.setProjectRole(services),
    [Commands.resetProjectRole]: (node?: NodeOf<'projectMember'>) => node ? resetProjectRole(services, node) : fromPalette.resetProjectRole(services),
    [Commands.removeFromProject]: (node?: NodeOf<'projectMember'>) => node ? setProjectRole(services, node, 'NONE') : fromPalette.removeFromProject(services),
    [Commands.createApiKey]: (node?: NodeOf<'project'> | NodeOf<'projectKeys'>) => node ? createApiKey(services, node) : fromPalette.createApiKey(services),
    [Commands.revokeApiKey]: (node?: NodeOf<'projectKey'>) => node ? revokeApiKey(services, node) : fromPalette.revokeApiKey(services),
    [Commands.copyPublicKey]: async (node?: NodeOf<'projectKey'> | NodeOf<'orgKey'>) => {
      const target = node ?? await fromPalette.projectKey(services);
      if (!target) return undefined;
      await services.ui.copy(target.key.publicKey);
      services.ui.done(vscode.l10n.t('Copied {0} (public keys are not secret).', target.key.publicKey));
      return target.key.publicKey;
    },
    [Commands.explainAccess]: async (node?: NodeOf<'orgMember'> | NodeOf<'projectMember'>) => {
      const target = node ?? await fromPalette.orgMember(services);
      return target ? explainMemberAccess(services, target) : undefined;
    },
    [Commands.checkIsolation]: async (node?: AccessNode) => {
      const target = node ?? await pickConnectionNode(services);
      return target ? checkOrganizationIsolation(services, target) : undefined;
    },
    [Commands.applyEnvFix]: (uri: vscode.Uri, finding: Finding, fix: Fix) => applyEnvFix(services, uri, finding, fix),
    [Commands.revealKey]: async (publicKey: string) => {
      // Over the Access view, where the row will show; it may load every project of every connection.
      const found = await services.progress.run({ title: vscode.l10n.t('Finding {0} in the Access view', publicKey), place: { view: Views.tree }, cancellable: true },
        async work => ({ node: await services.tree.findKey(publicKey, work) }));
      if (!found) return false;
      const { node } = found;
      if (!node) {
        await services.ui.refuse(vscode.l10n.t('No connected organization lists the key {0}: it may be revoked, belong to another organization, or your connection is a project key.', publicKey));
        return false;
      }
      await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
      await services.treeView.reveal(node, { select: true, focus: true, expand: true });
      return true;
    },
    [Commands.createApiKeyForProject]: (projectName: string) => createApiKeyForProject(services, projectName),
    [Commands.scaffoldAccessFile]: () => scaffoldAccessFileCommand(services),
    [Commands.lintWorkspace]: async () => {
      const done = await services.progress.run({ title: vscode.l10n.t('Checking .env files'), place: 'notification', cancellable: true }, async work => {
        await services.keyIndex.rebuild(work);
        await services.diagnostics.rescanWorkspace(work);
        return true;
      });
      if (done) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return done ?? false;
    },
    [Commands.rotateKey]: thenUpdateRotationContext(services, async (arg?: string | NodeOf<'projectKey'>) => typeof arg === 'string'
      ? rotateKeyWizard(services, { publicKey: arg })
      : rotateKeyWizard(services, arg ? { publicKey: arg.key.publicKey, connectionId: arg.connectionId } : {})),
    [Commands.resumeRotation]: thenUpdateRotationContext(services, (id?: string) => resumeRotation(services, id)),
    [Commands.abortRotation]: thenUpdateRotationContext(services, (id?: string) => abortRotation(services, id)),
    [Commands.editRotationTargets]: (id?: string) => editRotationTargets(services, id),
    [Commands.auditOpenEntry]: (node: AuditNode) => openAuditEntry(services, node),
    [Commands.auditShowMore]: () => services.auditView.showMore(),
    [Commands.auditFilter]: () => filterAuditLog(services, services.auditView),
    [Commands.auditClearFilter]: () => services.auditView.setFilter({}),
    [Commands.auditRefresh]: () => services.auditView.refresh(),
    [Commands.auditVerify]: () => verifyAuditLogCommand(services),
    [Commands.auditExport]: (target?: vscode.Uri) => exportAuditLog(services, target),
    [Commands.setSiemToken]: () => setSinkToken(services, 'siem'),
    [Commands.setVaultToken]: () => setSinkToken(services, 'vault'),
    [Commands.applyDeploymentFix]: (fix: DeploymentFix) => applyDeploymentFix(services, fix),
    [Commands.complianceReport]: () => complianceReportCommand(services),
    [Commands.openLangfuseAuditLog]: async (node?: NodeOf<'project'>) => {
      const target = node ?? await fromPalette.project(services);
      if (!target) return undefined;
      const { connection, model } = await services.clients.get(target.connectionId);
      const found = langfuseAuditLogTarget(connection.baseUrl, target.project.id, (await model.overview()).capabilities.adminApi);
      if ('refusal' in found) { await services.ui.refuse(found.refusal); return undefined; }
      await vscode.env.openExternal(vscode.Uri.parse(found.url));
      return found.url;
    },
    [Commands.verifyKeysOnline]: async (uri?: vscode.Uri) => {
      const file = (uri ?? vscode.window.activeTextEditor?.document.uri)?.fsPath;
      if (!file) { services.ui.notify(vscode.l10n.t('Open a .env file to verify its keys.')); return 0; }
      const access = services.diagnostics.accessFileFor(file);
      const refusal = services.online.refusal(access);
      if (refusal) { await services.ui.refuse(refusal); return 0; }
      const host = services.connections.get(access!.config!.connection!)!.baseUrl;
      if (!await services.ui.confirm(vscode.l10n.t('Send the key pairs of {0} to {1} to ask which project they belong to?', vscode.workspace.asRelativePath(file), host), 'Verify Online')) return 0;
      const checked = await services.progress.run({ title: vscode.l10n.t('Verifying the keys of {0} with {1}', vscode.workspace.asRelativePath(file), host), place: 'notification', cancellable: true },
        work => services.online.verify([file], access, work));
      if (checked === undefined) return 0;
      services.ui.notify(vscode.l10n.t('Checked {0} key pair(s) with {1}.', checked, host));
      return checked;
    },
    [Commands.refresh]: (node?: AccessNode) => services.tree.refresh(node),
    [Commands.showLogs]: () => services.channel.show(),
    [Commands.openAuditLog]: async () => {
      const file = services.auditFile;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { preview: true });
    },
    [Commands.openStateFolder]: () => vscode.env.openExternal(vscode.Uri.file(services.stateDir)),
    [Commands.exportAccess]: () => exportAccessCommand(services, access),
    [Commands.planAccess]: (uri?: vscode.Uri) => planAccessCommand(services, access, uri),
    [Commands.applyAccess]: (uri?: vscode.Uri) => applyAccessCommand(services, access, uri),
    [Commands.applyAccessChange]: (uri: vscode.Uri, changeId: string) => applyAccessCommand(services, access, uri, [changeId]),
    [Commands.refreshAccessDrift]: (uri?: vscode.Uri) => refreshDriftCommand(access, uri),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, guarded(id, handler, services)));
}

async function saveConnection(services: Services, existingId?: string) {
  void noticeSecretStorageOnce(services.context);
  const existing = existingId ? services.connections.get(existingId) : undefined;
  const result = await addConnectionFlow(services.connections, loadChunk('core').CLOUD_REGIONS,
    (baseUrl, pair) => loadChunk('core').checkConnection(services.clients.temporaryClient(baseUrl, pair), baseUrl), existing, services.ui.steps);
  if (!result) return undefined;
  const { connection, check } = result;
  services.record({
    action: existing ? 'connection.edit' : 'connection.add',
    resource: { kind: 'connection', id: connection.id, name: connection.name, host: hostLabel(connection.baseUrl) },
    outcome: 'success',
    details: { check: check.summary, verified: check.ok },
  });
  services.ui.done(vscode.l10n.t('Saved connection "{0}": {1}', connection.name, check.summary));
  return connection.id;
}

function guarded(id: string, handler: Handler, services: Services): Handler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      const message = redactText(err instanceof Error ? err.message : String(err));
      services.log.error(`${id} failed:`, err);
      services.ui.failed(message, () => services.channel.show(), err);
      return undefined;
    }
  };
}
