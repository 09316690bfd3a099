// The editor's view of a workspace: the latest check result per .env file, and from them every
// file's findings including the cross-file ones ("one key across environments") and the summary a
// status bar shows. Plain data in and out; the extension only maps it to diagnostics.
import type { LoadedAccessFile } from '../access/accessFile';
import type { EnvCheckResult } from './checkEnvFile';
import type { Finding } from './finding';
import { compareFindings } from './finding';
import type { Severity } from './ruleCodes';
import { addIgnoreFix, splitSuppressed } from './suppressions';
import { sharedKeyFindings } from './workspaceRules';

export interface WorkspaceSummary {
  /** Environment → project for the files seen, e.g. { staging: 'staging-chatbot' }. */
  environments: Record<string, string>;
  counts: Record<Severity, number>;
  files: number;
}

export class WorkspaceFindings {
  private readonly results = new Map<string, EnvCheckResult>();

  /** `accessFor` gives the access file that applies to a file (for "ignore" entries and fixes of cross-file findings). */
  constructor(private readonly accessFor: (file: string) => LoadedAccessFile | undefined) {}

  set(file: string, result: EnvCheckResult): void {
    this.results.set(file, result);
  }

  delete(file: string): void {
    this.results.delete(file);
  }

  clear(): void {
    this.results.clear();
  }

  /** Every file's findings (its own plus cross-file ones), sorted; files without findings map to []. */
  byFile(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const [file, r] of this.results) out.set(file, [...r.findings]);
    for (const f of sharedKeyFindings([...this.results.values()])) {
      const access = this.accessFor(f.file);
      addIgnoreFix(f, access);
      const { kept } = splitSuppressed([f], access);
      for (const k of kept) {
        const list = out.get(k.file) ?? [];
        list.push(k);
        out.set(k.file, list);
      }
    }
    for (const list of out.values()) list.sort(compareFindings);
    return out;
  }

  summary(): WorkspaceSummary {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const list of this.byFile().values()) for (const f of list) counts[f.severity]++;
    const environments: Record<string, string> = {};
    for (const r of this.results.values()) if (r.environment && r.project) environments[r.environment] = r.project;
    return { environments, counts, files: this.results.size };
  }
}
