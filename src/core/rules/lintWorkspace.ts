// Lints .env files on disk: finds them under the given paths, loads the access file that applies to
// each, reads git state without spawning git, runs the per-file rules and the cross-file ones.
// Used by `langfuse-access lint` and by the extension's workspace scan.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedAccessFile } from '../access/accessFile';
import { AccessFileCache } from '../access/accessLocator';
import { environmentForFile, mayListOtherFiles } from '../access/environmentMatch';
import { baseName, isEnvFileName, isExampleEnvFile } from '../env/envFileNames';
import { parseEnv } from '../env/envParser';
import { GitRepository } from '../git/gitRepository';
import type { EnvCheckResult } from './checkEnvFile';
import { checkEnvFile } from './checkEnvFile';
import type { Finding } from './finding';
import { compareFindings } from './finding';
import type { KeyIndex, WhoAmIResult } from './keyIndex';
import { langfuseEntries } from './keyFormatRules';
import { restrictedModeOnline } from './onlineCheckPolicy';
import { l10n } from '../l10n/l10n';
import { keyGroups } from './projectRules';
import type { SdkKind } from './sdkDetect';
import { detectSdks } from './sdkDetect';
import type { SuppressedFinding } from './suppressions';
import { addIgnoreFix, splitSuppressed } from './suppressions';
import { accessFileFindings, sharedKeyFindings } from './workspaceRules';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__']);

export interface LintOptions {
  keyIndex?: KeyIndex;
  online?: ReadonlyMap<string, WhoAmIResult>;
  /** Where a connection named by an access file points: the user's settings or CLI config, never the workspace. */
  connectionBaseUrl?: (connection: string) => string | undefined;
  now?: Date;
  rotationMaxAgeDays?: number;
}

export interface LintedFile {
  file: string;
  environment: string | undefined;
  project: string | undefined;
}

export interface LintReport {
  files: LintedFile[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  accessFiles: LoadedAccessFile[];
  /** Access files with problems: a configuration error (CLI exit 2). */
  invalidAccessFiles: string[];
}

/**
 * The files to lint under `paths`: .env-named files and files an access file lists, never example
 * files. A path naming a file is taken as given (unless it is an example).
 */
export function findEnvFiles(paths: readonly string[], access: AccessFileCache = new AccessFileCache()): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to lint there
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) visit(full);
      } else if (e.isFile() && !isExampleEnvFile(e.name)) {
        if (isEnvFileName(e.name)) found.add(full);
        else {
          const a = access.forFile(full);
          if (a?.config && mayListOtherFiles(a) && environmentForFile(a, full)) found.add(full);
        }
      }
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new Error(l10n.t('No such file or folder: {0}', p));
    if (stat.isDirectory()) visit(full);
    else if (!isExampleEnvFile(baseName(full))) found.add(full);
  }
  return [...found].sort();
}

/**
 * Key pairs found in the files, for an online who-am-I pass before linting (`lint --online`, the
 * editor's online check). Refuses in an untrusted workspace: its secrets are never read to be sent.
 */
export function keyPairsInFiles(files: readonly string[], options: { workspaceTrusted: boolean }): Array<{ publicKey: string; secretKey: string }> {
  if (!options.workspaceTrusted) throw new Error(restrictedModeOnline());
  const pairs = new Map<string, { publicKey: string; secretKey: string }>();
  for (const file of files) {
    for (const g of keyGroups(langfuseEntries(parseEnv(fs.readFileSync(file, 'utf8'))))) {
      if (!g.publicKey || !g.secretKey) continue;
      const pair = { publicKey: g.publicKey.value.trim(), secretKey: g.secretKey.value.trim() };
      pairs.set(`${pair.publicKey}\u0000${pair.secretKey}`, pair);
    }
  }
  return [...pairs.values()];
}

export function lintFiles(files: readonly string[], options: LintOptions = {}, access: AccessFileCache = new AccessFileCache()): LintReport {
  const repos = new Map<string, GitRepository | undefined>();
  const byWorkTree = new Map<string, GitRepository>(); // one index read per repository, not per folder
  const sdkCache = new Map<string, SdkKind[]>();
  const results: EnvCheckResult[] = [];
  const report: LintReport = { files: [], findings: [], suppressed: [], accessFiles: [], invalidAccessFiles: [] };

  for (const file of files) {
    const dir = path.dirname(file);
    if (!repos.has(dir)) {
      const found = GitRepository.find(dir);
      if (found && !byWorkTree.has(found.workTree)) byWorkTree.set(found.workTree, found);
      repos.set(dir, found && byWorkTree.get(found.workTree));
    }
    const repo = repos.get(dir);
    if (!sdkCache.has(dir)) sdkCache.set(dir, detectSdks(dir, repo?.workTree));
    const loaded = access.forFile(file);
    const connection = loaded?.config?.connection;
    const result = checkEnvFile({
      filePath: file,
      text: fs.readFileSync(file, 'utf8'),
      access: loaded,
      keyIndex: options.keyIndex,
      online: options.online,
      git: repo?.state(file),
      gitignorePath: repo ? path.join(repo.workTree, '.gitignore') : undefined,
      connectionBaseUrl: connection ? options.connectionBaseUrl?.(connection) : undefined,
      sdks: sdkCache.get(dir),
      now: options.now,
      rotationMaxAgeDays: options.rotationMaxAgeDays,
    });
    results.push(result);
    report.files.push({ file, environment: result.environment, project: result.project });
    report.findings.push(...result.findings);
    report.suppressed.push(...result.suppressed);
  }

  const shared = sharedKeyFindings(results);
  for (const f of shared) addIgnoreFix(f, access.forFile(f.file));
  for (const f of shared) {
    const { kept, suppressed } = splitSuppressed([f], access.forFile(f.file));
    report.findings.push(...kept);
    report.suppressed.push(...suppressed);
  }
  for (const a of access.all()) {
    report.accessFiles.push(a);
    if (a.problems.length > 0) {
      report.invalidAccessFiles.push(a.path);
      report.findings.push(...accessFileFindings(a));
    }
  }
  report.findings.sort(compareFindings);
  return report;
}

/** findEnvFiles + lintFiles with one shared access-file cache. */
export function lintPaths(paths: readonly string[], options: LintOptions = {}): LintReport {
  const access = new AccessFileCache();
  return lintFiles(findEnvFiles(paths, access), options, access);
}
