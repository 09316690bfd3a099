import { keyNotePrompt } from '../../core/keys/keyHealth';
import type { StoredProjectKey } from '../../core/keys/storedKey';
import { maskSecretKey } from '../../core/log/redact';
import { SecretKeys, Settings } from '../../core/names';
import * as vscode from 'vscode';
import { forgetStoredKey, rememberStoredKey } from '../keys/storedKeyList';
import type { Services } from '../services';
import type { NodeOf } from '../../core/org/accessNodes';
import { perform } from './perform';

type ProjectRef = { connectionId: string; project: { id: string; name: string } };

/**
 * Creates a project key with a purpose note. Langfuse returns the secret only in this answer, so it
 * is handed over at once — copied to the clipboard and/or stored in SecretStorage — and never drawn on
 * screen; dismissing without keeping it offers to revoke the now useless key.
 */
export async function createApiKey(services: Services, node: ProjectRef): Promise<string | undefined> {
  const convention = vscode.workspace.getConfiguration().get<string>(Settings.keyNoteConvention) ?? '';
  const ask = keyNotePrompt(convention, node.project.name);
  const note = (await services.ui.input({ title: vscode.l10n.t('New API key for {0}', node.project.name), prompt: ask.prompt, placeHolder: ask.placeholder, validateInput: ask.problem }))?.trim();
  if (!note) return undefined;
  const outcome = await perform(services, node.connectionId, { kind: 'apiKey.create', projectId: node.project.id, note });
  const created = outcome.status === 'done' ? outcome.created : undefined;
  if (!created) return undefined;
  const { connection } = await services.clients.get(node.connectionId);
  const stored: StoredProjectKey = { publicKey: created.publicKey, secretKey: created.secretKey, baseUrl: connection.baseUrl, projectId: node.project.id, projectName: node.project.name, note: created.note, createdAt: created.createdAt };
  for (;;) {
    const choice = await services.ui.choose(
      `API key created in ${node.project.name}: ${created.publicKey}`,
      ['Copy Secret and Store in SecretStorage', 'Copy Secret Key', 'Store in SecretStorage'],
      `The secret key (${maskSecretKey(created.secretKey)}) is shown by Langfuse only now. Keep it before closing this dialog: copy it to your secret manager, or store it in VS Code's SecretStorage (the rotation wizard and .env quick fixes can use it from there).`);
    if (choice) {
      if (choice.includes('Copy')) await services.ui.copy(created.secretKey);
      if (choice.includes('Store')) {
        await services.context.secrets.store(SecretKeys.projectKey(created.publicKey), JSON.stringify(stored));
        await rememberStoredKey(services.context, { publicKey: created.publicKey, projectId: node.project.id, projectName: node.project.name, note: created.note, baseUrl: connection.baseUrl });
      }
      services.ui.notify(`${choice.includes('Copy') ? 'Secret key copied to the clipboard' : 'Secret key kept'}${choice.includes('Store') ? ' and stored in SecretStorage' : ''}.`);
      return created.publicKey;
    }
    // Dismissed without keeping the secret: the key would be unusable, so offer to revoke it (Cancel goes back).
    if ((await perform(services, node.connectionId, { kind: 'apiKey.revoke', projectId: node.project.id, keyId: created.id, discarded: true })).status === 'done') return undefined;
  }
}

export async function revokeApiKey(services: Services, node: NodeOf<'projectKey'>): Promise<boolean> {
  const key = node.key;
  const ok = (await perform(services, node.connectionId, { kind: 'apiKey.revoke', projectId: node.project.id, keyId: key.id })).status === 'done';
  if (ok) {
    await services.context.secrets.delete(SecretKeys.projectKey(key.publicKey));
    await forgetStoredKey(services.context, key.publicKey);
  }
  return ok;
}
