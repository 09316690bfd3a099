// What verifying the audit log reports (verify.ts and parallelVerify.ts produce it).
import { l10n } from '../l10n/l10n';

export type VerifyProblemKind =
  | 'malformed' | 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated'
  | 'bad-checkpoint' | 'key-changed' | 'untrusted-key';

export interface VerifyProblem {
  /** 1-based line in the file where the problem shows. */
  line: number;
  seq?: number;
  kind: VerifyProblemKind;
  message: string;
}

export interface CheckpointKeyInfo { keyId: string; publicKey: string; firstLine: number }

export interface AuditVerifyReport {
  file: string;
  ok: boolean;
  lines: number;
  entries: number;
  lastSeq: number;
  lastHash: string;
  problems: VerifyProblem[];
  /** More problems were found than `maxProblems`; only the first ones are listed. */
  problemsTruncated: boolean;
  checkpoints: { count: number; lastCoveredSeq: number; keys: CheckpointKeyInfo[] };
  /** Entries after the last valid checkpoint: protected by the hash chain only. */
  unsignedEntries: number;
}

export interface VerifyOptions {
  /** Public keys (base64) or key ids the checkpoints must be signed with. */
  trustedKeys?: string[];
  /** A tip known from outside (a SIEM cursor): lines removed from the end are reported. */
  knownTip?: { seq: number; hash?: string };
  maxProblems?: number;
}

/** Entries missing from the chain: seq `from`…`to`, between two lines (`afterLine` 0: before the first). */
export interface Gap { from: number; to: number; afterLine: number; beforeLine: number }

/** One whole sentence per shape of a gap (one seq or a range; before the first line or between two). */
export function gapMessage(g: Gap): string {
  if (g.from === g.to) {
    return g.afterLine > 0
      ? l10n.t('seq {0} is missing between line {1} and line {2}: deleted', g.from, g.afterLine, g.beforeLine)
      : l10n.t('seq {0} is missing before line {1}: deleted', g.from, g.beforeLine);
  }
  return g.afterLine > 0
    ? l10n.t('seq {0}–{1} are missing between line {2} and line {3}: deleted', g.from, g.to, g.afterLine, g.beforeLine)
    : l10n.t('seq {0}–{1} are missing before line {2}: deleted', g.from, g.to, g.beforeLine);
}
