import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/log/logger';
import { SecretKeys, Settings } from '../../core/names';
import { Disposable } from '../lifecycle';
import { loadChunk } from '../lazy';
import { notification } from '../ui/notifications';

/**
 * Forwards new audit entries to the SIEM / syslog endpoints of the user's settings (never the
 * workspace's), a few seconds after the log grows and every five minutes. The queue is the log itself
 * plus a cursor in the state folder, so nothing is lost while an endpoint is down. A failure is logged
 * each time and shown once per run (a warning with "Show Logs"): a trail that stops silently is no trail.
 */
export class AuditForwarder extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private warned = false;

  constructor(private readonly auditFile: string, private readonly stateDir: string, private readonly secrets: vscode.SecretStorage, private readonly log: Logger, private readonly showLogs: () => void) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(auditFile)), 'audit.jsonl')));
    this.register(watcher.onDidChange(() => this.soon()));
    const interval = setInterval(() => this.soon(), 5 * 60_000);
    this.register({ dispose: () => { clearInterval(interval); clearTimeout(this.timer); } });
  }

  private configured(): unknown {
    return vscode.workspace.getConfiguration().inspect(Settings.auditForwarding)?.globalValue;
  }

  soon(): void {
    if (!this.configured()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.forward(), 3000);
  }

  async forward(): Promise<void> {
    const raw = this.configured();
    if (!raw || this.running) return;
    const audit = loadChunk('audit');
    const parsed = audit.AuditForwardingConfig.safeParse(raw);
    if (!parsed.success) { this.failed(vscode.l10n.t('Ignoring the malformed setting {0}: {1}', Settings.auditForwarding, parsed.error.issues.map(i => i.message).join('; '))); return; }
    this.running = true;
    try {
      const results = await audit.forwardConfigured(parsed.data, {
        file: this.auditFile, stateDir: this.stateDir, log: this.log,
        siemToken: await this.secrets.get(SecretKeys.sink('siem')),
        readCa: caFile => fs.readFileSync(caFile, 'utf8'),
      });
      for (const r of results) if (r.error) this.failed(vscode.l10n.t('Audit forwarding failed: {0}', r.error));
    } catch (err) {
      this.failed(vscode.l10n.t('Audit forwarding is misconfigured: {0}', (err as Error).message));
    } finally {
      this.running = false;
    }
  }

  /** `problem`: one whole translated sentence naming what failed. */
  private failed(problem: string): void {
    this.log.warn(problem);
    if (this.warned) return;
    this.warned = true;
    const show = vscode.l10n.t('Show Logs');
    void notification('warning', vscode.l10n.t('Audit entries are not reaching your SIEM or syslog endpoint: {0} They stay queued in the audit log and are sent once forwarding works.', problem), show)
      .then(choice => { if (choice === show) this.showLogs(); });
  }
}
