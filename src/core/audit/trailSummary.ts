// The "Audit trail" row of the compliance report: this machine's audit log, verified the way
// `audit verify` does it — a log that is gone where one was expected fails, like a tampered one.
import * as path from 'node:path';
import type { AuditTrailSummary } from '../deployment/complianceReport';
import { StateFiles } from '../names';
import { forwardedTip } from './forward/cursor';
import { auditLogPresence } from './logPresence';
import { verifyAuditLogParallel } from './parallelVerify';

export async function auditTrailSummary(stateDir: string): Promise<AuditTrailSummary> {
  const file = path.join(stateDir, StateFiles.auditLog);
  const presence = auditLogPresence(file, stateDir);
  if (!presence.present) return { file, ok: presence.expectedBecause.length === 0, entries: 0, problems: presence.expectedBecause.length ? 1 : 0, keyIds: [] };
  const v = await verifyAuditLogParallel(file, { knownTip: forwardedTip(stateDir) });
  return { file, ok: v.ok, entries: v.entries, problems: v.problems.length, keyIds: v.checkpoints.keys.map(k => k.keyId) };
}
