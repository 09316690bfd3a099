import * as vscode from 'vscode';
import { AuditWriter } from '../core/audit/auditWriter';
import { resolveActingIdentity } from '../core/identity/actingAs';
import { CliEnv, Commands, ContextKeys, Settings, Views } from '../core/names';
import { stateDirPath } from '../core/state/stateDir';
import { registerCommands } from './commands';
import { ConnectionStore } from './connections/connectionStore';
import { ClientProvider } from './langfuse/clientProvider';
import { createChannelLogger } from './logChannel';
import { SANDBOX_CONNECTION_ID } from './sandbox/connectSandbox';
import type { Services } from './services';
import { AccessTreeProvider } from './tree/accessTreeProvider';
import { vscodePrompter } from './ui/prompter';

/** What activate() returns: used by the integration tests to observe the extension from outside. */
export interface ExtensionApi {
  services: Services;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const { logger: log, channel } = createChannelLogger();
  const connections = new ConnectionStore(context.secrets, log.child('Connections'));
  const clients = new ClientProvider(connections, log.child('Langfuse'));
  const tree = new AccessTreeProvider(connections, clients, log.child('AccessTree'));
  const stateDir = stateDirPath();
  let audit: AuditWriter | undefined;
  const services: Services = {
    context, log, channel, connections, tree, clients, stateDir, ui: vscodePrompter,
    audit: () => audit ??= new AuditWriter({
      stateDir,
      actor: { identity: resolveActingIdentity(vscode.workspace.getConfiguration().get<string>(Settings.actingAs)).identity, tool: 'extension' },
    }),
  };
  const treeView = vscode.window.createTreeView(Views.tree, { treeDataProvider: tree, showCollapseAll: true });
  const updateContext = () => vscode.commands.executeCommand('setContext', ContextKeys.hasConnections, connections.list().length > 0);
  context.subscriptions.push(channel, connections, clients, tree, treeView, ...registerCommands(services), connections.onDidChange(updateContext));
  void updateContext();
  void autoConnectSandbox(services);
  log.child('Activation').info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { services };
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
