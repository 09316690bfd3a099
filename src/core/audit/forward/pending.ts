import * as fs from 'node:fs';
import { l10n } from '../../l10n/l10n';
import type { AuditEntry } from '../entry';
import { GENESIS_HASH } from '../entry';
import { parseEntryLine } from '../reader';

export class ChainDivergedError extends Error {}

/**
 * Entries after `after` (oldest first, at most `limit`), checked to continue the chain from it: a
 * destination never receives entries that do not link to what it already has.
 */
export function pendingEntries(file: string, after: { seq: number; hash: string } | undefined, limit: number): AuditEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const fromSeq = after?.seq ?? 0;
  let prev = after?.hash ?? GENESIS_HASH;
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (out.length >= limit) break;
    const m = /^\{"v":1,"seq":(\d+),/.exec(line);
    if (!m || Number(m[1]) <= fromSeq) continue;
    const entry = parseEntryLine(line);
    if (!entry || entry.prev !== prev || entry.seq !== fromSeq + out.length + 1) {
      throw new ChainDivergedError(l10n.t('the audit log does not continue from seq {0} as already forwarded (line for seq {1} does not link); run "{2}" — nothing more is forwarded until it is resolved', fromSeq + out.length, m[1], 'langfuse-access audit verify'));
    }
    out.push(entry);
    prev = entry.hash;
  }
  return out;
}
