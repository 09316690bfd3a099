// What verifying the audit log reports (verify.ts and parallelVerify.ts produce it).
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
