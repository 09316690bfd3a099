import * as vscode from 'vscode';
import { redactText } from '../core/log/redact';
import { Commands } from '../core/names';
import { connectSandbox } from './sandbox/connectSandbox';
import type { Services } from './services';
import type { AccessNode } from './tree/accessTreeProvider';

type Handler = (...args: any[]) => unknown;

/**
 * Every command the extension contributes is registered here (test/scripts/check-commands.mjs
 * fails the lint if one in package.json is missing). Each handler runs through `guarded`: user
 * cancellations stay silent, failures are logged and shown with a "Show Logs" action.
 */
export function registerCommands(services: Services): vscode.Disposable[] {
  const { log } = services;
  const handlers: Record<string, Handler> = {
    [Commands.connectSandbox]: async (credentialsPath?: string) => {
      const id = await connectSandbox(services.connections, process.env, credentialsPath);
      if (!id) return undefined;
      services.audit().append({ action: 'connection.add', resource: { kind: 'connection', id, name: 'Local sandbox' }, outcome: 'success', details: { via: 'connectSandbox' } });
      log.info(`Connected to the local sandbox as connection "${id}".`);
      void vscode.window.showInformationMessage('Connected to the local Langfuse sandbox (Acme Corp).');
      return id;
    },
    [Commands.removeConnection]: async (node?: AccessNode) => {
      const connection = node?.connection ?? await pickConnection(services);
      if (!connection) return false;
      const answer = await vscode.window.showWarningMessage(
        `Remove the connection "${connection.name}" (${connection.baseUrl})? Its key pair is deleted from SecretStorage; the key itself stays valid in Langfuse.`,
        { modal: true }, 'Remove');
      if (answer !== 'Remove') return false;
      await services.connections.remove(connection.id);
      services.audit().append({ action: 'connection.remove', resource: { kind: 'connection', id: connection.id, name: connection.name, host: connection.baseUrl }, outcome: 'success' });
      return true;
    },
    [Commands.refresh]: () => services.tree.refresh(),
    [Commands.showLogs]: () => services.channel.show(),
    [Commands.openAuditLog]: async () => {
      const file = services.audit().file;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { preview: true });
    },
    [Commands.openStateFolder]: () => vscode.env.openExternal(vscode.Uri.file(services.stateDir)),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, guarded(id, handler, services)));
}

async function pickConnection(services: Services) {
  const items = services.connections.list().map(c => ({ label: c.name, description: c.baseUrl, connection: c }));
  if (items.length === 0) return undefined;
  return (await vscode.window.showQuickPick(items, { title: 'Choose a connection' }))?.connection;
}

function guarded(id: string, handler: Handler, services: Services): Handler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      const message = redactText(err instanceof Error ? err.message : String(err));
      services.log.error(`${id} failed:`, err);
      void vscode.window.showErrorMessage(message, 'Show Logs').then(choice => {
        if (choice === 'Show Logs') services.channel.show();
      });
      return undefined;
    }
  };
}
