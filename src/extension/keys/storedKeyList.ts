import type * as vscode from 'vscode';
import { StateKeys } from '../../core/names';

/**
 * SecretStorage cannot list its keys in VS Code 1.100, so the non-secret facts of the project keys we
 * stored (public key, project, note) are kept beside them in globalState.
 */
export interface StoredKeyInfo { publicKey: string; projectId: string; projectName: string; note?: string | null; baseUrl: string }

const KEY = StateKeys.storedProjectKeys;

export function storedKeys(context: vscode.ExtensionContext): StoredKeyInfo[] {
  return context.globalState.get<StoredKeyInfo[]>(KEY) ?? [];
}

export function storedKeysFor(context: vscode.ExtensionContext, projectName: string): StoredKeyInfo[] {
  return storedKeys(context).filter(k => k.projectName === projectName);
}

export async function rememberStoredKey(context: vscode.ExtensionContext, info: StoredKeyInfo): Promise<void> {
  await context.globalState.update(KEY, [...storedKeys(context).filter(k => k.publicKey !== info.publicKey), info]);
}

export async function forgetStoredKey(context: vscode.ExtensionContext, publicKey: string): Promise<void> {
  await context.globalState.update(KEY, storedKeys(context).filter(k => k.publicKey !== publicKey));
}
