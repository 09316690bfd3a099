// Whether an audit log should be there. `audit verify` on a missing log must not say "intact": a
// deleted log is the bluntest tampering. What outlives the log in the state folder — the checkpoint
// signing key (created at the first checkpoint) and forwarding cursors (written after entries were
// sent) — shows that this machine recorded changes before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { FORWARD_STATE_DIR } from './forward/forwardConfig';
import { AUDIT_SIGNING_KEY_FILE } from './signingKey';

export interface AuditLogPresence {
  file: string;
  /** The file exists and holds at least one byte. */
  present: boolean;
  /** Why a log was expected when it is not present: what in the state folder shows one existed. */
  expectedBecause: string[];
}

function nonEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

export function auditLogPresence(file: string, stateDir: string): AuditLogPresence {
  if (nonEmptyFile(file)) return { file, present: true, expectedBecause: [] };
  const because: string[] = [];
  if (fs.existsSync(path.join(stateDir, AUDIT_SIGNING_KEY_FILE))) because.push(l10n.t('the checkpoint signing key {0} (written when entries were first signed)', AUDIT_SIGNING_KEY_FILE));
  let cursors: string[] = [];
  try { cursors = fs.readdirSync(path.join(stateDir, FORWARD_STATE_DIR)).filter(n => n.endsWith('.json')); } catch { /* no forwarding yet */ }
  if (cursors.length) because.push(cursors.length === 1
    ? l10n.t('1 forwarding cursor in {0}/ (entries were sent to a SIEM or syslog)', FORWARD_STATE_DIR)
    : l10n.t('{0} forwarding cursors in {1}/ (entries were sent to a SIEM or syslog)', cursors.length, FORWARD_STATE_DIR));
  return { file, present: false, expectedBecause: because };
}

/** What to tell a person about a log that is not there: missing (a failure) or nothing recorded yet. */
export function missingLogText(p: AuditLogPresence, named: boolean): { ok: boolean; text: string } {
  if (named) return { ok: false, text: l10n.t('{0}: no audit log there (the file named with --log does not exist or is empty).', p.file) };
  if (p.expectedBecause.length) {
    return { ok: false, text: l10n.t('{0}: MISSING. This machine recorded changes before — {1} — but the audit log is gone or empty: it was deleted, truncated or moved. Restore it from a backup or your SIEM.', p.file, p.expectedBecause.join('; ')) };
  }
  return { ok: true, text: l10n.t('{0}: no audit log yet — nothing has been recorded on this machine (no signing key, no forwarding cursor).', p.file) };
}
