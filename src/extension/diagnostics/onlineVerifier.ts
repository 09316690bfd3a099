import * as vscode from 'vscode';
import type { LoadedAccessFile } from '../../core/access/accessFile';
import { onlineCheckRefusal } from '../../core/rules/onlineCheckPolicy';
import type { WhoAmIResult } from '../../core/rules/keyIndex';
import type { Work } from '../../core/flow/work';
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

  /** Why a check of a file covered by `access` may not run now (core policy), or undefined when it may. */
  refusal(access: LoadedAccessFile | undefined): string | undefined {
    return onlineCheckRefusal({
      workspaceTrusted: vscode.workspace.isTrusted,
      access,
      connections: this.connections.list(),
      allowedHosts: vscode.workspace.getConfiguration().inspect<string[]>(Settings.allowedHosts)?.globalValue ?? [],
    });
  }

  /** Asks the connection's host about every pair in `files`; returns how many pairs were checked. */
  async verify(files: string[], access: LoadedAccessFile | undefined, work: Work = {}): Promise<number> {
    const refusal = this.refusal(access);
    if (refusal) throw new Error(refusal);
    const answers = await loadChunk('online').verifyPairsOnline(new Map([[this.connections.get(access!.config!.connection!)!.baseUrl, files]]), { workspaceTrusted: vscode.workspace.isTrusted, ...work });
    for (const [pair, answer] of answers) this.answers.set(pair, answer);
    this.changed.fire();
    return answers.size;
  }
}
