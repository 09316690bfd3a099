import { installTranslator } from '../core/l10n/l10n';
import * as vscode from 'vscode';
import { AuditForwarder } from './audit/auditForwarder';
import { AuditLogView } from './audit/auditLogView';
import { DeploymentDiagnostics } from './compliance/deploymentDiagnostics';
import { CliEnv, Commands, ContextKeys, SecretKeys, Settings, StateFiles, Views } from '../core/names';
import { stateDirPath } from '../core/state/stateDir';
import { debounce, hasRotationJournals } from '../core/rotation/journalFiles';
import { registerCommands } from './commands';
import { registerAccessAsCode } from './accessAsCode/registerAccess';
import { registerSsoCommands } from './sso/registerSsoCommands';
import { ConnectionStore } from './connections/connectionStore';
import { EnvCodeActions } from './diagnostics/envCodeActions';
import { EnvDiagnostics } from './diagnostics/envDiagnostics';
import { EnvStatusBar } from './diagnostics/envStatusBar';
import { KeyIndexService } from './diagnostics/keyIndexService';
import { OnlineVerifier } from './diagnostics/onlineVerifier';
import { ClientProvider } from './langfuse/clientProvider';
import { createChannelLogger } from './logChannel';
import { SANDBOX_CONNECTION_ID } from './sandbox/connectSandbox';
import type { Services } from './services';
import type { AccessDrift } from './accessAsCode/accessDrift';
import { AccessTreeProvider } from './tree/accessTreeProvider';
import { ProgressTasks } from './ui/progress';
import { OrganizationNames } from './connections/organizationNames';
import { ReportDocuments } from './ui/reportDocuments';
import { vscodePrompter } from './ui/prompter';
import { updateRotationContext } from './notices/rotationContext';
import { offerResume } from './rotation/rotationResumeOffer';
import { PausedRotationStatus } from './rotation/pausedRotationStatus';
import { loadChunk } from './lazy';
import { ExtensionPort } from './session/extensionPort';
import * as path from 'node:path';

/** What activate() returns: used by the integration tests to observe the extension from outside. */
export interface ExtensionApi {
  services: Services;
  statusBar: EnvStatusBar;
  /** The tasks under a progress indicator now (progress notifications cannot be read from outside). */
  progress: ProgressTasks;
  /** Access as code: the access file's drift diagnostics (tests wait on them). */
  accessDrift: AccessDrift;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  // Core's words (tree rows, rule messages, refusals) in the display language, from media/l10n.
  installTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const { logger: log, channel } = createChannelLogger();
  const connections = new ConnectionStore(context.secrets, log.child('Connections'));
  const stateDir = stateDirPath();
  let port: ExtensionPort | undefined;
  const sessionPort = () => port ??= new ExtensionPort({
    core: loadChunk('core'), ui: () => services.ui, secrets: context.secrets, stateDir, logger: log.child('Session'),
    actingAsSetting: () => vscode.workspace.getConfiguration().inspect<string>(Settings.actingAs)?.globalValue,
    secretManagersSetting: () => vscode.workspace.getConfiguration().inspect(Settings.secretManagers)?.globalValue,
    vaultToken: async () => context.secrets.get(SecretKeys.sink('vault')),
    workspaceRoot: () => vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file')?.uri.fsPath,
    workspaceRoots: () => (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath),
    workspaceTrusted: () => vscode.workspace.isTrusted,
    audited: () => auditView.refresh(),
  });
  const clients = new ClientProvider(connections, sessionPort);
  const organizationNames = new OrganizationNames(context, connections, clients, log.child('OrganizationNames'));
  const tree = new AccessTreeProvider(connections, clients, log.child('AccessTree'), organizationNames);
  const treeView = vscode.window.createTreeView(Views.tree, { treeDataProvider: tree, showCollapseAll: true });
  const keyIndex = new KeyIndexService(connections, clients, log.child('KeyIndex'));
  const online = new OnlineVerifier(connections);
  const diagnostics = new EnvDiagnostics(connections, keyIndex, log.child('Diagnostics'), online);
  const statusBar = new EnvStatusBar(diagnostics);
  const auditView = new AuditLogView(path.join(stateDir, StateFiles.auditLog));
  const auditTreeView = vscode.window.createTreeView(Views.auditLog, { treeDataProvider: auditView });
  auditView.attach(auditTreeView);
  const reports = new ReportDocuments();
  const deployment = new DeploymentDiagnostics(log.child('Deployment'));
  const progress = new ProgressTasks();
  const rotationStatus = new PausedRotationStatus(() => clients.host().resumableRotations());
  const services: Services = {
    context, log, channel, connections, tree, treeView, clients, diagnostics, keyIndex, online, auditView, auditTreeView, reports, organizationNames, rotationStatus, stateDir, ui: vscodePrompter, progress,
    port: sessionPort,
    record: event => { clients.host().record(event); },
    auditFile: path.join(stateDir, StateFiles.auditLog),
  };
  const access = registerAccessAsCode(services);
  const updateContext = () => vscode.commands.executeCommand('setContext', ContextKeys.hasConnections, connections.list().length > 0);
  context.subscriptions.push(
    channel, connections, clients, organizationNames, tree, treeView, keyIndex, online, diagnostics, statusBar, auditView, auditTreeView, reports, deployment, rotationStatus, progress,
    new AuditForwarder(path.join(stateDir, StateFiles.auditLog), stateDir, context.secrets, log.child('AuditForwarding'), () => channel.show(true)),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'dockercompose' }, { scheme: 'file', pattern: '**/{.env,.env.*,*.env}' }],
      deployment, { providedCodeActionKinds: DeploymentDiagnostics.kinds }),
    ...registerCommands(services, access.parts),
    ...registerSsoCommands(services),
    ...access.disposables,
    connections.onDidChange(updateContext),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file', pattern: '**/{.env,.env.*,*.env}' }, { scheme: 'file', pattern: '**/.langfuse/access.yaml' }],
      new EnvCodeActions(diagnostics), { providedCodeActionKinds: EnvCodeActions.kinds }),
    // The key index follows the tree: a refresh or a key change there rebuilds it (debounced).
    tree.onDidChangeTreeData(debounce(() => { if (diagnostics.hasFiles()) void keyIndex.rebuild(); }, 500)),
  );
  void updateContext();
  // The key index lists every project's keys: built only for a workspace that has env files to check.
  void diagnostics.scanWorkspace().then(() => { if (connections.list().length > 0 && diagnostics.hasFiles()) void keyIndex.rebuild(); });
  void autoConnectSandbox(services);
  setTimeout(() => {
    if (!hasRotationJournals(stateDir)) { void updateRotationContext(services, false); return; }
    void updateRotationContext(services);
    void offerResume(services).catch(err => log.warn('Could not check for unfinished rotations:', err));
  }, 1500);
  log.child('Activation').info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { services, statusBar, progress, accessDrift: access.parts.drift };
}

/** `npm start` passes the sandbox's credentials file; connect once so a newcomer sees Acme Corp at once. */
async function autoConnectSandbox(services: Services): Promise<void> {
  if (!process.env[CliEnv.sandboxCredentials] || services.connections.get(SANDBOX_CONNECTION_ID)) return;
  if (!vscode.workspace.isTrusted) return;
  try {
    await vscode.commands.executeCommand(Commands.connectSandbox);
  } catch (err) {
    services.log.warn('Could not connect to the local sandbox:', err);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
