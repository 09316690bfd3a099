import type { ComplianceCode, RequirementId } from '../complianceCodes';
import { ComplianceCodes } from '../complianceCodes';
import { basename } from 'node:path';
import type { DeploymentFinding, DeploymentFix, DeploymentTarget, Setting, TextRange } from '../types';
import { l10n } from '../../l10n/l10n';

/** A line that shows a requirement is met (or what was looked at), for the report's evidence column. */
export interface Evidence {
  requirement: RequirementId;
  file: string;
  /** Zero-based, like ranges. */
  line: number;
  note: string;
}

export class CheckCollector {
  readonly findings: DeploymentFinding[] = [];
  readonly evidence: Evidence[] = [];
  private readonly seen = new Set<string>();

  finding(file: string, range: TextRange, code: ComplianceCode, message: string, fixes: DeploymentFix[] = [], requirement?: RequirementId): void {
    // web and worker often share one `<<: *env` block: one finding per place is enough.
    if (!this.once(`${file}\0${range.start.line}:${range.start.character}\0${code}`)) return;
    this.findings.push({ file, range, code, severity: ComplianceCodes[code].severity, message, fixes, ...(requirement ? { requirement } : {}) });
  }

  /** True the first time a key is seen: for findings that must appear once per deployment, not per place. */
  once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  pass(requirement: RequirementId, file: string, line: number, note: string): void {
    if (this.evidence.some(e => e.requirement === requirement && e.file === file && e.line === line)) return;
    this.evidence.push({ requirement, file, line, note });
  }
}

export function get(target: DeploymentTarget, name: string): Setting | undefined {
  return target.settings.get(name);
}

/** The value when it is set to something non-empty (references that cannot be resolved count as set). */
export function isSet(setting: Setting | undefined): boolean {
  if (!setting) return false;
  if (setting.value === undefined) return setting.reference !== undefined;
  return setting.value.trim() !== '';
}

export function isTrue(setting: Setting | undefined): boolean {
  return setting?.value?.trim().toLowerCase() === 'true';
}

/** Where a setting's value really lives: the .env line for `${VAR}`, else the setting itself. */
export function valueLocation(setting: Setting): { file: string; range: TextRange } {
  if (setting.reference?.kind === 'interpolation' && setting.reference.resolvedIn) return setting.reference.resolvedIn;
  return { file: setting.file, range: setting.valueRange };
}

export function describeSource(setting: Setting): string {
  const r = setting.reference;
  if (!r) return setting.origin;
  // `${VAR}` goes in as an argument: VS Code's and @vscode/l10n's formatters read `{{0}` as one unknown placeholder.
  if (r.kind === 'interpolation') return r.resolvedIn ? l10n.t('{0} from {1}', `\${${r.variable}}`, basename(r.resolvedIn.file)) : r.usedDefault ? l10n.t('the default written in {0}', `\${${r.variable}:-…}`) : `\${${r.variable}}`;
  if (r.kind === 'host-env') return l10n.t('the shell running docker compose ({0})', r.variable);
  return r.description;
}


/**
 * A value only the deploying environment knows gets no verdict: `${VAR}` and bare names get their own
 * info (deployTimeCheck.ts); a Kubernetes reference is noted as evidence. True when that is the case.
 */
export function decidedAtDeploy(setting: Setting | undefined, requirement: RequirementId, out: CheckCollector): boolean {
  if (!setting || setting.value !== undefined || !setting.reference) return false;
  if (setting.reference.kind === 'kubernetes') out.pass(requirement, setting.file, setting.keyRange.start.line, l10n.t('{0} from {1} (not in the files, not checked)', setting.name, describeSource(setting)));
  return true;
}
