import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Follows symlinks (also dangling ones, which `realpath` refuses) so a write replaces the file the
 * link points to and the link itself stays a link.
 */
export function resolveLinkTarget(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try { stat = fs.lstatSync(current); } catch { return current; }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  const err = new Error(`too many levels of symbolic links at ${file}`) as NodeJS.ErrnoException;
  err.code = 'ELOOP';
  throw err;
}
