// What a conformance run created, written BEFORE each creation (the name is known in advance) and
// completed after it (the id): a run killed at any moment leaves a journal from which the next run
// finds and removes everything, even an object whose creation answer was lost. One 0600 JSON file per
// run in `<stateDir>/conformance/<runId>.json`, removed once everything in it is gone.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFORMANCE_PREFIX, StateFiles } from '../names';
import { writeFileAtomicSync } from '../state/atomicWrite';
import { ensurePrivateDir } from '../state/stateDir';
import * as z from '../zod';

export const Created = z.union([
  z.object({ kind: z.literal('project'), name: z.string(), id: z.optional(z.string()) }),
  z.object({ kind: z.literal('member'), email: z.string() }),
  /** A key this run created; a rotation of it is found by its public key among the rotation journals. */
  z.object({ kind: z.literal('apiKey'), projectId: z.string(), note: z.string(), id: z.optional(z.string()), publicKey: z.optional(z.string()) }),
  z.object({ kind: z.literal('folder'), path: z.string() }),
]);
export type Created = z.infer<typeof Created>;

const JournalFile = z.object({
  runId: z.string(),
  baseUrl: z.string(),
  pid: z.number(),
  startedAt: z.string(),
  created: z.array(Created),
});
export type ConformanceJournalData = z.infer<typeof JournalFile>;

/** `lfa-conformance-20270131t090000-1a2b3c`: the prefix, the start (UTC, by this machine's clock), a random tail. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
  return `${CONFORMANCE_PREFIX}${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

/** When a run started, from its id (names, notes and emails carry it); undefined for a foreign name. */
export function runStartOf(name: string): Date | undefined {
  const m = new RegExp(`^${CONFORMANCE_PREFIX}(\\d{8})t(\\d{6})-[0-9a-f]{6}`).exec(name);
  if (!m) return undefined;
  const [d, t] = [m[1], m[2]];
  const at = Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
  return Number.isNaN(at) ? undefined : new Date(at);
}

export class ConformanceJournal {
  private constructor(readonly file: string, readonly data: ConformanceJournalData) {}

  static create(stateDir: string, runId: string, baseUrl: string, now: Date): ConformanceJournal {
    const dir = ensurePrivateDir(path.join(stateDir, StateFiles.conformanceDir));
    const journal = new ConformanceJournal(path.join(dir, `${runId}.json`), { runId, baseUrl, pid: process.pid, startedAt: now.toISOString(), created: [] });
    journal.save();
    return journal;
  }

  /** Journals of earlier runs against this server whose process is gone, and files that could not be read. */
  static leftovers(stateDir: string, baseUrl: string): { journals: ConformanceJournal[]; damaged: string[] } {
    const dir = path.join(stateDir, StateFiles.conformanceDir);
    let names: string[];
    try { names = fs.readdirSync(dir).filter(n => n.endsWith('.json')); } catch { return { journals: [], damaged: [] }; }
    const journals: ConformanceJournal[] = [];
    const damaged: string[] = [];
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      try {
        const data = JournalFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
        if (data.baseUrl === baseUrl && !processAlive(data.pid)) journals.push(new ConformanceJournal(file, data));
      } catch {
        damaged.push(file);
      }
    }
    return { journals, damaged };
  }

  get runId(): string { return this.data.runId; }

  /** Records an intent (before the request) or its completion (same kind and name, now with the id). */
  record(entry: Created): void {
    const i = this.data.created.findIndex(c => sameObject(c, entry));
    if (i >= 0) this.data.created[i] = entry; else this.data.created.push(entry);
    this.save();
  }

  forget(entry: Created): void {
    this.data.created = this.data.created.filter(c => !sameObject(c, entry));
    this.save();
  }

  /** Removes the file once nothing is left to clean up. */
  closeIfEmpty(): boolean {
    if (this.data.created.length > 0) return false;
    fs.rmSync(this.file, { force: true });
    return true;
  }

  private save(): void {
    writeFileAtomicSync(this.file, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
  }
}

function sameObject(a: Created, b: Created): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'project': return a.name === (b as typeof a).name;
    case 'member': return a.email === (b as typeof a).email;
    case 'apiKey': return a.note === (b as typeof a).note && a.projectId === (b as typeof a).projectId;
    case 'folder': return a.path === (b as typeof a).path;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}
