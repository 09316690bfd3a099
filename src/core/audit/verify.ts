import * as crypto from 'node:crypto';
import { CHECKPOINT_ACTION, CheckpointDetails, checkpointProblem } from './checkpoint';
import { GENESIS_HASH } from './entry';
import { publicKeyId } from './signingKey';
import { l10n } from '../l10n/l10n';

import { gapMessage, type AuditVerifyReport, type CheckpointKeyInfo, type Gap, type VerifyOptions, type VerifyProblem } from './verifyReport';
import { streamLines } from './lineStream';
import { HASH_FIELD_FROM_END, HASH_FROM_END, HASH_HEX_LENGTH, LINE_PREFIX, MIN_LINE_LENGTH, PREV_END_FROM_END, PREV_FIELD_FROM_END, PREV_FROM_END } from './lineLayout';

// Byte positions come from lineLayout.ts (a line ends `"prev":"<64 hex>","hash":"<64 hex>"}`).
const SEQ_PREFIX = Buffer.from(LINE_PREFIX);
// A checkpoint's details end with its base64 Ed25519 signature (88 characters) right before "prev".
const SIGNATURE_MARKER = Buffer.from('"signature":"');
const SIGNATURE_AT = PREV_FIELD_FROM_END + 3 + 88 + SIGNATURE_MARKER.length;
const RING = 256;
/** scratch = previous hash, `\n`, the line's body, `}`: what the line's own hash covers (chain.ts entryHash). */
const SCRATCH_EXTRA = HASH_HEX_LENGTH + 2;


/**
 * Verifies the audit log in one streaming pass: each line's hash over its raw bytes, the link to the
 * previous entry, seq order, and every checkpoint signature. Says which line and how it was changed.
 * Only checkpoint lines are parsed as JSON; every other check reads fixed byte positions.
 */
export function verifyAuditLog(file: string, options: VerifyOptions = {}): AuditVerifyReport {
  const v = new ChainVerifier(file, options);
  streamLines(file, (b, s, e, unterminated) => v.line(b, s, e, unterminated));
  return v.finish();
}

export class ChainVerifier {
  /** Set when every line's own hash is known to match (checked in parallel); only links are checked. */
  trustHashes = false;
  private lineNo = 0;
  private entries = 0;
  /** The previous accepted entry's hash: the first 64 bytes of scratch. */
  private get prevHash(): string {
    return this.scratch.toString('latin1', 0, 64);
  }
  private expectedSeq = 1;
  private lastLine = 0;
  private lastSeq = 0;
  private scratch: Buffer = Buffer.from(`${GENESIS_HASH}\n`.padEnd(64 * 1024, " "), "latin1");
  private readonly ringSeq = new Array<number>(RING).fill(-1);
  private readonly ringHash = Buffer.alloc(RING * 64);
  private readonly ringLine = new Array<number>(RING).fill(0);
  private ringAt = 0;
  private readonly gaps: Gap[] = [];
  private readonly problems: VerifyProblem[] = [];
  private problemCount = 0;
  private readonly maxProblems: number;
  private checkpointCount = 0;
  private lastCoveredSeq = 0;
  private lastCheckpointSeq = 0;
  private readonly keys: CheckpointKeyInfo[] = [];
  private readonly pendingCheckpoints: { details: CheckpointDetails; lineNo: number; seq: number; tip: { seq: number; hash: string } }[] = [];
  private readonly trusted: Set<string> | undefined;

  constructor(private readonly file: string, private readonly options: VerifyOptions) {
    this.maxProblems = options.maxProblems ?? 1000;
    this.trusted = options.trustedKeys?.length
      ? new Set(options.trustedKeys.flatMap(k => [k, safeKeyId(k)]).filter(Boolean) as string[])
      : undefined;
  }

  line(b: Buffer, s: number, e: number, unterminated = false): void {
    const lineNo = ++this.lineNo;
    const len = e - s;
    if (len === 0) {
      this.problem({ line: lineNo, kind: 'malformed', message: l10n.t('line {0} is empty; the writer never writes empty lines', lineNo) });
      return;
    }
    // Fixed-position bytes only (no search): any other change shows up in the hash check.
    if (len < MIN_LINE_LENGTH || b[e - 1] !== 0x7d || b[e - 2] !== 0x22 || b[e - PREV_END_FROM_END] !== 0x22
      || b[e - HASH_FIELD_FROM_END] !== 0x2c || b[e - HASH_FIELD_FROM_END + 2] !== 0x68 || b[e - HASH_FROM_END - 1] !== 0x22 || b[e - PREV_FIELD_FROM_END] !== 0x22 || b[e - PREV_FIELD_FROM_END + 1] !== 0x70
      || b[s] !== 0x7b || b[s + 2] !== 0x76 || b[s + 8] !== 0x73 || b[s + 12] !== 0x3a) {
      this.problem({
        line: lineNo, kind: unterminated ? 'truncated' : 'malformed',
        message: unterminated
          ? l10n.t('line {0} is incomplete (the file ends mid-line: an interrupted write or a cut file)', lineNo)
          : l10n.t('line {0} is not an audit entry (damaged, or text inserted by hand)', lineNo),
      });
      return;
    }
    let seq = 0;
    for (let i = s + SEQ_PREFIX.length; i < e; i++) {
      const c = b[i];
      if (c < 0x30 || c > 0x39) break;
      seq = seq * 10 + (c - 0x30);
    }
    const bodyLen = len - HASH_FIELD_FROM_END; // up to, not including, `,"hash":"`
    if (this.scratch.length < bodyLen + SCRATCH_EXTRA) this.scratch = growScratch(this.scratch, bodyLen + SCRATCH_EXTRA);
    this.entries++;
    // scratch[0..64) holds the previous entry's hash (see accept): an intact line costs a byte
    // compare of its "prev", one copy and one hash; anything else takes the slow path below.
    if (seq === this.expectedSeq && b.compare(this.scratch, 0, 64, e - PREV_FROM_END, e - PREV_END_FROM_END) === 0) {
      let intact = true;
      if (!this.trustHashes) {
        b.copy(this.scratch, 65, s, s + bodyLen);
        this.scratch[65 + bodyLen] = 0x7d;
        intact = crypto.hash('sha256', this.scratch.subarray(0, SCRATCH_EXTRA + bodyLen)) === b.toString('latin1', e - HASH_FROM_END, e - 2);
      }
      if (intact) {
        if (this.looksLikeCheckpoint(b, e)) this.checkpoint(b, s, e, lineNo, seq, this.prevHash);
        this.acceptBytes(b, e, lineNo, seq);
        return;
      }
    }
    const stored = b.toString('latin1', e - HASH_FROM_END, e - 2);
    if (!this.trustHashes) {
      b.copy(this.scratch, 65, s, s + bodyLen);
      this.scratch[65 + bodyLen] = 0x7d;
    }
    const prev = b.toString('latin1', e - PREV_FROM_END, e - PREV_END_FROM_END);
    const tipBefore = this.prevHash;
    this.scratch.write(prev, 0, 'latin1');
    if (!this.trustHashes && crypto.hash('sha256', this.scratch.subarray(0, SCRATCH_EXTRA + bodyLen)) !== stored) {
      this.problem({ line: lineNo, seq, kind: 'edited', message: l10n.t('line {0} (seq {1}) was changed after it was written: its content no longer matches its hash', lineNo, seq) });
      this.accept(lineNo, seq, stored);
      return;
    }
    if (!this.classifyBreak(lineNo, seq, prev, stored)) {
      this.scratch.write(tipBefore, 0, 'latin1');
      return;
    }
    if (this.looksLikeCheckpoint(b, e)) this.checkpoint(b, s, e, lineNo, seq, prev);
    this.accept(lineNo, seq, stored);
  }

  /** Reports how the chain broke at this line; false when the line is out of place and must not become the tip. */
  private classifyBreak(lineNo: number, seq: number, prev: string, hash: string): boolean {
    if (seq < this.expectedSeq) {
      this.remember(lineNo, seq, hash);
      const gap = this.gaps.find(g => seq >= g.from && seq <= g.to);
      if (gap) {
        this.fillGap(gap, seq);
        this.problem({ line: lineNo, seq, kind: 'reordered', message: l10n.t('line {0} (seq {1}) is out of order: it belongs before line {2}', lineNo, seq, gap.beforeLine) });
        return false;
      }
      const twin = this.findSeq(seq);
      this.problem(twin !== undefined
        ? { line: lineNo, seq, kind: 'inserted', message: l10n.t('line {0} repeats seq {1} of line {2}: one of the two was inserted', lineNo, seq, twin) }
        : { line: lineNo, seq, kind: 'reordered', message: l10n.t('line {0} (seq {1}) is out of order: it comes after seq {2}', lineNo, seq, this.expectedSeq - 1) });
      return false;
    }
    if (seq > this.expectedSeq) {
      this.gaps.push({ from: this.expectedSeq, to: seq - 1, afterLine: this.lastLine, beforeLine: lineNo });
    } else if (this.findHash(prev) !== seq - 1) {
      this.problem(this.lastLine > 0
        ? { line: this.lastLine, seq: seq - 1, kind: 'edited', message: l10n.t('line {0} (seq {1}) was rewritten: line {2} links to a different version of it', this.lastLine, seq - 1, lineNo) }
        : { line: lineNo, seq, kind: 'edited', message: l10n.t('line {0} (seq {1}) does not start the chain: earlier lines were removed or it was rewritten', lineNo, seq) });
    }
    return true;
  }

  private looksLikeCheckpoint(b: Buffer, e: number): boolean {
    const at = e - SIGNATURE_AT;
    return b[e - PREV_FIELD_FROM_END - 2] === 0x7d && b[e - PREV_FIELD_FROM_END - 3] === 0x22 && b[at] === 0x22 && b[at + 1] === 0x73 && b[at + 11] === 0x3a
      && b.compare(SIGNATURE_MARKER, 0, SIGNATURE_MARKER.length, e - SIGNATURE_AT, e - SIGNATURE_AT + SIGNATURE_MARKER.length) === 0;
  }

  /**
   * Checks a checkpoint's shape and what it covers at once; its signature is checked at the end. With an
   * unbroken chain the last valid signature vouches for every line before it, so only when that one
   * fails (or the chain is broken) are the earlier signatures checked one by one to say where.
   */
  private checkpoint(b: Buffer, s: number, e: number, lineNo: number, seq: number, prev: string): void {
    let details: CheckpointDetails;
    try {
      const body = JSON.parse(b.toString('utf8', s, e)) as { action?: unknown; details?: unknown };
      if (body.action !== CHECKPOINT_ACTION) return;
      const parsed = CheckpointDetails.safeParse(body.details);
      if (!parsed.success) throw new Error('shape');
      details = parsed.data;
    } catch {
      this.problem({ line: lineNo, seq, kind: 'bad-checkpoint', message: l10n.t('line {0} is a checkpoint without a readable signature', lineNo) });
      return;
    }
    this.pendingCheckpoints.push({ details, lineNo, seq, tip: { seq: seq - 1, hash: prev } });
  }

  private settleCheckpoints(): void {
    const all = this.pendingCheckpoints;
    const checkAll = this.problemCount > 0 || all.length === 0
      || checkpointProblem(all[all.length - 1].details, all[all.length - 1].tip) !== undefined;
    all.forEach((c, i) => {
      const { details, lineNo, seq } = c;
      const why = checkAll || i === all.length - 1 ? checkpointProblem(details, c.tip) : undefined;
      if (why) {
        this.problem({ line: lineNo, seq, kind: 'bad-checkpoint', message: l10n.t('checkpoint at line {0} does not hold: {1}', lineNo, why) });
        return;
      }
      if (this.trusted && !this.trusted.has(details.publicKey) && !this.trusted.has(details.keyId)) {
        this.problem({ line: lineNo, seq, kind: 'untrusted-key', message: l10n.t('checkpoint at line {0} is signed with key {1}, which is not one of the trusted keys', lineNo, details.keyId) });
      } else if (!this.trusted && this.keys.length > 0 && !this.keys.some(k => k.keyId === details.keyId)) {
        this.problem({ line: lineNo, seq, kind: 'key-changed', message: l10n.t('checkpoint at line {0} is signed with a new key {1} (earlier: {2}); expected only if the state folder\'s key was lost or replaced', lineNo, details.keyId, this.keys.map(k => k.keyId).join(', ')) });
      }
      if (!this.keys.some(k => k.keyId === details.keyId)) this.keys.push({ keyId: details.keyId, publicKey: details.publicKey, firstLine: lineNo });
      this.checkpointCount++;
      this.lastCoveredSeq = seq - 1;
      this.lastCheckpointSeq = seq;
    });
  }

  private accept(lineNo: number, seq: number, hash: string): void {
    const bytes = Buffer.from(hash, 'latin1');
    this.acceptBytes(bytes, HASH_FROM_END, lineNo, seq); // acceptBytes reads the hash at [e - HASH_FROM_END, e - 2)
  }

  /** Makes the line whose hash is at b[e - HASH_FROM_END, e - 2) the chain tip; no strings on this hot path. */
  private acceptBytes(b: Buffer, e: number, lineNo: number, seq: number): void {
    const tip = this.options.knownTip;
    if (tip?.hash && seq === tip.seq && b.toString('latin1', e - HASH_FROM_END, e - 2) !== tip.hash) {
      this.problem({ line: lineNo, seq, kind: 'edited', message: l10n.t('line {0} (seq {1}) differs from the entry already recorded outside this machine: the log was rewritten at or before this line', lineNo, seq) });
    }
    b.copy(this.scratch, 0, e - HASH_FROM_END, e - 2);
    this.expectedSeq = seq + 1;
    this.lastLine = lineNo;
    this.lastSeq = seq;
    this.rememberBytes(b, e, lineNo, seq);
  }

  private remember(lineNo: number, seq: number, hash: string): void {
    this.rememberBytes(Buffer.from(hash, 'latin1'), HASH_FROM_END, lineNo, seq);
  }

  private rememberBytes(b: Buffer, e: number, lineNo: number, seq: number): void {
    const i = this.ringAt;
    this.ringSeq[i] = seq;
    b.copy(this.ringHash, i * 64, e - HASH_FROM_END, e - 2);
    this.ringLine[i] = lineNo;
    this.ringAt = (i + 1) % RING;
  }

  private findSeq(seq: number): number | undefined {
    for (let i = 0; i < RING; i++) if (this.ringSeq[i] === seq) return this.ringLine[i];
    return undefined;
  }

  private findHash(hash: string): number | undefined {
    for (let i = 0; i < RING; i++) if (this.ringSeq[i] !== -1 && this.ringHash.toString('latin1', i * 64, i * 64 + 64) === hash) return this.ringSeq[i];
    return undefined;
  }

  private fillGap(gap: Gap, seq: number): void {
    const at = this.gaps.indexOf(gap);
    const parts: Gap[] = [];
    if (gap.from < seq) parts.push({ ...gap, to: seq - 1 });
    if (seq < gap.to) parts.push({ ...gap, from: seq + 1 });
    this.gaps.splice(at, 1, ...parts);
  }

  private problem(p: VerifyProblem): void {
    this.problemCount++;
    if (this.problems.length < this.maxProblems) this.problems.push(p);
  }

  finish(): AuditVerifyReport {
    this.settleCheckpoints();
    for (const g of this.gaps) {
      this.problem({ line: g.beforeLine, seq: g.from, kind: 'deleted', message: gapMessage(g) });
    }
    const tip = this.options.knownTip;
    if (tip && tip.seq > this.lastSeq) {
      this.problem({ line: this.lineNo, seq: tip.seq, kind: 'deleted', message: l10n.t('the log ends at seq {0}, but seq {1} was already recorded outside this machine: lines were removed from the end', this.lastSeq, tip.seq) });
    }
    this.problems.sort((a, b) => a.line - b.line);
    return {
      file: this.file,
      ok: this.problemCount === 0,
      lines: this.lineNo,
      entries: this.entries,
      lastSeq: this.lastSeq,
      lastHash: this.prevHash,
      problems: this.problems,
      problemsTruncated: this.problemCount > this.problems.length,
      checkpoints: { count: this.checkpointCount, lastCoveredSeq: this.lastCoveredSeq, keys: this.keys },
      unsignedEntries: Math.max(0, this.lastSeq - this.lastCheckpointSeq),
    };
  }
}

function growScratch(old: Buffer, size: number): Buffer {
  const next = Buffer.allocUnsafe(size * 2);
  old.copy(next, 0, 0, 65);
  return next;
}

function safeKeyId(key: string): string | undefined {
  try {
    return Buffer.from(key, 'base64').length === 32 ? publicKeyId(key) : undefined;
  } catch {
    return undefined;
  }
}
