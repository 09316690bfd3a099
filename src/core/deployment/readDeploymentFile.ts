import * as path from 'node:path';
import { isEnvFileName } from '../env/envFileNames';
import { textRange } from '../env/position';
import { ComplianceCodes } from './complianceCodes';
import { readComposeFile } from './composeReader';
import { readServerEnvFile } from './envFileReader';
import type { FileReader } from './fileReader';
import { readHelmValues } from './helmReader';
import type { DeploymentFile, DeploymentFileKind } from './types';
import { l10n } from '../l10n/l10n';

/** Compose, server .env or langfuse-k8s values: by name first, then by a top-level key. */
export function detectDeploymentKind(file: string, text: string): DeploymentFileKind | undefined {
  const name = path.basename(file).toLowerCase();
  if (isEnvFileName(name)) return 'env';
  const yaml = /\.ya?ml$/.test(name);
  if (yaml && /^(docker-)?compose([.-].*)?\.ya?ml$/.test(name)) return 'compose';
  if (/^services\s*:/m.test(text)) return 'compose';
  if (/^langfuse\s*:/m.test(text)) return 'helm';
  if (yaml && /^values([.-].*)?\.ya?ml$/.test(name)) return 'helm';
  return undefined;
}

/** `envFiles`: for a compose file, the interpolation files (`--env-file`) instead of the project's `.env`. */
export function readDeploymentFile(file: string, text: string, read: FileReader, envFiles?: readonly string[]): DeploymentFile {
  const kind = detectDeploymentKind(file, text);
  if (kind === 'compose') return readComposeFile(file, text, read, envFiles);
  if (kind === 'helm') return readHelmValues(file, text);
  if (kind === 'env') return readServerEnvFile(file, text);
  return {
    file, kind: 'env', targets: [], otherImages: [],
    problems: [{
      file, range: textRange(0, 0, 0, 0), code: 'config-unreadable', severity: ComplianceCodes['config-unreadable'].severity, fixes: [],
      message: l10n.t('{0} is not a docker-compose file (no services:), a .env file or a langfuse-k8s values file (no langfuse:), so it was not checked.', path.basename(file)),
    }],
  };
}

const SERVER_VARIABLES = /^(?:export\s+)?(NEXTAUTH_SECRET|NEXTAUTH_URL|SALT|ENCRYPTION_KEY|AUTH_DISABLE_SIGNUP|AUTH_DOMAINS_WITH_SSO_ENFORCEMENT|LANGFUSE_INIT_ORG_ID|LANGFUSE_DEFAULT_ORG_ID|CLICKHOUSE_URL)\s*=/m;
const COMPOSE_NAMES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

/**
 * Which files to check so an open document gets its compliance diagnostics: a Langfuse compose or
 * Helm values file itself; for a .env file next to a compose file, that compose file (the .env is its
 * interpolation source, and findings point back into it); a standalone Langfuse server .env itself.
 * Anything else (an SDK .env, an unrelated YAML file) gets no compliance checks.
 */
export function deploymentFilesFor(file: string, text: string, read: FileReader): string[] {
  const kind = detectDeploymentKind(file, text);
  if (kind === 'compose') return /langfuse\/langfuse|langfuse-(web|worker)\s*:/.test(text) ? [file] : [];
  if (kind === 'helm') return /^langfuse\s*:/m.test(text) ? [file] : [];
  if (kind !== 'env') return [];
  for (const name of COMPOSE_NAMES) {
    const compose = path.join(path.dirname(file), name);
    const composeText = compose === file ? undefined : read(compose);
    if (composeText !== undefined && /langfuse\/langfuse/.test(composeText)) return [compose];
  }
  return SERVER_VARIABLES.test(text) ? [file] : [];
}

