// Which environment of an access file a file belongs to. Patterns are relative to the folder holding
// `.langfuse/`; like .gitignore, a pattern without "/" matches the file name in any folder below it
// (".env.production"), a pattern with "/" is anchored there ("deploy/prod/*.env").
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import type { LoadedAccessFile } from './accessFile';
import type { AccessEnvironment } from './accessSchema';

export interface MatchedEnvironment {
  name: string;
  environment: AccessEnvironment;
}

/** Forward-slash path of `filePath` relative to the access file's root; undefined when outside it. */
export function relativeToAccessRoot(access: Pick<LoadedAccessFile, 'rootDir'>, filePath: string): string | undefined {
  const rel = path.relative(access.rootDir, path.resolve(filePath));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

const compiled = new Map<string, Minimatch>();

export function matchesPattern(relativePath: string, pattern: string): boolean {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    const p = pattern.startsWith('./') ? pattern.slice(2) : pattern.startsWith('/') ? pattern.slice(1) : pattern;
    matcher = new Minimatch(p, { dot: true, matchBase: !p.includes('/') });
    compiled.set(pattern, matcher);
  }
  return matcher.match(relativePath);
}

/** The first environment (in file order) whose `files` match; undefined when none does. */
export function environmentForFile(access: LoadedAccessFile, filePath: string): MatchedEnvironment | undefined {
  if (!access.config) return undefined;
  const rel = relativeToAccessRoot(access, filePath);
  if (rel === undefined) return undefined;
  for (const [name, environment] of Object.entries(access.config.environments)) {
    if ((environment.files ?? []).some(p => matchesPattern(rel, p))) return { name, environment };
  }
  return undefined;
}

/** True when any file pattern of the access file names this file (files outside the usual .env names). */
export function isListedInAccessFile(access: LoadedAccessFile, filePath: string): boolean {
  return environmentForFile(access, filePath) !== undefined;
}

const listsOthers = new WeakMap<LoadedAccessFile, boolean>();

/**
 * False when every file pattern can only match .env-style names (".env", ".env.*", "*.env"), so a
 * scan need not test other files against the patterns (most files of a large repository).
 */
export function mayListOtherFiles(access: LoadedAccessFile): boolean {
  let answer = listsOthers.get(access);
  if (answer === undefined) {
    const patterns = Object.values(access.config?.environments ?? {}).flatMap(e => e.files ?? []);
    answer = patterns.some(p => {
      const last = p.slice(p.lastIndexOf('/') + 1);
      return !(last === '.env' || last.startsWith('.env.') || last.endsWith('.env'));
    });
    listsOthers.set(access, answer);
  }
  return answer;
}
