import type { AuditEntry, AuditEvent } from '../audit/entry';
import type { AuditWriter } from '../audit/auditWriter';
import { openAuditWriter } from '../audit/openAuditWriter';
import { l10n } from '../l10n/l10n';
import { isFinished, JournalStore, type RotationJournal } from '../rotation/journal';
import { ClientPool, type SessionConnection } from './clientPool';
import type { SessionPort } from './port';
import { Session } from './session';

/**
 * One per process (an extension window, a CLI run): the edge's port, the one client pool and the
 * one audit writer. Sessions for single connections come from here.
 */
export class SessionHost {
  readonly clients: ClientPool;
  private writer: AuditWriter | undefined;

  constructor(readonly port: SessionPort) {
    this.clients = new ClientPool(port.logger);
  }

  session(connection: SessionConnection): Session {
    return new Session(this, connection);
  }

  /** Every rotation in the state folder (both tools'), newest first, and the journals that could not be read. */
  rotations(): ReturnType<JournalStore['list']> {
    return new JournalStore(this.port.stateDir).list();
  }

  /** Unfinished rotations this edge can resume (the other tool's are only shown: it holds their secrets). */
  resumableRotations(): RotationJournal[] {
    return this.rotations().journals.filter(j => !isFinished(j) && j.tool === this.port.tool);
  }

  /**
   * The rotation a resume or abort means: the one named, else this edge's only unfinished one. When
   * there is none, the reason names rotations the other tool holds (only it has their secrets).
   */
  findRotation(id: string | undefined): { journal: RotationJournal } | { none: string } | { choose: RotationJournal[] } {
    if (id) {
      const journal = this.rotations().journals.find(j => j.id === id);
      return journal ? { journal } : { none: l10n.t('There is no rotation {0} in the state folder. List them with "langfuse-access rotate --list".', id) };
    }
    const mine = this.resumableRotations();
    if (mine.length === 1) return { journal: mine[0] };
    if (mine.length > 1) return { choose: mine };
    const others = this.rotations().journals.filter(j => j.tool !== this.port.tool && (j.status === 'active' || j.status === 'rollingBack'));
    if (others.length === 0) return { none: l10n.t('Nothing to resume.') };
    return {
      none: this.port.tool === 'cli'
        ? l10n.t('Nothing to resume. {0} rotation(s) in progress belong to the VS Code extension; continue them there.', others.length)
        : l10n.t('Nothing to resume. {0} rotation(s) in progress belong to the CLI ("langfuse-access rotate --resume"); continue them there.', others.length),
    };
  }

  /** Appends one audit entry as the current acting identity (the setting may change while running). */
  record(event: AuditEvent): AuditEntry {
    const entry = this.audit().append({ ...event, actor: { identity: this.port.actor().label, ...event.actor } });
    this.port.audited?.();
    return entry;
  }

  /** The writer, opened on first use so that starting an edge does not touch the state folder. */
  audit(): AuditWriter {
    return this.writer ??= openAuditWriter({ stateDir: this.port.stateDir, actor: { identity: this.port.actor().label, tool: this.port.tool }, now: () => this.port.clock.now() });
  }

  /** Signs the entries written since the last checkpoint (best effort: the chain itself is written). */
  close(): void {
    try { this.writer?.checkpointIfDue(); } catch { /* the next writer signs them */ }
  }
}
