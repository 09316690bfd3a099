// Removing what conformance runs created: first what this run's journal (or a killed run's) names,
// then leftovers carrying the prefix from runs older than an hour whose journal is elsewhere (another
// machine, a wiped CI runner). Every removal goes through the session: guarded and audited.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shortPublicKey } from '../log/redact';
import { CONFORMANCE_PREFIX, StateFiles } from '../names';
import { canRollBack, isFinished, JournalStore, type RotationJournal } from '../rotation';
import type { Session } from '../session';
import { done, messageOf } from './context';
import { runStartOf, type ConformanceJournal, type Created } from './journal';
import type { CleanupResult } from './types';

/** A prefixed object without a journal here is someone else's running test until it is this old. */
export const SWEEP_AFTER_MS = 60 * 60_000;

export const SCIM_USER_NOTE = 'SCIM-created users stay in Langfuse as users without any membership (the public API cannot delete users).';

export async function cleanUpJournal(session: Session, journal: ConformanceJournal, result: CleanupResult): Promise<void> {
  const order: Created['kind'][] = ['apiKey', 'member', 'project', 'folder'];
  const entries = [...journal.data.created].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const entry of entries) {
    try {
      const removed = await remove(session, entry);
      if (removed) result.removed.push(removed);
      journal.forget(entry);
    } catch (err) {
      result.problems.push(`${describe(entry)}: ${messageOf(err)}`);
    }
  }
  if (!journal.closeIfEmpty()) result.problems.push(`Kept ${journal.file}: the next conformance run against this server retries what is left.`);
}

async function remove(session: Session, entry: Created): Promise<string | undefined> {
  switch (entry.kind) {
    case 'folder': {
      const conformanceDir = path.join(session.host.port.stateDir, StateFiles.conformanceDir);
      if (!path.resolve(entry.path).startsWith(`${conformanceDir}${path.sep}`)) throw new Error('not inside the conformance state folder; left alone');
      if (!fs.existsSync(entry.path)) return undefined;
      fs.rmSync(entry.path, { recursive: true, force: true });
      return `folder ${entry.path} removed`;
    }
    case 'member': {
      const member = (await session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === entry.email.toLowerCase());
      if (!member) return undefined;
      done(await session.perform({ kind: 'member.remove', userId: member.userId }), `removing ${entry.email}`);
      return `member ${entry.email} removed`;
    }
    case 'project': {
      await session.liveFacts(undefined);
      const projects = (await session.model.overview()).projects ?? [];
      const project = projects.find(p => (entry.id ? p.id === entry.id : p.name === entry.name));
      if (!project) return undefined;
      done(await session.perform({ kind: 'project.delete', projectId: project.id }), `deleting ${project.name}`);
      return `project ${project.name} deleted (with its keys)`;
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
        done(await session.perform({ kind: 'apiKey.revoke', projectId: entry.projectId, keyId: key.id }), `revoking ${shortPublicKey(key.publicKey)}`);
        lines.push(`key ${shortPublicKey(key.publicKey)} revoked`);
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
        if (!result || (result.outcome !== 'completed' && result.outcome !== 'rolledBack')) throw new Error(`rotation ${journal.id} could not be finished or rolled back${result?.journal.waiting ? `: ${result.journal.waiting.message}` : ''}`);
        final = result.journal;
        lines.push(`rotation ${journal.id} ${result.outcome === 'completed' ? 'finished' : 'rolled back'}`);
      } finally {
        rotations.close();
      }
    }
    const newKey = final.status === 'completed' ? final.newKey : undefined;
    if (newKey?.id && final.project.id) {
      const facts = await session.liveFacts(final.project.id);
      if (facts.project?.apiKeys.some(k => k.id === newKey.id)) {
        done(await session.perform({ kind: 'apiKey.revoke', projectId: final.project.id, keyId: newKey.id }), `revoking ${shortPublicKey(newKey.publicKey)}`);
        lines.push(`key ${shortPublicKey(newKey.publicKey)} (from rotation ${final.id}) revoked`);
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
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try { await fn(); result.removed.push(what); } catch (err) { result.problems.push(`${what.replace(/ (deleted|removed|revoked).*$/, '')}: ${messageOf(err)}`); }
  };
  const facts = await session.liveFacts(undefined);
  for (const m of facts.members) {
    if (m.email?.toLowerCase().endsWith('@example.com') && stale(m.email.toLowerCase())) {
      await attempt(`member ${m.email} removed (left by an earlier run)`, async () => done(await session.perform({ kind: 'member.remove', userId: m.userId }), `removing ${m.email}`));
    }
  }
  for (const p of (await session.model.overview()).projects ?? []) {
    if (stale(p.name)) await attempt(`project ${p.name} deleted (left by an earlier run)`, async () => done(await session.perform({ kind: 'project.delete', projectId: p.id }), `deleting ${p.name}`));
  }
  if (options.existingProjectId) {
    const keys = (await session.liveFacts(options.existingProjectId)).project?.apiKeys.filter(k => stale(k.note)) ?? [];
    if (keys.length && !options.allowKeys) {
      result.notes.push(`${keys.length} key(s) noted ${CONFORMANCE_PREFIX}… by earlier runs are in this project; they were left alone (pass --allow-existing-keys to revoke them).`);
      return;
    }
    for (const k of keys) {
      await attempt(`key ${shortPublicKey(k.publicKey)} revoked (left by an earlier run)`, async () => done(await session.perform({ kind: 'apiKey.revoke', projectId: options.existingProjectId!, keyId: k.id }), `revoking ${shortPublicKey(k.publicKey)}`));
    }
  }
}

function describe(entry: Created): string {
  switch (entry.kind) {
    case 'project': return `project ${entry.name}`;
    case 'member': return `member ${entry.email}`;
    case 'apiKey': return `key ${entry.publicKey ? shortPublicKey(entry.publicKey) : `noted "${entry.note}"`}`;
    case 'folder': return `folder ${entry.path}`;
  }
}
