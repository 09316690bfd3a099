import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { SandboxCredentials, checkBaseUrl } from '../../core/connections/connection';
import { CliEnv, SANDBOX_CONNECTION_ID } from '../../core/names';
import type { ProjectKeyCandidate } from '../../core/org/organizationName';
import type { ConnectionStore } from '../connections/connectionStore';

export { SANDBOX_CONNECTION_ID };

/**
 * "Connect to local sandbox": reads the key pairs the sandbox wrote with --credentials-out (path from
 * $LANGFUSE_ACCESS_SANDBOX_CREDENTIALS, set by `npm start`, or picked by the user) and stores the
 * organization key as the "Local sandbox" connection. Returns the connection id and the file's project
 * pairs (they can tell the organization's name), or undefined if the user cancelled.
 */
export async function connectSandbox(store: ConnectionStore, env: NodeJS.ProcessEnv, credentialsPath?: string): Promise<{ id: string; projectKeys: ProjectKeyCandidate[] } | undefined> {
  let file = credentialsPath ?? env[CliEnv.sandboxCredentials];
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Select the credentials file written by "langfuse-access sandbox --credentials-out FILE"'),
      canSelectMany: false,
      filters: { JSON: ['json'] },
    });
    if (!picked?.[0]) return undefined;
    file = picked[0].fsPath;
  }
  let parsed;
  try {
    parsed = SandboxCredentials.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(`Cannot read the sandbox credentials at ${file}: ${(err as Error).message}. Start the sandbox with "npm start" or "langfuse-access sandbox --credentials-out FILE".`);
  }
  if (!parsed.success) throw new Error(`${file} is not a sandbox credentials file (expected baseUrl, organization and projects).`);
  const url = checkBaseUrl(parsed.data.baseUrl);
  if (!url.ok) throw new Error(url.reason);
  await store.save({ id: SANDBOX_CONNECTION_ID, name: 'Local sandbox', baseUrl: parsed.data.baseUrl }, parsed.data.organization);
  const projectKeys = Object.values(parsed.data.projects).map(p => ({ projectId: p.projectId, pair: { publicKey: p.publicKey, secretKey: p.secretKey } }));
  return { id: SANDBOX_CONNECTION_ID, projectKeys };
}
