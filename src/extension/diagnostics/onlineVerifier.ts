import * as vscode from 'vscode';
import { hostLabel } from '../../core/connections/connection';
import type { WhoAmIResult } from '../../core/rules/keyIndex';
import { Settings } from '../../core/names';
import type { ConnectionStore } from '../connections/connectionStore';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';

/**
 * who-am-I answers for key pairs found in workspace files. A pair is sent only (1) in a trusted
 * workspace, (2) to the host of one of the user's own connections — the one the access file names —
 * never to a host a workspace file names, and (3) when the user allow-listed hosts, only to those.
 */
export class OnlineVerifier extends Disposable {
  readonly answers = new Map<string, WhoAmIResult>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly connections: ConnectionStore) {
    super();
  }

  /** Why a check may not run now, or undefined when it may. */
  refusal(connectionId: string | undefined): string | undefined {
    if (!vscode.workspace.isTrusted) return 'This workspace is in Restricted Mode: keys found in its files are never sent anywhere. Trust the workspace to verify them online.';
    if (!connectionId) return 'Name a connection in .langfuse/access.yaml ("connection: <id>") so the check knows which of your Langfuse hosts to ask.';
    const connection = this.connections.get(connectionId);
    if (!connection) return `The access file names the connection "${connectionId}", which is not one of your connections (user settings).`;
    const allowed = (vscode.workspace.getConfiguration().inspect<string[]>(Settings.allowedHosts)?.globalValue ?? []).map(h => h.toLowerCase());
    if (allowed.length > 0 && !allowed.includes(hostLabel(connection.baseUrl).toLowerCase()) && !allowed.includes(new URL(connection.baseUrl).hostname.toLowerCase())) {
      return `${hostLabel(connection.baseUrl)} is not in langfuseAccess.allowedHosts, so keys from workspace files are not sent to it.`;
    }
    return undefined;
  }

  /** Asks the connection's host about every pair in `files`; returns how many pairs were checked. */
  async verify(files: string[], connectionId: string | undefined): Promise<number> {
    const refusal = this.refusal(connectionId);
    if (refusal) throw new Error(refusal);
    const online = loadChunk('online');
    const resolver = online.createWhoAmIResolver(this.connections.get(connectionId!)!.baseUrl);
    const pairs = online.keyPairsInFiles(files);
    for (const pair of pairs) this.answers.set(online.pairKey(pair.publicKey, pair.secretKey), await resolver.whoAmI(pair));
    this.changed.fire();
    return pairs.length;
  }
}
