// One change of an apply, done the one way this tool changes access: members and roles through the
// session (live re-read, guards, audit), keys through the rotation engine (a new key's secret is
// persisted first, then goes to its declared stores and nowhere else; an overdue key declared
// `rotate: auto` is rotated, never revoked before its successor is stored and verified).
import { l10n } from '../l10n/l10n';
import type { SessionAction } from '../session/actions';
import type { ActionOutcome, Session } from '../session/session';
import type { SessionRotations } from '../session/rotations';
import type { RotationPlan } from '../rotation/types';
import type { AccessWorkspace } from './accessPlanner';
import type { ApplyEntry } from './applyJournal';
import type { PlanChange } from './planTypes';
import { resolveStores } from './stores';
import { workspaceTrusted } from './trust';

export interface PerformContext {
  session: Session;
  /** The session's rotations, opened on first use and closed by the apply. */
  rotations(): Promise<SessionRotations>;
  ws: AccessWorkspace;
  /** Persists the journal (after the rotation id is known, before the rotation runs). */
  save(): void;
  checkpoint(name: string): void;
}

export async function performChange(c: PlanChange, entry: ApplyEntry, ctx: PerformContext): Promise<void> {
  if (c.kind === 'key.create' || c.kind === 'key.rotate') return performKey(c, entry, ctx);
  const action = await sessionAction(c, ctx.session);
  if (typeof action === 'string') { entry.state = 'failed'; entry.why = action; return; }
  settle(entry, await ctx.session.perform(action, { confirmed: true }));
}

async function sessionAction(c: PlanChange, session: Session): Promise<SessionAction | string> {
  if (c.kind === 'member.add') return { kind: 'member.add', email: c.email ?? '', role: c.to as never };
  if (c.kind === 'key.revoke') return { kind: 'apiKey.revoke', projectId: c.projectId ?? '', keyId: c.keyId ?? '' };
  // A member added earlier in this apply has an id only now.
  const userId = c.userId ?? (await session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === c.email?.toLowerCase())?.userId;
  if (!userId) return c.email ? l10n.t('{0} is not a member of the organization (was adding them refused or skipped?).', c.email) : l10n.t('The member is not a member of the organization (was adding them refused or skipped?).');
  switch (c.kind) {
    case 'member.role': return { kind: 'member.changeRole', userId, to: c.to as never };
    case 'member.remove': return { kind: 'member.remove', userId };
    case 'projectRole.set': return { kind: 'projectRole.set', projectId: c.projectId ?? '', userId, to: c.to as never };
    case 'projectRole.clear': return { kind: 'projectRole.clear', projectId: c.projectId ?? '', userId };
    default: return `unexpected change ${c.kind}`;
  }
}

function settle(entry: ApplyEntry, outcome: ActionOutcome): void {
  entry.state = outcome.status === 'done' ? 'done' : outcome.status;
  if (!outcome.decision.allowed) entry.why = outcome.decision.reason;
  else if (outcome.status === 'cancelled') entry.why = l10n.t('not confirmed');
}

async function performKey(c: PlanChange, entry: ApplyEntry, ctx: PerformContext): Promise<void> {
  const { session, ws } = ctx;
  const key = { project: c.project ?? '', note: c.note ?? '' };
  const resolved = resolveStores(c.stores ?? [], key, { ...ws.stores, rootDir: ws.file.rootDir, connectionBaseUrl: session.connection.baseUrl });
  if ('problem' in resolved) { entry.state = 'refused'; entry.why = resolved.problem; return; }
  const plan: RotationPlan = {
    mode: c.kind === 'key.create' ? 'create' : 'normal',
    connection: { id: session.connection.id, name: session.connection.name, baseUrl: session.connection.baseUrl },
    project: { id: c.projectId, name: key.project },
    note: key.note,
    oldPublicKey: c.kind === 'key.rotate' ? c.publicKey : undefined,
    targets: resolved.targets,
    // Before revoking the old key: nothing in the repository may name it any more — except the access
    // file, which declares the key by note (and may list its public key for the .env rules).
    scanPaths: c.kind === 'key.rotate' ? [ws.file.rootDir] : [],
    scanExclude: [ws.file.path],
    workspaceTrusted: workspaceTrusted(session),
  };
  const rotations = await ctx.rotations();
  const started = await rotations.start(plan, { confirmed: true });
  if (started.status !== 'started') {
    entry.state = started.status === 'unusable' ? 'refused' : started.status;
    entry.why = started.status === 'unusable' ? started.reason : started.decision.allowed ? 'not confirmed' : started.decision.reason;
    return;
  }
  entry.rotationId = started.journal.id;
  ctx.save();
  ctx.checkpoint('apply:rotation-started');
  await runRotation(rotations, entry);
}

/** Runs (or resumes) the entry's rotation to its end, or to where a person must act. */
export async function runRotation(rotations: SessionRotations, entry: ApplyEntry): Promise<void> {
  const result = await rotations.run(entry.rotationId!);
  if (result.outcome === 'completed') { entry.state = 'done'; entry.why = undefined; return; }
  if (result.outcome === 'rolledBack') { entry.state = 'failed'; entry.why = l10n.t('rotation {0} was rolled back', entry.rotationId!); return; }
  entry.state = 'waiting';
  entry.why = l10n.t('rotation {0} waits: {1}. Resume it with "langfuse-access rotate --resume {0}" (or apply again).', entry.rotationId!, result.journal.waiting?.message ?? result.journal.step);
}
