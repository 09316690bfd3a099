// The quick fixes offered at one place of a .env file, in the order a user should meet them: the
// non-destructive fix that repairs the file first (and the only one marked preferred, so Enter or
// "Auto Fix" takes it), rotation and "ignore" last. A fix several findings share ("Rotate this key…"
// for an overdue key that is also shared) is offered once, for all of them.
import type { Finding, Fix } from './finding';

export interface OfferedFix {
  fix: Fix;
  /** Every finding this fix answers (for the code action's diagnostics). */
  findings: Finding[];
  preferred: boolean;
}

/** Lower comes first. Edits of the text repair the file; rotating a key affects every service using it. */
const RANK: Record<Fix['kind'], number> = {
  replaceText: 0, trimValue: 0, swapValues: 0,
  replaceWithProjectKey: 1,
  addToGitignore: 2,
  openKeyInTree: 3,
  openRotationWizard: 4,
  ignoreFinding: 5,
};

/** Fixes that may be applied without a second thought (never a rotation, a look, or silencing). */
const PREFERABLE = new Set<Fix['kind']>(['replaceText', 'trimValue', 'swapValues', 'replaceWithProjectKey', 'addToGitignore']);

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** What makes two fixes the same action (titles can differ by the finding they were made for). */
function identity(fix: Fix): string {
  switch (fix.kind) {
    case 'openRotationWizard':
    case 'openKeyInTree': return `${fix.kind}:${fix.publicKey}`;
    case 'ignoreFinding': return `${fix.kind}:${fix.accessFile}:${fix.file}:${fix.rule}`;
    default: return `${fix.kind}:${JSON.stringify(fix)}`;
  }
}

export function offeredFixes(findings: readonly Finding[], offered: (fix: Fix) => boolean = () => true): OfferedFix[] {
  const byIdentity = new Map<string, OfferedFix & { order: number; severity: number }>();
  let order = 0;
  const bySeverity = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const finding of bySeverity) {
    for (const fix of finding.fixes) {
      if (!offered(fix)) continue;
      const id = identity(fix);
      const seen = byIdentity.get(id);
      if (seen) { if (!seen.findings.includes(finding)) seen.findings.push(finding); continue; }
      byIdentity.set(id, { fix, findings: [finding], preferred: false, order: order++, severity: SEVERITY_RANK[finding.severity] });
    }
  }
  const sorted = [...byIdentity.values()].sort((a, b) => RANK[a.fix.kind] - RANK[b.fix.kind] || a.severity - b.severity || a.order - b.order);
  const first = sorted[0];
  if (first && PREFERABLE.has(first.fix.kind)) first.preferred = true;
  return sorted.map(({ fix, findings: answered, preferred }) => ({ fix, findings: answered, preferred }));
}
