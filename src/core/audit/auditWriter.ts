import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { StateFiles, TOOL_VERSION } from '../names';
import { acquireLockSync } from '../state/lock';
import { ensurePrivateDir } from '../state/stateDir';
import { entryHash, joinLine, splitLine } from './chain';
import { AUDIT_SCHEMA_VERSION, AuditActor, AuditEntry, AuditEvent, GENESIS_HASH } from './entry';
import { sanitizeDetails } from './sanitize';
import { CHECKPOINT_ACTION, checkpointEvent } from './checkpoint';
import type { AuditSigningKey } from './signingKey';
import { loadOrCreateSigningKey } from './signingKey';

export interface AuditWriterOptions {
  stateDir: string;
  actor: Omit<AuditActor, 'machine' | 'version'> & Partial<Pick<AuditActor, 'machine' | 'version'>>;
  now?: () => Date;
  /**
   * Append a signed checkpoint after every N-th entry (seq divisible by N). Off when unset; the
   * extension and the CLI open their writer with `openAuditWriter`, which turns it on.
   */
  checkpointEvery?: number;
}

interface ChainTip { seq: number; hash: string; size: number; mtimeMs: number; lastAction: string }

/**
 * The write side of the audit trail: appends entries to `audit.jsonl` in the state folder with a
 * SHA-256 hash chain. Safe for the extension and the CLI appending at once: each append takes the
 * folder's audit lock, reads the chain tip (cached while the file is unchanged), and appends whole
 * lines with one write.
 */
export class AuditWriter {
  readonly file: string;
  private readonly lockFile: string;
  private readonly actor: AuditActor;
  private readonly now: () => Date;
  private tip: ChainTip | undefined;
  private readonly checkpointEvery: number;
  private readonly stateDir: string;
  private signingKey: AuditSigningKey | undefined;

  constructor(options: AuditWriterOptions) {
    ensurePrivateDir(options.stateDir);
    this.file = path.join(options.stateDir, StateFiles.auditLog);
    this.lockFile = path.join(options.stateDir, StateFiles.auditLock);
    this.actor = {
      identity: options.actor.identity,
      tool: options.actor.tool,
      machine: options.actor.machine ?? os.hostname(),
      version: options.actor.version ?? TOOL_VERSION,
    };
    this.now = options.now ?? (() => new Date());
    this.checkpointEvery = options.checkpointEvery ?? 0;
    this.stateDir = options.stateDir;
  }

  /** The checkpoint key's public half (created on first use), to show the user. */
  signingPublicKey(): { publicKey: string; keyId: string } {
    const key = this.key();
    return { publicKey: key.publicKey, keyId: key.keyId };
  }

  /**
   * Signs the current tip unless the log is empty or already ends with a checkpoint. Called when a
   * session ends, so entries never stay unsigned just because fewer than N were written.
   */
  checkpointIfDue(): AuditEntry | undefined {
    const lock = acquireLockSync(this.lockFile, { tool: this.actor.tool, purpose: 'audit checkpoint', waitMs: 10_000 });
    try {
      const tip = this.readTip();
      if (tip.seq === 0 || tip.lastAction === CHECKPOINT_ACTION) return undefined;
      return this.writeLocked(tip, [checkpointEvent(this.key(), tip)], false)[0];
    } finally {
      lock.release();
    }
  }

  private key(): AuditSigningKey {
    this.signingKey ??= loadOrCreateSigningKey(this.stateDir);
    return this.signingKey;
  }

  append(event: AuditEvent): AuditEntry {
    return this.appendMany([event])[0];
  }

  /** Appends several entries under one lock and one write (used by bulk operations and benchmarks). */
  appendMany(events: AuditEvent[]): AuditEntry[] {
    if (events.length === 0) return [];
    const lock = acquireLockSync(this.lockFile, { tool: this.actor.tool, purpose: 'audit append', waitMs: 10_000 });
    try {
      return this.writeLocked(this.readTip(), events, this.checkpointEvery > 0);
    } finally {
      lock.release();
    }
  }

  /** Builds, chains and writes entries; the caller holds the lock. Returns the caller's entries only. */
  private writeLocked(start: { seq: number; hash: string }, events: AuditEvent[], withCheckpoints: boolean): AuditEntry[] {
    let { seq, hash } = start;
    const entries: AuditEntry[] = [];
    const lines: string[] = [];
    let lastAction = '';
    const add = (event: AuditEvent): AuditEntry => {
      seq += 1;
      const body = {
        v: AUDIT_SCHEMA_VERSION,
        seq,
        time: this.now().toISOString(),
        actor: { ...this.actor, ...event.actor },
        action: event.action,
        resource: event.resource,
        outcome: event.outcome,
        details: (sanitizeDetails(event.details ?? {}) as Record<string, unknown>),
        prev: hash,
      };
      const bodyJson = JSON.stringify(body);
      hash = entryHash(body.prev, bodyJson);
      lines.push(joinLine(bodyJson, hash));
      lastAction = event.action;
      return { ...body, hash } as AuditEntry;
    };
    for (const event of events) {
      entries.push(add(event));
      if (withCheckpoints && seq % this.checkpointEvery === 0) add(checkpointEvent(this.key(), { seq, hash }));
    }
    const fd = fs.openSync(this.file, fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_RDWR, 0o600);
    try {
      // A log whose last line lost its newline (edited by hand) must not get the next entry glued on.
      const size = fs.fstatSync(fd).size;
      const last = Buffer.alloc(1);
      const glue = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a ? '\n' : '';
      fs.writeSync(fd, glue + lines.join('\n') + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const stat = fs.statSync(this.file);
    this.tip = { seq, hash, size: stat.size, mtimeMs: stat.mtimeMs, lastAction };
    return entries;
  }

  /** The last entry's seq and hash; reads only the file's tail. */
  private readTip(): { seq: number; hash: string; lastAction: string } {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.file);
    } catch {
      return { seq: 0, hash: GENESIS_HASH, lastAction: '' };
    }
    if (this.tip && this.tip.size === stat.size && this.tip.mtimeMs === stat.mtimeMs) return this.tip;
    const last = readLastLine(this.file, stat.size);
    if (!last) return { seq: 0, hash: GENESIS_HASH, lastAction: '' };
    const parts = splitLine(last);
    const seqMatch = /"seq":(\d+)/.exec(last);
    if (!parts || !seqMatch) {
      throw new Error(l10n.t('The audit log {0} ends with a damaged line; run "{1}" before writing more.', this.file, 'langfuse-access audit verify'));
    }
    const action = /"action":"((?:[^"\\]|\\.)*)"/.exec(last);
    return { seq: Number(seqMatch[1]), hash: parts.hash, lastAction: action ? action[1] : '' };
  }
}

function readLastLine(file: string, size: number): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    let chunk = 4096;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      const text = buf.toString('utf8').replace(/\n+$/, '');
      const nl = text.lastIndexOf('\n');
      if (nl >= 0 || start === 0) return text.slice(nl + 1) || undefined;
      chunk *= 4;
    }
  } finally {
    fs.closeSync(fd);
  }
}
