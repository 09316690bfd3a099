// Reads the paths tracked by git from `.git/index` without running git: in an untrusted workspace a
// repository's own config (core.fsmonitor, hooks, filters) can make a spawned `git` run commands.
// Format: https://git-scm.com/docs/index-format (versions 2, 3 and 4, sparse directory entries).

import { l10n } from '../l10n/l10n';

export interface GitIndex {
  version: number;
  /** Tracked file paths, forward slashes, relative to the work tree. */
  paths: Set<string>;
  /** Sparse-index directory entries ("dir/"): everything below them is tracked. */
  sparseDirectories: string[];
}

const SIGNATURE = 0x44495243; // "DIRC"
const ENTRY_FIXED_BYTES = 62; // ctime..sha1 (60) + flags (2)
const EXTENDED_FLAG = 0x4000;

export class GitIndexError extends Error {}

export function parseGitIndex(data: Uint8Array): GitIndex {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 12 || view.getUint32(0) !== SIGNATURE) throw new GitIndexError(l10n.t('Not a git index file (missing DIRC signature).'));
  const version = view.getUint32(4);
  if (version < 2 || version > 4) throw new GitIndexError(l10n.t('Unsupported git index version {0}.', version));
  const count = view.getUint32(8);
  const decoder = new TextDecoder('utf-8');
  const paths = new Set<string>();
  const sparseDirectories: string[] = [];
  let offset = 12;
  let previous = new Uint8Array(0);

  for (let n = 0; n < count; n++) {
    const entryStart = offset;
    if (offset + ENTRY_FIXED_BYTES > data.byteLength) throw new GitIndexError(l10n.t('Truncated git index entry.'));
    const flags = view.getUint16(offset + 60);
    offset += ENTRY_FIXED_BYTES;
    if (version >= 3 && (flags & EXTENDED_FLAG) !== 0) offset += 2;

    let name: string;
    if (version === 4) {
      // Prefix compression: drop N bytes from the previous name, then a NUL-terminated suffix.
      let byte = data[offset++];
      let drop = byte & 0x7f;
      while (byte & 0x80) {
        byte = data[offset++];
        drop = ((drop + 1) << 7) | (byte & 0x7f);
      }
      const end = data.indexOf(0, offset);
      if (end < 0) throw new GitIndexError(l10n.t('Truncated git index path.'));
      const kept = previous.subarray(0, Math.max(0, previous.length - drop));
      const bytes = new Uint8Array(kept.length + end - offset);
      bytes.set(kept, 0);
      bytes.set(data.subarray(offset, end), kept.length);
      previous = bytes;
      name = decoder.decode(bytes);
      offset = end + 1;
    } else {
      const end = data.indexOf(0, offset);
      if (end < 0) throw new GitIndexError(l10n.t('Truncated git index path.'));
      name = decoder.decode(data.subarray(offset, end));
      // Entries are NUL-padded to a multiple of 8 bytes (at least one NUL).
      offset = entryStart + ((end - entryStart + 8) & ~7);
    }
    if (name.endsWith('/')) sparseDirectories.push(name);
    else paths.add(name);
  }
  return { version, paths, sparseDirectories };
}

export function isTrackedPath(index: GitIndex, relativePath: string): boolean {
  if (index.paths.has(relativePath)) return true;
  return index.sparseDirectories.some(dir => relativePath.startsWith(dir));
}
