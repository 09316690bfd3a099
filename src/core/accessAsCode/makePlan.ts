// The plan: the declaration against the live organization, every change in apply order with its
// guard verdict for the acting identity and its line in the file, the warnings and the unmanaged
// items, and the fingerprint of the live state it was made from. Pure: the reads happen before.
import type { AccessConfig } from '../access/accessSchema';
import { hostLabel } from '../connections/connection';
import type { DiffContext, DraftNote } from './diffContext';
import { diffAccess } from './diff';
import { liveFingerprint, textHash } from './fingerprint';
import type { LiveOrganization } from './liveState';
import { locator } from './locations';
import { PLAN_FORMAT, type AccessPlan, type PlanChange, type PlanNote } from './planTypes';
import { resolveStores, type StoreContext } from './stores';
import { judge, placed } from './verdicts';

export interface PlanInput {
  file: { path: string; text: string; rootDir: string; config: AccessConfig };
  live: LiveOrganization;
  connection: { id?: string; baseUrl: string };
  actingAs: string | undefined;
  now: Date;
  /** The user's rotation policy when the file sets none (default 90). */
  defaultMaxAgeDays: number;
  rotationsInProgress: DiffContext['rotationsInProgress'];
  /** What the applying edge can write: the workspace folders and SecretStorage. */
  stores: Pick<StoreContext, 'workspaceRoots' | 'secretStorage'>;
}

export function makePlan(input: PlanInput): AccessPlan {
  const { config } = input.file;
  const ctx: DiffContext = { now: input.now, maxAgeDays: config.rotation?.maxAgeDays ?? input.defaultMaxAgeDays, rotationsInProgress: input.rotationsInProgress };
  const diff = diffAccess(config, input.live, ctx);
  const storeCtx: StoreContext = { ...input.stores, rootDir: input.file.rootDir, connectionBaseUrl: input.connection.baseUrl };
  const at = locator(input.file.text);
  const changes = placed(judge(diff.changes, input.live, input.actingAs), p => at(p)).map(c => withStoreVerdict(c, storeCtx));
  const note = (n: DraftNote): PlanNote => { const { path, ...rest } = n; return { ...rest, at: path ? at(path) : undefined }; };
  return {
    format: PLAN_FORMAT, version: 1, createdAt: input.now.toISOString(),
    file: input.file.path, fileHash: textHash(input.file.text),
    connection: { id: input.connection.id, host: hostLabel(input.connection.baseUrl) },
    actingAs: input.actingAs,
    fingerprint: liveFingerprint(input.live), liveReadAt: input.live.readAt,
    changes, warnings: diff.warnings.map(note), unmanaged: diff.unmanaged.map(note),
  };
}

/** A key change whose stores this edge cannot write (or must not: untrusted input) is refused in the plan already. */
function withStoreVerdict(c: PlanChange, ctx: StoreContext): PlanChange {
  if ((c.kind !== 'key.create' && c.kind !== 'key.rotate') || c.verdict.status === 'refused') return c;
  const resolved = resolveStores(c.stores ?? [], { project: c.project ?? '', note: c.note ?? '' }, ctx);
  return 'problem' in resolved ? { ...c, verdict: { status: 'refused', rule: 'store', reason: resolved.problem } } : c;
}

