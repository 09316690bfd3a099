import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from '../../zod';
import { l10n } from '../../l10n/l10n';
import { writeFileAtomicSync } from '../../state/atomicWrite';
import { ensurePrivateDir } from '../../state/stateDir';
import { FORWARD_STATE_DIR } from './forwardConfig';

/** The last entry a destination acknowledged. Everything after it in the log is the queue. */
export const ForwardCursor = z.object({
  seq: z.number(),
  hash: z.string(),
  destination: z.string(),
  updated: z.string(),
});
export type ForwardCursor = z.infer<typeof ForwardCursor>;

/** One cursor file per destination; a new destination starts from the beginning of the log. */
export function cursorFile(stateDir: string, destination: string): string {
  const id = crypto.createHash('sha256').update(destination).digest('hex').slice(0, 16);
  return path.join(stateDir, FORWARD_STATE_DIR, `${id}.json`);
}

export function readCursor(stateDir: string, destination: string): ForwardCursor | undefined {
  const file = cursorFile(stateDir, destination);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = ForwardCursor.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(l10n.t('{0} is damaged; delete it to resend the whole log to {1}', file, destination));
  return parsed.data;
}

/** Written atomically after each acknowledged batch, so a crash never moves it past unsent entries. */
export function writeCursor(stateDir: string, cursor: ForwardCursor): void {
  const file = cursorFile(stateDir, cursor.destination);
  ensurePrivateDir(path.dirname(file));
  writeFileAtomicSync(file, JSON.stringify(cursor), { mode: 0o600 });
}

/**
 * The furthest entry any destination has acknowledged: verify checks the log still holds it (same
 * seq, same hash), so lines cut from the end or history rewritten before it are detected.
 */
export function forwardedTip(stateDir: string): { seq: number; hash: string } | undefined {
  const dir = path.join(stateDir, FORWARD_STATE_DIR);
  let best: ForwardCursor | undefined;
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return undefined; }
  for (const name of names.filter(n => n.endsWith('.json'))) {
    try {
      const parsed = ForwardCursor.safeParse(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
      if (parsed.success && (!best || parsed.data.seq > best.seq)) best = parsed.data;
    } catch { /* a damaged cursor says nothing */ }
  }
  return best ? { seq: best.seq, hash: best.hash } : undefined;
}
