import * as path from 'node:path';
import { parseAccessFile, type LoadedAccessFile } from '../access/accessFile';
import { AccessFileCache } from '../access/accessLocator';
import { isListedInAccessFile } from '../access/environmentMatch';
import { isEnvFileName, isExampleEnvFile } from '../env/envFileNames';
import { GitRepository } from '../git/gitRepository';
import { checkEnvFile, type EnvCheckResult } from '../rules/checkEnvFile';
import type { Finding } from '../rules/finding';
import type { KeyIndex, WhoAmIResult } from '../rules/keyIndex';
import { detectSdks, type SdkKind } from '../rules/sdkDetect';
import { addIgnoreFix, splitSuppressed } from '../rules/suppressions';
import { accessFileFindings, sharedKeyFindings } from '../rules/workspaceRules';

export interface EditorLinterOptions {
  keyIndex: () => KeyIndex | undefined;
  online: () => ReadonlyMap<string, WhoAmIResult> | undefined;
  /** Where a connection named by an access file points (the user's settings), never the workspace. */
  connectionBaseUrl: (connectionId: string) => string | undefined;
  rotationMaxAgeDays: () => number;
  now?: () => Date;
}

export interface FileFindings { file: string; findings: Finding[]; environment?: string; project?: string }

/**
 * The rules of `langfuse-access lint`, kept warm for an editor: documents are checked from their
 * unsaved text on each change, with access files, git state and SDK detection cached per folder, and
 * the workspace-level "one key across environments" check recomputed over every file seen so far.
 * Makes no network call: the key index and who-am-I answers are supplied, already fetched.
 */
export class EditorLinter {
  private access = new AccessFileCache();
  private readonly repos = new Map<string, GitRepository | undefined>();
  /** One repository object per work tree, so its index is read once, not once per folder. */
  private readonly byWorkTree = new Map<string, GitRepository>();
  private readonly sdks = new Map<string, SdkKind[]>();
  private readonly results = new Map<string, EnvCheckResult>();
  private shared = new Map<string, Finding[]>();

  constructor(private readonly options: EditorLinterOptions) {}

  /** Whether a file is one the rules read: `.env`, `.env.*`, `*.env` (not examples) or listed in an access file. */
  applies(filePath: string): boolean {
    const name = path.basename(filePath);
    if (isExampleEnvFile(name)) return false;
    if (isEnvFileName(name)) return true;
    const access = this.access.forFile(filePath);
    return !!access?.config && isListedInAccessFile(access, filePath);
  }

  /**
   * Checks one file's current text. Returns the findings of every file whose diagnostics changed:
   * this one, and others whose shared-key findings moved with it.
   */
  check(filePath: string, text: string): FileFindings[] {
    const dir = path.dirname(filePath);
    const repo = this.repoFor(dir);
    if (!this.sdks.has(dir)) this.sdks.set(dir, detectSdks(dir, repo?.workTree));
    const access = this.access.forFile(filePath);
    const connection = access?.config?.connection;
    const result = checkEnvFile({
      filePath,
      text,
      access,
      keyIndex: this.options.keyIndex(),
      online: this.options.online(),
      git: repo?.state(filePath),
      gitignorePath: repo ? path.join(repo.workTree, '.gitignore') : undefined,
      connectionBaseUrl: connection ? this.options.connectionBaseUrl(connection) : undefined,
      sdks: this.sdks.get(dir),
      now: this.options.now?.(),
      rotationMaxAgeDays: this.options.rotationMaxAgeDays(),
    });
    this.results.set(filePath, result);
    const changed = this.recomputeShared();
    changed.add(filePath);
    return [...changed].map(f => this.findingsOf(f));
  }

  forget(filePath: string): FileFindings[] {
    if (!this.results.delete(filePath)) return [];
    return [...this.recomputeShared()].filter(f => this.results.has(f)).map(f => this.findingsOf(f));
  }

  /** Every file checked so far with its current findings (after the index or settings changed). */
  files(): string[] {
    return [...this.results.keys()];
  }

  /** Drops cached access files and git state (an access file, .gitignore or the index changed). */
  invalidate(): void {
    this.access = new AccessFileCache();
    this.repos.clear();
    this.byWorkTree.clear();
    this.sdks.clear();
  }

  /** Problems of an access file's current text, at their exact lines. */
  checkAccessFile(filePath: string, text: string): { loaded: LoadedAccessFile; findings: Finding[] } {
    const loaded = parseAccessFile(text, filePath, path.dirname(path.dirname(filePath)));
    return { loaded, findings: accessFileFindings(loaded) };
  }

  /** The connection id the nearest access file names for this file. */
  connectionOf(filePath: string): string | undefined {
    return this.access.forFile(filePath)?.config?.connection;
  }

  /** The nearest access file for this file, valid or not. */
  accessFileOf(filePath: string): LoadedAccessFile | undefined {
    return this.access.forFile(filePath);
  }

  summary(filePath: string): { environment?: string; project?: string; count: number } | undefined {
    const r = this.results.get(filePath);
    return r && { environment: r.environment, project: r.project, count: this.findingsOf(filePath).findings.length };
  }

  private findingsOf(file: string): FileFindings {
    const r = this.results.get(file);
    return { file, findings: [...(r?.findings ?? []), ...(this.shared.get(file) ?? [])], environment: r?.environment, project: r?.project };
  }

  private recomputeShared(): Set<string> {
    const next = new Map<string, Finding[]>();
    for (const f of sharedKeyFindings([...this.results.values()])) {
      const access = this.access.forFile(f.file);
      addIgnoreFix(f, access);
      const { kept } = splitSuppressed([f], access);
      if (kept.length) next.set(f.file, [...(next.get(f.file) ?? []), ...kept]);
    }
    const changed = new Set<string>();
    for (const file of new Set([...this.shared.keys(), ...next.keys()])) {
      if (JSON.stringify(this.shared.get(file) ?? []) !== JSON.stringify(next.get(file) ?? [])) changed.add(file);
    }
    this.shared = next;
    return changed;
  }

  private repoFor(dir: string): GitRepository | undefined {
    if (!this.repos.has(dir)) {
      const found = GitRepository.find(dir);
      if (found && !this.byWorkTree.has(found.workTree)) this.byWorkTree.set(found.workTree, found);
      this.repos.set(dir, found && this.byWorkTree.get(found.workTree));
    }
    return this.repos.get(dir);
  }
}
