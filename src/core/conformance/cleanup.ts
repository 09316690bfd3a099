// Removing what conformance runs created: first what this run's journal (or a killed run's) names,
// then leftovers carrying the prefix from runs older than an hour whose journal is elsewhere (another
// machine, a wiped CI runner). Every removal goes through the session: guarded and audited.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { shortPublicKey } from '../log/redact';
import { CONFORMANCE_PREFIX, StateFiles } from '../names';
import { canRollBack, isFinished, JournalStore, type RotationJournal } from '../rotation';
import type { Session } from '../session';
import { done, messageOf } from './context';
import { runStartOf, type ConformanceJournal, type Created } from './journal';
import type { CleanupResult } from './types';

/** A prefixed object without a journal here is someone else's running test until it is this old. */
export const SWEEP_AFTER_MS = 60 * 60_000;

export function scimUserNote(): string {
  return l10n.t('SCIM-created users stay in Langfuse as users without any membership (the public API cannot delete users).');
}

export async function cleanUpJournal(session: Session, journal: ConformanceJournal, result: CleanupResult): Promise<void> {
  const order: Created['kind'][] = ['apiKey', 'member', 'project', 'folder'];
  const entries = [...journal.data.created].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const entry of entries) {
    try {
      const removed = await remove(session, entry);
      if (removed) result.removed.push(removed);
      journal.forget(entry);
    } catch (err) {
      result.problems.push(problemWith(entry, messageOf(err)));
    }
  }
  if (!journal.closeIfEmpty()) result.problems.push(l10n.t('Kept {0}: the next conformance run against this server retries what is left.', journal.file));
}

async function remove(session: Session, entry: Created): Promise<string | undefined> {
  switch (entry.kind) {
    case 'folder': {
      const conformanceDir = path.join(session.host.port.stateDir, StateFiles.conformanceDir);
      if (!path.resolve(entry.path).startsWith(`${conformanceDir}${path.sep}`)) throw new Error(l10n.t('not inside the conformance state folder; left alone'));
      if (!fs.existsSync(entry.path)) return undefined;
      fs.rmSync(entry.path, { recursive: true, force: true });
      return l10n.t('folder {0} removed', entry.path);
    }
    case 'member': {
      const member = (await session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === entry.email.toLowerCase());
      if (!member) return undefined;
      done(await session.perform({ kind: 'member.remove', userId: member.userId }), { kind: 'member.remove', email: entry.email });
      return l10n.t('member {0} removed', entry.email);
    }
    case 'project': {
      await session.liveFacts(undefined);
      const projects = (await session.model.overview()).projects ?? [];
      const project = projects.find(p => (entry.id ? p.id === entry.id : p.name === entry.name));
      if (!project) return undefined;
      done(await session.perform({ kind: 'project.delete', projectId: project.id }), { kind: 'project.delete', project: project.name });
      return l10n.t('project {0} deleted (with its keys)', project.name);
    }
    case 'apiKey': {
      const lines: string[] = [];
      // A rotation of this key, or (an apply's key creation, no public key known yet) the one creating it.
      lines.push(...await finishRotationsOf(session, j => (entry.publicKey
        ? j.oldKey?.publicKey === entry.publicKey
        : !j.oldKey && j.newKeyNote === entry.note && j.project.id === entry.projectId)));
      const facts = await session.liveFacts(entry.projectId);
      if (!facts.project) return lines.join('; ') || undefined; // the project is gone, and its keys with it
      const key = facts.project.apiKeys.find(k => (entry.id ? k.id === entry.id : k.note === entry.note));
      if (key) {
        done(await session.perform({ kind: 'apiKey.revoke', projectId: entry.projectId, keyId: key.id }), { kind: 'apiKey.revoke', key: shortPublicKey(key.publicKey) });
        lines.push(l10n.t('key {0} revoked', shortPublicKey(key.publicKey)));
      }
      return lines.join('; ') || undefined;
    }
  }
}

/**
 * A rotation (or key creation) of a throwaway key that a kill interrupted: rolled back while it still
 * can be, finished once past the revoke. A finished rotation's new key is revoked too.
 */
async function finishRotationsOf(session: Session, ofKey: (j: RotationJournal) => boolean): Promise<string[]> {
  const journals = new JournalStore(session.host.port.stateDir).list().journals.filter(j => ofKey(j) && j.tool === session.host.port.tool);
  const lines: string[] = [];
  for (const journal of journals) {
    let final: RotationJournal = journal;
    if (!isFinished(journal)) {
      const rotations = await session.rotations();
      try {
        const result = canRollBack(journal.mode, journal.step) ? await rotations.abort(journal) : await rotations.run(journal.id);
        if (!result || (result.outcome !== 'completed' && result.outcome !== 'rolledBack')) {
          const waiting = result?.journal.waiting?.message;
          throw new Error(waiting ? l10n.t('rotation {0} could not be finished or rolled back: {1}', journal.id, waiting) : l10n.t('rotation {0} could not be finished or rolled back', journal.id));
        }
        final = result.journal;
        lines.push(result.outcome === 'completed' ? l10n.t('rotation {0} finished', journal.id) : l10n.t('rotation {0} rolled back', journal.id));
      } finally {
        rotations.close();
      }
    }
    const newKey = final.status === 'completed' ? final.newKey : undefined;
    if (newKey?.id && final.project.id) {
      const facts = await session.liveFacts(final.project.id);
      if (facts.project?.apiKeys.some(k => k.id === newKey.id)) {
        done(await session.perform({ kind: 'apiKey.revoke', projectId: final.project.id, keyId: newKey.id }), { kind: 'apiKey.revoke', key: shortPublicKey(newKey.publicKey) });
        lines.push(l10n.t('key {0} (from rotation {1}) revoked', shortPublicKey(newKey.publicKey), final.id));
      }
    }
  }
  return lines;
}

/** Prefixed projects, members and (with allowKeys) key notes of runs started over an hour ago, not this run's. */
export async function sweepPrefixed(
  session: Session,
  options: { now: Date; runId: string; existingProjectId?: string; allowKeys: boolean },
  result: CleanupResult,
): Promise<void> {
  const stale = (name: string | null | undefined) => {
    if (!name?.startsWith(CONFORMANCE_PREFIX) || name.startsWith(options.runId)) return false;
    const at = runStartOf(name);
    return !!at && options.now.getTime() - at.getTime() >= SWEEP_AFTER_MS;
  };
  /** `removed`: the line once it is gone; `problem`: the line when it could not be removed, with why. */
  const attempt = async (removed: string, problem: (why: string) => string, fn: () => Promise<unknown>) => {
    try { await fn(); result.removed.push(removed); } catch (err) { result.problems.push(problem(messageOf(err))); }
  };
  const facts = await session.liveFacts(undefined);
  for (const m of facts.members) {
    if (m.email?.toLowerCase().endsWith('@example.com') && stale(m.email.toLowerCase())) {
      const email = m.email;
      await attempt(l10n.t('member {0} removed (left by an earlier run)', email), why => l10n.t('member {0}: {1}', email, why),
        async () => done(await session.perform({ kind: 'member.remove', userId: m.userId }), { kind: 'member.remove', email }));
    }
  }
  for (const p of (await session.model.overview()).projects ?? []) {
    if (!stale(p.name)) continue;
    await attempt(l10n.t('project {0} deleted (left by an earlier run)', p.name), why => l10n.t('project {0}: {1}', p.name, why),
      async () => done(await session.perform({ kind: 'project.delete', projectId: p.id }), { kind: 'project.delete', project: p.name }));
  }
  if (options.existingProjectId) {
    const keys = (await session.liveFacts(options.existingProjectId)).project?.apiKeys.filter(k => stale(k.note)) ?? [];
    if (keys.length && !options.allowKeys) {
      result.notes.push(l10n.t('{0} key(s) noted {1}… by earlier runs are in this project; they were left alone (pass --allow-existing-keys to revoke them).', keys.length, CONFORMANCE_PREFIX));
      return;
    }
    for (const k of keys) {
      const key = shortPublicKey(k.publicKey);
      await attempt(l10n.t('key {0} revoked (left by an earlier run)', key), why => l10n.t('key {0}: {1}', key, why),
        async () => done(await session.perform({ kind: 'apiKey.revoke', projectId: options.existingProjectId!, keyId: k.id }), { kind: 'apiKey.revoke', key }));
    }
  }
}

/** A journal entry that could not be removed, with why: one sentence per kind. */
function problemWith(entry: Created, why: string): string {
  switch (entry.kind) {
    case 'project': return l10n.t('project {0}: {1}', entry.name, why);
    case 'member': return l10n.t('member {0}: {1}', entry.email, why);
    case 'apiKey': return entry.publicKey ? l10n.t('key {0}: {1}', shortPublicKey(entry.publicKey), why) : l10n.t('key noted "{0}": {1}', entry.note, why);
    case 'folder': return l10n.t('folder {0}: {1}', entry.path, why);
  }
}
