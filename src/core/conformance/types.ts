// The conformance suite's results as plain data: one record per check, the cleanup, the summary.
// The CLI prints them as lines or JSON; nothing here holds a secret (keys are shown masked).

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  ms: number;
  /** What was seen (pass), what went wrong and why (fail), or why it did not run (skip). */
  detail: string;
  /** Skipped for a missing entitlement: the plans that have it. */
  plans?: string;
}

export interface CleanupResult {
  /** One line per object removed, e.g. "project lfa-conformance-… deleted". */
  removed: string[];
  /** Objects that could not be removed, with why; the journal keeps them for the next run. */
  problems: string[];
  /** Facts the user should know (SCIM users stay as Langfuse users without membership). */
  notes: string[];
}

export interface ConformanceReport {
  tool: { name: string; version: string };
  server: { baseUrl: string; version?: string };
  actingAs?: string;
  runId: string;
  project: { mode: 'throwaway' | 'existing'; name?: string };
  startedAt: string;
  checks: CheckResult[];
  cleanup: CleanupResult;
  summary: { passed: number; failed: number; skipped: number };
  /** Set when the run stopped early (not OWNER/ADMIN, Ctrl-C): why. */
  stopped?: string;
}

export function summarize(checks: readonly CheckResult[]): ConformanceReport['summary'] {
  return {
    passed: checks.filter(c => c.status === 'pass').length,
    failed: checks.filter(c => c.status === 'fail').length,
    skipped: checks.filter(c => c.status === 'skip').length,
  };
}
