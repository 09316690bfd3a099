import * as vscode from 'vscode';
import { onlineRefusal } from '../../core/rules/onlineRefusal';
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
    return onlineRefusal({
      trusted: vscode.workspace.isTrusted, connectionId, connection: connectionId ? this.connections.get(connectionId) : undefined,
      allowedHosts: vscode.workspace.getConfiguration().inspect<string[]>(Settings.allowedHosts)?.globalValue ?? [],
    });
  }

  /** Asks the connection's host about every pair in `files`; returns how many pairs were checked. */
  async verify(files: string[], connectionId: string | undefined): Promise<number> {
    const refusal = this.refusal(connectionId);
    if (refusal) throw new Error(refusal);
    const answers = await loadChunk('online').verifyPairsOnline(new Map([[this.connections.get(connectionId!)!.baseUrl, files]]));
    for (const [pair, answer] of answers) this.answers.set(pair, answer);
    this.changed.fire();
    return answers.size;
  }
}
