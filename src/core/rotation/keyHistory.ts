// Why a key the user names is not among its project's keys, told from what this machine knows: its
// rotation journals (a rotation here revoked it: which one, when, by whom, replaced by what) and its
// audit log (the last time this tool saw the key). Used by the engine's refusal, so the CLI and the
// wizard say the same thing.
import * as path from 'node:path';
import { readAuditLog } from '../audit/reader';
import type { AuditEntry } from '../audit/entry';
import { shortPublicKey } from '../log/redact';
import { StateFiles } from '../names';
import { toolLabel } from './errors';
import type { RotationJournal } from './journal';
import { reached } from './steps';

export interface KeyHistory {
  publicKey: string;
  /** The rotation on this machine that revoked the key (or started to), newest first. */
  revokedBy?: {
    rotationId: string;
    tool: string;
    actor: string;
    /** When the revoke was recorded (or started). */
    at: string;
    status: RotationJournal['status'];
    newPublicKey?: string;
    targets: string[];
  };
  /** The newest trace of the key in this machine's audit log. */
  lastSeen?: { at: string; action: string; actor: string; tool: string };
}

export function keyHistory(publicKey: string, journals: readonly RotationJournal[], auditEntries: readonly AuditEntry[] = []): KeyHistory {
  const history: KeyHistory = { publicKey };
  const revoking = journals.filter(j => j.oldKey?.publicKey === publicKey && j.status !== 'rolledBack' && reached(j.mode, j.step, 'revoking'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (revoking) {
    const at = [...revoking.history].reverse().find(h => h.step === 'revoked')?.at ?? [...revoking.history].reverse().find(h => h.step === 'revoking')?.at ?? revoking.updatedAt;
    history.revokedBy = {
      rotationId: revoking.id, tool: revoking.tool, actor: revoking.actor, at, status: revoking.status,
      newPublicKey: revoking.newKey?.publicKey, targets: revoking.targets.map(t => t.target),
    };
  }
  const seen = auditEntries.find(e => mentions(e, publicKey));
  if (seen) history.lastSeen = { at: seen.time, action: seen.action, actor: seen.actor.identity, tool: seen.actor.tool };
  return history;
}

function mentions(e: AuditEntry, publicKey: string): boolean {
  if (e.resource.name === publicKey) return true;
  const d = e.details;
  return d.oldPublicKey === publicKey || d.newPublicKey === publicKey || d.publicKey === publicKey;
}

/** Reads the audit log of the state folder (newest first); a missing or unreadable log reads as empty. */
export function auditEntriesOf(stateDir: string): AuditEntry[] {
  try { return readAuditLog(path.join(stateDir, StateFiles.auditLog), { hideCheckpoints: true }).entries; } catch { return []; }
}

/**
 * The refusal for a key that is not among `project`'s keys. Names the rotation on this machine that
 * revoked it (id, when, by whom, the replacing key masked) and the next step; otherwise says it was
 * revoked or deleted in Langfuse and what this machine last knew of it.
 */
export function missingKeyMessage(h: KeyHistory, project: string, options: { otherProject?: string } = {}): string {
  const key = h.publicKey;
  if (options.otherProject) {
    return `${key} is a key of project ${options.otherProject}, not of ${project}. Rotate it with the project ${options.otherProject}.`;
  }
  const r = h.revokedBy;
  if (r) {
    const replaced = r.newPublicKey ? `, replaced by ${shortPublicKey(r.newPublicKey)}` : '';
    const state = r.status === 'completed' ? 'completed' : `still unfinished (status ${r.status})`;
    const where = r.newPublicKey && r.targets.length ? ` The new key is in ${r.targets.join(', ')}.` : '';
    return `${key} is no longer a key of project ${project}: rotation ${r.rotationId} revoked it at ${r.at} (by ${r.actor} with ${toolLabel(r.tool)}${replaced}; that rotation is ${state}).${where} `
      + `Use the new key${r.newPublicKey ? ` ${shortPublicKey(r.newPublicKey)}` : ''} (rotate that one if it needs rotating), and see "langfuse-access rotate --list" for the rotation's report.`;
  }
  const seen = h.lastSeen
    ? `This machine last saw it at ${h.lastSeen.at} (${h.lastSeen.action} by ${h.lastSeen.actor} with ${toolLabel(h.lastSeen.tool)}).`
    : 'No rotation or audit entry on this machine mentions it.';
  return `${key} is not a key of project ${project}: it was revoked or deleted in Langfuse (not by a rotation on this machine), or it belongs to another organization or instance. ${seen} `
    + 'Rotate the key your services use now (check it in the Langfuse UI: project → Settings → API Keys), or create a new key if none is left.';
}
