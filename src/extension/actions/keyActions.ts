import { conventionPattern } from '../../core/keys/keyHealth';
import type { StoredProjectKey } from '../../core/keys/storedKey';
import { maskSecretKey, shortPublicKey } from '../../core/log/redact';
import { SecretKeys, Settings } from '../../core/names';
import * as vscode from 'vscode';
import { forgetStoredKey, rememberStoredKey } from '../keys/storedKeyList';
import type { Services } from '../services';
import type { NodeOf } from '../tree/nodes';
import { guardedChange } from './accessContext';

type ProjectRef = { connectionId: string; project: { id: string; name: string } };

/**
 * Creates a project key with a purpose note. Langfuse returns the secret only in this answer, so it
 * is handed over at once — copied to the clipboard and/or stored in SecretStorage — and never drawn on
 * screen; dismissing without keeping it offers to revoke the now useless key.
 */
export async function createApiKey(services: Services, node: ProjectRef): Promise<string | undefined> {
  const t = await services.clients.get(node.connectionId);
  const convention = vscode.workspace.getConfiguration().get<string>(Settings.keyNoteConvention) ?? '';
  const pattern = conventionPattern(convention);
  const note = (await services.ui.input({
    title: `New API key for ${node.project.name}`,
    prompt: `Purpose note: which service and environment use it${convention ? ` (convention ${convention})` : ''}. Recorded in Langfuse and in the audit log.`,
    placeHolder: convention.replace('{service}', 'chatbot').replace('{environment}', guessEnvironment(node.project.name)),
    validateInput: v => !v.trim() ? 'A note makes a leaked or unused key traceable: name the service and environment.'
      : pattern && !pattern.test(v.trim()) ? `Does not follow the naming convention ${convention}.` : undefined,
  }))?.trim();
  if (!note) return undefined;
  let created: { id: string; publicKey: string; secretKey: string; createdAt: string; note: string | null } | undefined;
  const ok = await guardedChange(services, t, { kind: 'apiKey.create', projectId: node.project.id, projectName: node.project.name }, {
    projectIds: [node.project.id],
    confirm: `Create a new API key "${note}" in ${node.project.name}?`,
    confirmButton: 'Create Key',
    perform: async () => { created = await t.client.projectApiKeys.create(node.project.id, { note }); },
    audit: { action: 'apiKey.create', resource: { kind: 'apiKey', project: node.project.name }, details: { note } },
  });
  if (!ok || !created) return undefined;
  services.audit().append({ action: 'apiKey.created', resource: { kind: 'apiKey', id: created.id, name: created.publicKey, project: node.project.name, connection: t.connection.id }, outcome: 'success', details: { note, displaySecretKey: maskSecretKey(created.secretKey) } });
  const stored: StoredProjectKey = { publicKey: created.publicKey, secretKey: created.secretKey, baseUrl: t.connection.baseUrl, projectId: node.project.id, projectName: node.project.name, note: created.note, createdAt: created.createdAt };
  for (;;) {
    const choice = await services.ui.choose(
      `API key created in ${node.project.name}: ${created.publicKey}`,
      ['Copy Secret and Store in SecretStorage', 'Copy Secret Key', 'Store in SecretStorage'],
      `The secret key (${maskSecretKey(created.secretKey)}) is shown by Langfuse only now. Keep it before closing this dialog: copy it to your secret manager, or store it in VS Code's SecretStorage (the rotation wizard and .env quick fixes can use it from there).`);
    if (choice) {
      if (choice.includes('Copy')) await services.ui.copy(created.secretKey);
      if (choice.includes('Store')) {
        await services.context.secrets.store(SecretKeys.projectKey(created.publicKey), JSON.stringify(stored));
        await rememberStoredKey(services.context, { publicKey: created.publicKey, projectId: node.project.id, projectName: node.project.name, note: created.note, baseUrl: t.connection.baseUrl });
      }
      services.ui.notify(`${choice.includes('Copy') ? 'Secret key copied to the clipboard' : 'Secret key kept'}${choice.includes('Store') ? ' and stored in SecretStorage' : ''}.`);
      return created.publicKey;
    }
    const discard = await services.ui.choose(`Discard the secret of ${shortPublicKey(created.publicKey)}? It cannot be shown again, so the key would be unusable.`, ['Go Back', 'Discard and Revoke the Key']);
    if (discard === 'Discard and Revoke the Key') {
      await t.client.projectApiKeys.delete(node.project.id, created.id);
      services.audit().append({ action: 'apiKey.revoke', resource: { kind: 'apiKey', id: created.id, name: created.publicKey, project: node.project.name, connection: t.connection.id }, outcome: 'success', details: { reason: 'secret discarded at creation' } });
      t.model.invalidate({ projectId: node.project.id });
      services.tree.refresh();
      return undefined;
    }
  }
}

export async function revokeApiKey(services: Services, node: NodeOf<'projectKey'>): Promise<boolean> {
  const t = await services.clients.get(node.connectionId);
  const key = node.key;
  const ok = await guardedChange(services, t, { kind: 'apiKey.revoke', projectId: node.project.id, projectName: node.project.name }, {
    projectIds: [node.project.id],
    confirm: `Revoke the API key ${key.publicKey} ("${key.note ?? 'no note'}") of ${node.project.name}? Every service using it stops authenticating at once. This cannot be undone.`,
    confirmButton: `Revoke Key of ${node.project.name}`,
    perform: () => t.client.projectApiKeys.delete(node.project.id, key.id),
    audit: { action: 'apiKey.revoke', resource: { kind: 'apiKey', id: key.id, name: key.publicKey, project: node.project.name }, details: { note: key.note, createdAt: key.createdAt } },
  });
  if (ok) {
    await services.context.secrets.delete(SecretKeys.projectKey(key.publicKey));
    await forgetStoredKey(services.context, key.publicKey);
  }
  return ok;
}

function guessEnvironment(projectName: string): string {
  return /prod/i.test(projectName) ? 'production' : /stag/i.test(projectName) ? 'staging' : /dev/i.test(projectName) ? 'development' : 'production';
}
