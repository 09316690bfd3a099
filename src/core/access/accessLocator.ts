// Finds the access file that applies to a path: the nearest `.langfuse/access.yaml` up the tree
// (monorepos may hold several), and loads it from disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedAccessFile } from './accessFile';
import { parseAccessFile } from './accessFile';
import { ACCESS_DIR, ACCESS_FILE_NAME } from './accessSchema';

/** The nearest access file at or above `startDir`, or undefined. `exists` is injectable for tests and editors. */
export function findAccessFile(startDir: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, ACCESS_DIR, ACCESS_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadAccessFile(accessFilePath: string): LoadedAccessFile {
  const text = fs.readFileSync(accessFilePath, 'utf8');
  return parseAccessFile(text, accessFilePath, path.dirname(path.dirname(accessFilePath)));
}

/** Caches lookups and loads per folder, for scanning many files at once (CLI, workspace scan). */
export class AccessFileCache {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedAccessFile>();

  forFile(filePath: string): LoadedAccessFile | undefined {
    const accessPath = this.nearestFor(path.dirname(path.resolve(filePath)));
    if (!accessPath) return undefined;
    let loaded = this.loaded.get(accessPath);
    if (!loaded) {
      loaded = loadAccessFile(accessPath);
      this.loaded.set(accessPath, loaded);
    }
    return loaded;
  }

  all(): LoadedAccessFile[] {
    return [...this.loaded.values()];
  }

  private nearestFor(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const candidate = path.join(dir, ACCESS_DIR, ACCESS_FILE_NAME);
    const parent = path.dirname(dir);
    const found = fs.existsSync(candidate) ? candidate : parent === dir ? undefined : this.nearestFor(parent);
    this.nearest.set(dir, found);
    return found;
  }
}
