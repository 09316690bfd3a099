import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { applyEdits } from '../deployment/applyFix';
import type { FileReader } from '../deployment/fileReader';
import { detectDeploymentKind, readDeploymentFile } from '../deployment/readDeploymentFile';
import type { DeploymentFileKind, DeploymentTarget, InsertPoint, TextPosition } from '../deployment/types';
import { GitRepository } from '../git/gitRepository';
import { renderBlock } from './blockRender';
import { SsoWriteError } from './errors';
import { shown } from './online/checkItems';
import type { SsoSetupPlan } from './setupInput';
import { blockHeading, clientSecretVariable, missingVariables, planVariables } from './variableBlock';

export interface SsoBlockRequest {
  file: string;
  /** The file's current text (the editor's, when open). */
  text: string;
  plan: SsoSetupPlan;
  /** .env only, and only for a git-ignored file whose owner confirmed it. */
  clientSecret?: string;
  read: FileReader;
}

export interface SsoBlockResult {
  kind: DeploymentFileKind;
  /** The compose service, .env file or Helm release the block went into. */
  targetName: string;
  newText: string;
  /** Names of the variables added (never values). */
  written: string[];
  /** Zero-based line where the block starts. */
  line: number;
  /** The inserted text as the user may see it: a client secret in it shows as ***. */
  preview: string;
  /** Where the client secret lives now, or where to put it. */
  secretNote: string;
  secretWritten: boolean;
}

/** Whether git ignores the file (a .env may take the client secret only then). */
export function isGitIgnored(file: string): boolean {
  return GitRepository.find(file)?.state(file)?.ignored === true;
}

function chooseTarget(kind: DeploymentFileKind, targets: DeploymentTarget[], file: string): DeploymentTarget {
  const target = kind === 'compose' ? targets.find(t => t.role === 'web') : targets.find(t => t.role === 'server');
  if (!target) {
    throw new SsoWriteError(kind === 'compose'
      ? `${path.basename(file)} has no Langfuse web service (image langfuse/langfuse): SSO variables belong to the web container.`
      : `${path.basename(file)} has no langfuse: section to configure.`);
  }
  return target;
}

/** Values in the file are double-quoted (`KEY: "value"`, `value: "…"`): new ones follow suit. */
function quotedStyle(text: string, target: DeploymentTarget, file: string): boolean {
  const lines = text.split('\n');
  const own = [...target.settings.values()].filter(s => s.file === file && s.literal && s.value !== undefined);
  if (own.length === 0) return false;
  const quoted = own.filter(s => lines[s.valueRange.start.line]?.[s.valueRange.start.character - 1] === '"').length;
  return quoted * 2 > own.length;
}

/** The Kubernetes Secret the values file already references (an SSO one first), else `langfuse-sso`. */
function helmSecretName(text: string): string {
  const names = [...text.matchAll(/secretKeyRef:\s*\r?\n\s*name:\s*["']?([a-z0-9][a-z0-9.-]{0,252})["']?\s*$/gm)].map(m => m[1]);
  return names.find(n => /sso|oidc|auth/.test(n)) ?? names[0] ?? 'langfuse-sso';
}

function secretNote(kind: DeploymentFileKind, plan: SsoSetupPlan, file: string, secretName: string, written: boolean): string {
  const v = clientSecretVariable(plan);
  if (kind === 'compose') return l10n.t('The compose file reads the client secret as {0}: put {1}=<client secret> into {2} (keep it git-ignored) or export it in the shell that runs docker compose.', `\${${v}}`, v, path.join(path.dirname(file), '.env'));
  if (kind === 'helm') return l10n.t('The values file reads the client secret from the Kubernetes Secret {0}, key {1}: add it there (kubectl create secret generic {0} --from-literal={1}=<client secret>, or kubectl patch an existing one), in the release\'s namespace.', secretName, v);
  if (written) return l10n.t('The client secret is in {0} (git-ignored).', path.basename(file));
  return l10n.t('{0} is left empty in {1}: paste the client secret after {0}= (only while the file stays git-ignored) or set {0} in the environment that starts Langfuse.', v, path.basename(file));
}

function insertPosition(at: InsertPoint, text: string): { position: TextPosition; prefix: string } {
  const lines = text.split('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (at.style === 'env') {
    const lastText = lines[at.position.line - 1] ?? '';
    const blank = text.length === 0 || (!at.needsLeadingNewline && lastText.trim() === '');
    return { position: at.position, prefix: (at.needsLeadingNewline ? eol : '') + (blank ? '' : eol) };
  }
  // Past the last line of a file without a final newline: start a new line first.
  if (!text.endsWith('\n') && at.position.line >= lines.length - 1) {
    return { position: { line: lines.length - 1, character: lines[lines.length - 1].length }, prefix: eol };
  }
  return { position: at.position, prefix: '' };
}

/**
 * Adds the plan's variables as one block at the place the deployment readers found for new
 * variables (compose `environment:`, the end of a .env, Helm `langfuse.additionalEnv`), in the
 * file's style. Every byte outside the block stays as it was; the readers use `yaml`'s document API
 * for the positions, and the text is spliced rather than re-serialised so comments and quoting survive.
 */
export function applySsoBlock(req: SsoBlockRequest): SsoBlockResult {
  const { file, text, plan } = req;
  const kind = detectDeploymentKind(file, text);
  if (!kind) throw new SsoWriteError(`${path.basename(file)} is not a docker-compose file, a .env file or Helm values of the langfuse chart.`);
  const parsed = readDeploymentFile(file, text, req.read);
  if (parsed.problems.some(p => p.code === 'config-unreadable')) throw new SsoWriteError(`${path.basename(file)} cannot be read (${shown(parsed.problems[0].message, 200)}); fix it before adding SSO.`);
  const target = chooseTarget(kind, parsed.targets, file);
  const vars = missingVariables(planVariables(plan), target);
  const secretName = helmSecretName(text);
  if (req.clientSecret !== undefined) {
    if (kind !== 'env') throw new SsoWriteError(l10n.t('The client secret is never written into a compose or Helm values file: they reference it.'));
    if (!isGitIgnored(file)) throw new SsoWriteError(`${path.basename(file)} is not git-ignored, so the client secret is not written into it.`);
  }
  const secretGoesIn = vars.some(v => v.secret) && req.clientSecret !== undefined;
  const base = { kind, targetName: target.name, secretWritten: secretGoesIn, secretNote: secretNote(kind, plan, file, secretName, secretGoesIn) };
  if (vars.length === 0) return { ...base, newText: text, written: [], line: target.anchor.start.line, preview: '' };
  const at = target.insertAt;
  if (!at || at.file !== file) {
    throw new SsoWriteError(kind === 'helm'
      ? l10n.t('{0} has no block-style langfuse.additionalEnv list to extend; add "additionalEnv:" under "langfuse:" (or turn a flow-style [] list into a block list) and run the assistant again.', path.basename(file))
      : l10n.t('No place to add variables was found in {0}.', path.basename(file)));
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = renderBlock(at, vars, {
    heading: [blockHeading(plan)], eol, quoted: quotedStyle(text, target, file), secretName,
    envSecret: secretGoesIn ? req.clientSecret : undefined,
    emptySecretNote: `${clientSecretVariable(plan)} is left empty on purpose: paste the client secret from ${plan.provider.label} here only while this file stays git-ignored, or set it in the environment that starts Langfuse.`,
  });
  const { position, prefix } = insertPosition(at, text);
  const newText = applyEdits(text, [{ file, range: { start: position, end: position }, newText: prefix + block }]);
  const preview = secretGoesIn && req.clientSecret ? block.split(req.clientSecret).join('***') : block;
  return { ...base, newText, written: vars.map(v => v.name), line: position.line + (prefix ? prefix.split('\n').length - 1 : 0), preview };
}

/** What the file already says that the assistant can start from: its public URL and enforced domains. */
export function ssoDefaults(file: string, text: string, read: FileReader): { publicUrl?: string; enforceDomains?: string } {
  const kind = detectDeploymentKind(file, text);
  if (!kind) return {};
  const target = chooseTargetOrUndefined(kind, readDeploymentFile(file, text, read).targets);
  const url = target?.settings.get('NEXTAUTH_URL')?.value?.trim();
  const base = target?.settings.get('NEXT_PUBLIC_BASE_PATH')?.value?.trim().replace(/\/+$/, '') ?? '';
  let publicUrl: string | undefined;
  try { publicUrl = url ? `${new URL(url).origin}${base}` : undefined; } catch { publicUrl = undefined; }
  return { publicUrl, enforceDomains: target?.settings.get('AUTH_DOMAINS_WITH_SSO_ENFORCEMENT')?.value?.trim() || undefined };
}

function chooseTargetOrUndefined(kind: DeploymentFileKind, targets: DeploymentTarget[]): DeploymentTarget | undefined {
  return kind === 'compose' ? targets.find(t => t.role === 'web') : targets.find(t => t.role === 'server');
}
