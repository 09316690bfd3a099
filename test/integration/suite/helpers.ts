import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'langfuse-access.langfuse-access';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  assert.ok(ext.isActive);
  return api;
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function sandboxCredentials(): { baseUrl: string; organization: { publicKey: string; secretKey: string } } {
  const file = process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS;
  assert.ok(file, 'the runner passes the sandbox credentials file');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function auditLines(): Array<Record<string, any>> {
  const file = path.join(process.env.XDG_STATE_HOME!, 'langfuse-access', 'audit.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
}

export function packageJson(): any {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return ext.packageJSON;
}
