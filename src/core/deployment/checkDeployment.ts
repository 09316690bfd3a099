import { textRange } from '../env/position';
import { CheckCollector } from './checks/checkContext';
import type { Evidence } from './checks/checkContext';
import { checkCloudRegion } from './checks/cloudRegionCheck';
import { checkCoreSecrets } from './checks/coreSecretsCheck';
import { checkDefaultRoles } from './checks/defaultRolesCheck';
import { checkDeployTimeValues } from './checks/deployTimeCheck';
import { checkImage } from './checks/imageCheck';
import { checkInlineSecrets } from './checks/inlineSecretsCheck';
import { checkHeadlessInit } from './checks/initCheck';
import { checkSignup } from './checks/signupCheck';
import { checkSso } from './checks/ssoCheck';
import { checkPublicUrl } from './checks/urlCheck';
import { ComplianceCodes } from './complianceCodes';
import type { FileReader } from './fileReader';
import { readFileFromDisk } from './fileReader';
import { groupDeploymentFiles } from './deploymentSet';
import { deploymentFilesFor, readDeploymentFile } from './readDeploymentFile';
import type { DeploymentFile, DeploymentFinding, DeploymentTarget } from './types';
import { l10n } from '../l10n/l10n';

export type { Evidence };

export interface DeploymentCheckResult {
  files: DeploymentFile[];
  /** Every file of the configuration that exists: the given ones and the env files they load, once each. */
  configFiles: string[];
  /** Sorted by file and position. */
  findings: DeploymentFinding[];
  evidence: Evidence[];
}

function checkTarget(target: DeploymentTarget, out: CheckCollector): void {
  if (target.role === 'web' || target.role === 'server') {
    checkSignup(target, out);
    checkSso(target, out);
    checkPublicUrl(target, out);
    checkDefaultRoles(target, out);
    checkCloudRegion(target, out);
    checkHeadlessInit(target, out);
  }
  if (target.role !== 'other') checkCoreSecrets(target, out);
  checkDeployTimeValues(target, out);
  checkInlineSecrets(target, out);
  for (const image of target.images) checkImage(image, out);
}

/** Web and worker must decrypt with the same key (docs/langfuse-behaviour.md §5.1: both read ENCRYPTION_KEY). */
function checkSharedKey(file: DeploymentFile, out: CheckCollector): void {
  const keys = file.targets.filter(t => t.role === 'web' || t.role === 'worker')
    .map(t => ({ t, s: t.settings.get('ENCRYPTION_KEY') })).filter(x => x.s?.value !== undefined);
  const distinct = new Set(keys.map(k => k.s!.value!.trim()));
  if (distinct.size > 1) {
    const [a, b] = keys;
    out.finding(b.s!.file, b.s!.valueRange, 'encryption-key-mismatch',
      `${b.t.name} and ${a.t.name} use different ENCRYPTION_KEY values: credentials encrypted by one cannot be decrypted by the other (e.g. the worker fails to use LLM connections saved in the UI). Use one key for web and worker.`);
  }
}

/**
 * Checks the given files as the deployments they form (a compose file with its `.env`, `--env-file`s
 * and `env_file:`s is one configuration; see deploymentSet.ts). The extension passes a reader that
 * sees unsaved editors.
 */
export function checkDeploymentFiles(files: string[], read: FileReader = readFileFromDisk): DeploymentCheckResult {
  const out = new CheckCollector();
  const parsed: DeploymentFile[] = [];
  const set = groupDeploymentFiles(files, read);
  for (const file of set.unreadable) {
    out.findings.push({ file, range: textRange(0, 0, 0, 0), code: 'config-unreadable', severity: ComplianceCodes['config-unreadable'].severity, fixes: [], message: l10n.t('{0} does not exist or cannot be read.', file) });
  }
  for (const unit of set.units) {
    const df = readDeploymentFile(unit.file, unit.text, read, unit.envFiles);
    parsed.push(df);
    out.findings.push(...df.problems);
    for (const target of df.targets) checkTarget(target, out);
    checkSharedKey(df, out);
  }
  out.findings.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  const loaded = parsed.flatMap(df => [df.file, ...(df.interpolationFiles ?? []), ...(df.envFiles ?? [])]);
  const configFiles = [...new Set([...files.filter(f => !set.unreadable.includes(f)), ...loaded])].filter(f => read(f) !== undefined);
  return { files: parsed, configFiles, findings: out.findings, evidence: out.evidence };
}

/** One file's findings, for diagnostics of an open editor (`text` is the unsaved content). */
export function checkDeploymentText(file: string, text: string, read: FileReader = readFileFromDisk): DeploymentFinding[] {
  const result = checkDeploymentFiles([file], f => (f === file ? text : read(f)));
  return result.findings;
}

/**
 * Checks the deployment an edited file belongs to (a compose file with its .env files, Helm values):
 * the findings of every file involved, by file — files that now have none map to an empty list, so an
 * editor clears what it showed there before.
 */
export function checkDeploymentOf(file: string, text: string, read: FileReader): Map<string, DeploymentFinding[]> {
  const files = deploymentFilesFor(file, text, read);
  const findings = files.length ? checkDeploymentFiles(files, read).findings : [];
  const byFile = new Map<string, DeploymentFinding[]>([file, ...files, ...findings.map(f => f.file)].map(f => [f, []]));
  for (const f of findings) byFile.get(f.file)!.push(f);
  return byFile;
}

/** The deployment files (with the .env files they load) behind a set of candidate files, each once; unreadable candidates are skipped. */
export function deploymentFilesIn(candidates: readonly string[], read: FileReader): string[] {
  return [...new Set(candidates.flatMap(file => { const text = read(file); return text === undefined ? [] : deploymentFilesFor(file, text, read); }))];
}
