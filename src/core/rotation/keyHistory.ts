// Why a key the user names is not among its project's keys, told from what this machine knows: its
// rotation journals (a rotation here revoked it: which one, when, by whom, replaced by what) and its
// audit log (the last time this tool saw the key). Used by the engine's refusal, so the CLI and the
// wizard say the same thing.
import * as path from 'node:path';
import { readAuditLog } from '../audit/reader';
import type { AuditEntry } from '../audit/entry';
import { shortPublicKey } from '../log/redact';
import { StateFiles } from '../names';
import { l10n } from '../l10n/l10n';
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
    return l10n.t('{0} is a key of project {1}, not of {2}. Rotate it with the project {1}.', key, options.otherProject, project);
  }
  const r = h.revokedBy;
  const list = 'langfuse-access rotate --list';
  if (r) {
    const tool = toolLabel(r.tool);
    const next = r.newPublicKey ? shortPublicKey(r.newPublicKey) : undefined;
    const first = next
      ? (r.status === 'completed'
        ? l10n.t('{0} is no longer a key of project {1}: rotation {2} revoked it at {3} (by {4} with {5}, replaced by {6}; that rotation is completed).', key, project, r.rotationId, r.at, r.actor, tool, next)
        : l10n.t('{0} is no longer a key of project {1}: rotation {2} revoked it at {3} (by {4} with {5}, replaced by {6}; that rotation is still unfinished (status {7})).', key, project, r.rotationId, r.at, r.actor, tool, next, r.status))
      : (r.status === 'completed'
        ? l10n.t('{0} is no longer a key of project {1}: rotation {2} revoked it at {3} (by {4} with {5}; that rotation is completed).', key, project, r.rotationId, r.at, r.actor, tool)
        : l10n.t('{0} is no longer a key of project {1}: rotation {2} revoked it at {3} (by {4} with {5}; that rotation is still unfinished (status {6})).', key, project, r.rotationId, r.at, r.actor, tool, r.status));
    return [
      first,
      ...(next && r.targets.length ? [l10n.t('The new key is in {0}.', r.targets.join(', '))] : []),
      next ? l10n.t('Use the new key {0} (rotate that one if it needs rotating), and see "{1}" for the rotation\'s report.', next, list)
        : l10n.t('Use the new key (rotate that one if it needs rotating), and see "{0}" for the rotation\'s report.', list),
    ].join(' ');
  }
  return [
    l10n.t('{0} is not a key of project {1}: it was revoked or deleted in Langfuse (not by a rotation on this machine), or it belongs to another organization or instance.', key, project),
    h.lastSeen
      ? l10n.t('This machine last saw it at {0} ({1} by {2} with {3}).', h.lastSeen.at, h.lastSeen.action, h.lastSeen.actor, toolLabel(h.lastSeen.tool))
      : l10n.t('No rotation or audit entry on this machine mentions it.'),
    l10n.t('Rotate the key your services use now (check it in the Langfuse UI: project → Settings → API Keys), or create a new key if none is left.'),
  ].join(' ');
}
