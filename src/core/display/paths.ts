// Paths as a user reads them: relative to the workspace folder they are in.
import * as path from 'node:path';

export interface DisplayRoot {
  /** Absolute path of a workspace folder (or the CLI's working folder). */
  path: string;
  /** Shown before relative paths when there are several roots (VS Code's multi-root style). */
  name?: string;
}

function inside(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
}

/** `deploy/.env` for a file in the (only) root, `api/deploy/.env` with several roots, else the path as given. */
export function displayPath(file: string, roots: readonly DisplayRoot[]): string {
  for (const root of [...roots].sort((a, b) => b.path.length - a.path.length)) {
    const rel = inside(path.resolve(root.path), path.resolve(file));
    if (rel !== undefined) return roots.length > 1 && root.name ? `${root.name}/${rel}` : rel;
  }
  return file;
}

/** Rewrites every absolute path under a root that occurs in `text` to its display form. */
export function relativizePaths(text: string, roots: readonly DisplayRoot[]): string {
  let out = text;
  for (const root of [...roots].sort((a, b) => b.path.length - a.path.length)) {
    const prefix = path.resolve(root.path) + path.sep;
    if (prefix === path.sep) continue;
    out = out.split(prefix).join(roots.length > 1 && root.name ? `${root.name}/` : '');
  }
  return out;
}

/** "a, b, c and 17 more": the first `max` items of a list that may be long. */
export function summarizeList(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
