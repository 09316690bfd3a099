// The apply journal: one JSON file per apply in `<stateDir>/applies/`, written before anything
// changes and after every step (atomically, 0600), so a killed apply is reported exactly — what was
// done, what was in flight, what never started — and the next apply picks up from there. It holds
// no secret: changes are named by subject, key creations by their rotation's id (the rotation keeps
// the secret in its own pending store until the key is in its stores).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from '../zod';
import { StateFiles } from '../names';
import { writeFileAtomicSync } from '../state/atomicWrite';
import { ensurePrivateDir } from '../state/stateDir';
import { CHANGE_KINDS } from './planTypes';

export const ENTRY_STATES = ['pending', 'started', 'done', 'failed', 'refused', 'skipped', 'moved', 'already', 'cancelled', 'waiting'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

const Entry = z.object({
  id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  summary: z.string(),
  destroy: z.boolean(),
  project: z.optional(z.string()),
  note: z.optional(z.string()),
  publicKey: z.optional(z.string()),
  state: z.enum(ENTRY_STATES),
  /** The rotation that creates or rotates the key (its journal holds the rest). */
  rotationId: z.optional(z.string()),
  /** Why it was refused, skipped, failed or waits. */
  why: z.optional(z.string()),
  at: z.optional(z.string()),
});
export type ApplyEntry = z.infer<typeof Entry>;

export const ApplyJournal = z.object({
  v: z.literal(1),
  id: z.string(),
  tool: z.string(),
  pid: z.number(),
  actor: z.string(),
  file: z.string(),
  fileHash: z.string(),
  connection: z.object({ id: z.optional(z.string()), baseUrl: z.string() }),
  planFingerprint: z.string(),
  /** running: in progress or killed; finished; interrupted: found unfinished and reported by a later apply. */
  status: z.enum(['running', 'finished', 'interrupted']),
  recoveredBy: z.optional(z.string()),
  /** Unfinished key rotations this apply resumed (from an interrupted one). */
  resumedRotations: z.array(z.string()),
  entries: z.array(Entry),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplyJournal = z.infer<typeof ApplyJournal>;

const FILE = /^apply-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\.json$/;

export class ApplyJournalStore {
  readonly dir: string;
  constructor(stateDir: string) { this.dir = path.join(stateDir, StateFiles.appliesDir); }

  static newId(now: Date): string {
    return `apply-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${crypto.randomBytes(3).toString('hex')}`;
  }

  save(j: ApplyJournal, now: Date): void {
    ensurePrivateDir(this.dir);
    j.updatedAt = now.toISOString();
    j.pid = process.pid;
    writeFileAtomicSync(path.join(this.dir, `${j.id}.json`), `${JSON.stringify(j, null, 2)}\n`, { mode: 0o600 });
  }

  /** Every readable journal, newest first; damaged ones are reported by name. */
  list(): { journals: ApplyJournal[]; damaged: string[] } {
    let names: string[] = [];
    try { names = fs.readdirSync(this.dir); } catch { return { journals: [], damaged: [] }; }
    const journals: ApplyJournal[] = [];
    const damaged: string[] = [];
    for (const name of names.filter(n => FILE.test(n)).sort().reverse()) {
      try {
        const parsed = ApplyJournal.safeParse(JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')));
        if (parsed.success) journals.push(parsed.data); else damaged.push(name);
      } catch { damaged.push(name); }
    }
    return { journals, damaged };
  }

  /** Applies of this file against this host that never finished (killed, or the machine went down). */
  unfinished(file: string, baseUrl: string): ApplyJournal[] {
    return this.list().journals.filter(j => j.status === 'running' && j.file === file && j.connection.baseUrl === baseUrl);
  }
}

/** The lock that keeps two applies of one file against one host from running at once. */
export function applyLockFile(stateDir: string, file: string, baseUrl: string): string {
  const digest = crypto.createHash('sha256').update(`${file}\n${baseUrl}`).digest('hex').slice(0, 16);
  return path.join(stateDir, StateFiles.locksDir, `apply-${digest}.lock`);
}
