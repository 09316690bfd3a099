// The rotation journal: everything a resumed run needs EXCEPT secrets (those live in the
// PendingSecretStore). One JSON file per rotation in `<stateDir>/rotations/<id>.json`, replaced
// atomically on every change, shared by the extension and the CLI.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import * as z from '../zod';
import { StateFiles } from '../names';
import { writeFileAtomicSync } from '../state/atomicWrite';
import { ensurePrivateDir } from '../state/stateDir';
import { STEPS } from './steps';

export const ROTATION_TOOLS = ['cli', 'extension', 'test'] as const;
export type RotationTool = (typeof ROTATION_TOOLS)[number];

const SinkStateSchema = z.object({
  exists: z.boolean(),
  publicKey: z.optional(z.string()),
  secretFingerprint: z.optional(z.string()),
  baseUrl: z.optional(z.string()),
  version: z.optional(z.string()),
});

/** restoreData of snapshots that hold no secret (AWS/Vault versions) is kept right here. */
const VersionRestoreData = z.union([
  z.object({ kind: z.literal('aws-version'), versionId: z.nullable(z.string()) }),
  z.object({ kind: z.literal('vault-version'), version: z.nullable(z.number()) }),
]);

export const JournalTarget = z.object({
  target: z.string(),
  /** What the target held before this rotation wrote to it (no secret: a fingerprint). */
  before: z.optional(SinkStateSchema),
  /** Where the full snapshot for rollback lives: here (versions only) or in the pending secret store. */
  snapshotIn: z.optional(z.enum(['journal', 'secret-store'])),
  restoreData: z.optional(VersionRestoreData),
  pushed: z.optional(z.object({ version: z.string(), at: z.string(), unchanged: z.boolean() })),
  restored: z.optional(z.object({ at: z.string() })),
  /** Why a rollback could not put this target back (someone else changed it since). */
  restoreProblem: z.optional(z.string()),
});
export type JournalTarget = z.infer<typeof JournalTarget>;

/**
 * The optional trace probe. `source` says which endpoint answered (chosen by the server's version);
 * `unavailable` says why there is no answer — the probe never blocks or fails a rotation. Journals
 * written before the v4 support carry only `traces`.
 */
export const ProbeEvidence = z.object({
  since: z.string(),
  at: z.string(),
  source: z.optional(z.enum(['v2-observations', 'v3-traces'])),
  /** Items counted (observations or traces); `more` when the first page was full. */
  items: z.optional(z.number()),
  more: z.optional(z.boolean()),
  traces: z.optional(z.number()),
  serverVersion: z.optional(z.string()),
  unavailable: z.optional(z.string()),
});
export type ProbeEvidence = z.infer<typeof ProbeEvidence>;

/** Hosts the user confirmed, by name, for a .env target that points its SDK elsewhere (foreignHost.ts). */
export const JournalForeignHost = z.object({ target: z.string(), hosts: z.array(z.string()), connectionHost: z.string(), at: z.string() });
export type JournalForeignHost = z.infer<typeof JournalForeignHost>;

export const Evidence = z.object({
  at: z.string(),
  /** Workspace paths scanned for the old public key, and where it still appears. */
  scanned: z.array(z.string()),
  references: z.array(z.object({ file: z.string(), line: z.number() })),
  /** Targets that still hold the old public key (must be none). */
  targetsHoldingOld: z.array(z.string()),
  checklistConfirmed: z.boolean(),
  /** Targets that could not be read after the revoke (noted, never blocking: the rotation must finish). */
  targetsUnreadable: z.optional(z.array(z.string())),
  /** Tracing data seen with the NEW key since the cut-over; says nothing about the old key. */
  probe: z.optional(ProbeEvidence),
});
export type Evidence = z.infer<typeof Evidence>;

export const RotationJournal = z.object({
  v: z.literal(1),
  id: z.string(),
  /** The front end that owns this rotation: only it can resume it (it holds the pending secret). */
  tool: z.enum(ROTATION_TOOLS),
  pid: z.number(),
  actor: z.string(),
  mode: z.enum(['normal', 'compromised', 'manual', 'create']),
  connection: z.object({ id: z.optional(z.string()), name: z.optional(z.string()), baseUrl: z.string() }),
  project: z.object({ id: z.optional(z.string()), name: z.string() }),
  /** Absent in `create` mode (a new key, nothing replaced). */
  oldKey: z.optional(z.object({
    publicKey: z.string(),
    id: z.optional(z.string()),
    /** The old secret (from a target) answered who-am-I before the revoke, so a 401 afterwards proves the revoke. */
    secretAnswered: z.optional(z.boolean()),
    /** The old key's note as Langfuse listed it: the new key gets it byte for byte (access as code matches keys by note). */
    note: z.optional(z.nullable(z.string())),
  })),
  /** The note the new key gets when it is not the old key's (create mode: the declared key's note). */
  newKeyNote: z.optional(z.string()),
  newKey: z.optional(z.object({ publicKey: z.string(), id: z.optional(z.string()), createdAt: z.optional(z.string()), note: z.optional(z.string()) })),
  targets: z.array(JournalTarget),
  scanPaths: z.array(z.string()),
  scanExclude: z.optional(z.array(z.string())),
  probeTraces: z.boolean(),
  /** False when started in an untrusted (Restricted Mode) workspace: no secret is read from or written to workspace files. */
  workspaceTrusted: z.optional(z.boolean()),
  foreignHostsConfirmed: z.optional(z.array(JournalForeignHost)),
  status: z.enum(['active', 'rollingBack', 'completed', 'rolledBack']),
  step: z.enum(STEPS),
  /** Set while the rotation waits for a person (checklist, confirmation, references to fix). */
  waiting: z.optional(z.object({ reason: z.string(), message: z.string() })),
  cutoverAt: z.optional(z.string()),
  evidence: z.optional(Evidence),
  recheck: z.optional(z.object({ oldPair: z.enum(['unauthorized', 'still-valid', 'not-checked']), newPair: z.boolean(), note: z.optional(z.string()), at: z.string() })),
  notes: z.array(z.string()),
  history: z.array(z.object({ step: z.string(), at: z.string(), note: z.optional(z.string()) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RotationJournal = z.infer<typeof RotationJournal>;

/** What a rotation is about, for locks and messages: the old public key, or the key being created. */
export function rotationSubject(j: Pick<RotationJournal, 'oldKey' | 'project' | 'newKeyNote'>): string {
  return j.oldKey?.publicKey ?? createSubject(j.project.name, j.newKeyNote ?? '');
}

export function createSubject(project: string, note: string): string {
  return `new key "${note}" of ${project}`;
}

/** The old key of a rotation that replaces one (every mode but `create`). */
export function oldKeyOf(j: RotationJournal): NonNullable<RotationJournal['oldKey']> {
  if (!j.oldKey) throw new Error(`Rotation ${j.id} creates a key; it has no old key.`);
  return j.oldKey;
}

export function isFinished(journal: RotationJournal): boolean {
  return journal.status === 'completed' || journal.status === 'rolledBack';
}

/** `rot-20261128-114500-1a2b3c`: sortable, readable, unique enough for one user's state folder. */
export function newRotationId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `rot-${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

const ID = /^rot-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;
const JOURNAL_FILE = /^rot-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\.json$/;

export class JournalStore {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, StateFiles.rotationsDir);
  }

  file(id: string): string {
    if (!ID.test(id)) throw new Error(l10n.t('"{0}" is not a rotation id (they look like {1})', id, 'rot-20261128-114500-1a2b3c'));
    return path.join(this.dir, `${id}.json`);
  }

  save(journal: RotationJournal): void {
    ensurePrivateDir(this.dir);
    writeFileAtomicSync(this.file(journal.id), `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
  }

  /** Removes temp copies of this journal left by a writer killed mid-write (no secrets, just clutter). */
  removeStrayTemps(id: string): void {
    const prefix = `.${id}.json.`;
    let names: string[] = [];
    try { names = fs.readdirSync(this.dir); } catch { return; }
    for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  /**
   * Removes temp copies of journals that never came to exist (a process killed during its first
   * journal write), once they are a minute old so a writer still at work is never disturbed.
   */
  sweepStrays(olderThanMs = 60_000): void {
    let names: string[] = [];
    try { names = fs.readdirSync(this.dir); } catch { return; }
    for (const name of names) {
      const m = /^\.(rot-[0-9]{8}-[0-9]{6}-[0-9a-f]{6})\.json\.[0-9a-f]+\.tmp$/.exec(name);
      if (!m || names.includes(`${m[1]}.json`)) continue;
      const file = path.join(this.dir, name);
      try { if (Date.now() - fs.statSync(file).mtimeMs > olderThanMs) fs.rmSync(file, { force: true }); } catch { /* gone already */ }
    }
  }

  load(id: string): RotationJournal | undefined {
    let text: string;
    try { text = fs.readFileSync(this.file(id), 'utf8'); } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return parseJournal(text, this.file(id));
  }

  /** Every journal, newest first; a damaged file is reported, not skipped silently. */
  list(): { journals: RotationJournal[]; damaged: { file: string; problem: string }[] } {
    let names: string[];
    try { names = fs.readdirSync(this.dir); } catch { return { journals: [], damaged: [] }; }
    const journals: RotationJournal[] = [];
    const damaged: { file: string; problem: string }[] = [];
    for (const name of names.filter(n => JOURNAL_FILE.test(n)).sort().reverse()) {
      const file = path.join(this.dir, name);
      try { journals.push(parseJournal(fs.readFileSync(file, 'utf8'), file)); } catch (err) { damaged.push({ file, problem: (err as Error).message }); }
    }
    return { journals, damaged };
  }
}

function parseJournal(text: string, file: string): RotationJournal {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { throw new Error(l10n.t('The rotation journal {0} is not valid JSON.', file)); }
  const parsed = RotationJournal.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(l10n.t('The rotation journal {0} does not have the expected shape ({1}: {2}).', file, issue?.path.join('.') || 'root', issue?.code ?? ''));
  }
  return parsed.data;
}
