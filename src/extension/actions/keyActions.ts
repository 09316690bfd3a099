import * as vscode from 'vscode';
import type { SecretHandover } from '../../core/actions/index';
import type { StoredProjectKey } from '../../core/keys/storedKey';
import { SecretKeys, Settings } from '../../core/names';
import type { NodeOf } from '../../core/org/accessNodes';
import { forgetStoredKey, rememberStoredKey } from '../keys/storedKeyList';
import { loadChunk } from '../lazy';
import type { Services } from '../services';
import { flowContext } from './flowContext';

type ProjectRef = { connectionId: string; project: { id: string; name: string } };

/** The clipboard and SecretStorage (with its non-secret index in globalState) for a new key's secret. */
function handover(services: Services, baseUrl: string): SecretHandover {
  return {
    copy: secret => services.ui.copy(secret),
    store: async (created, project) => {
      const stored: StoredProjectKey = { publicKey: created.publicKey, secretKey: created.secretKey, baseUrl, projectId: project.id, projectName: project.name, note: created.note, createdAt: created.createdAt };
      await services.context.secrets.store(SecretKeys.projectKey(created.publicKey), JSON.stringify(stored));
      await rememberStoredKey(services.context, { publicKey: created.publicKey, projectId: project.id, projectName: project.name, note: created.note, baseUrl });
    },
    forget: async publicKey => {
      await services.context.secrets.delete(SecretKeys.projectKey(publicKey));
      await forgetStoredKey(services.context, publicKey);
    },
  };
}

/** Creates a project key with a purpose note and hands its secret over at once (core/actions/keyFlows.ts). */
/** `note`: already asked (from the palette, as the flow's last step). */
export async function createApiKey(services: Services, node: ProjectRef, options: { storeRequired?: boolean; note?: string } = {}): Promise<string | undefined> {
  const ctx = await flowContext(services, node.connectionId);
  const noteConvention = vscode.workspace.getConfiguration().get<string>(Settings.keyNoteConvention) ?? '';
  return loadChunk('core').createApiKeyFlow(ctx, node.project, { noteConvention, handover: handover(services, ctx.session.connection.baseUrl), ...options });
}

export async function revokeApiKey(services: Services, node: NodeOf<'projectKey'>): Promise<boolean> {
  const ctx = await flowContext(services, node.connectionId);
  return loadChunk('core').revokeApiKeyFlow(ctx, node, handover(services, ctx.session.connection.baseUrl));
}
