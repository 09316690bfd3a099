// Plain data for deployment compliance: what the readers found in compose files, server .env files and
// Helm values, and what the checks say about it. The extension maps findings to diagnostics and fixes to
// code actions; the CLI prints them. No secret value is ever carried in a finding or a fix: a fix names
// ranges and intents, and `resolveFixEdits` turns it into text edits only when it is applied.
import type { TextPosition, TextRange } from '../env/position';
import type { Severity } from '../rules/ruleCodes';
import type { ComplianceCode, RequirementId } from './complianceCodes';

export type { Severity, TextPosition, TextRange };

export type DeploymentFileKind = 'compose' | 'env' | 'helm';

/** Where a value really comes from when it is not written literally at the setting. */
export type SettingReference =
  /** `${VAR}` / `${VAR:-default}` in a compose file; resolved from the project's .env when possible. */
  | { kind: 'interpolation'; variable: string; resolvedIn?: { file: string; range: TextRange }; usedDefault?: boolean }
  /** `KEY` without a value in compose `environment`: taken from the shell running `docker compose`. */
  | { kind: 'host-env'; variable: string }
  /** Helm `secretKeyRef` / `valueFrom`: a Kubernetes Secret or ConfigMap. */
  | { kind: 'kubernetes'; description: string };

export interface Setting {
  /** The environment variable Langfuse reads (Helm values are mapped to their variable). */
  name: string;
  /** The effective value when it can be known from the files; undefined for unresolved references. */
  value: string | undefined;
  /** The file holding the text of this setting (an env_file's settings point into that file). */
  file: string;
  keyRange: TextRange;
  /** The value text (inside quotes); an empty range after the key when there is no value. */
  valueRange: TextRange;
  /** Written literally in the file (not `${VAR}`, not a secret reference). */
  literal: boolean;
  reference?: SettingReference;
  /** Where it was read from, for messages: `environment`, `env_file .env.langfuse`, `langfuse.salt`, … */
  origin: string;
}

export interface ImageRef {
  /** As written, e.g. `docker.io/langfuse/langfuse:${LANGFUSE_VERSION:-latest}`. */
  raw: string;
  /** After interpolation (as written when a variable in it is undefined). */
  resolved: string;
  /** Variables in it that none of the checked files define (set at deploy time). */
  unresolved?: string[];
  file: string;
  range: TextRange;
}

/** Where a missing variable can be added in the file, in the file's own style. */
export type InsertPoint =
  | { style: 'compose-list' | 'compose-map'; file: string; position: TextPosition; indent: string }
  /** Service without `environment:` yet: add the block after the service key. */
  | { style: 'compose-new-block'; file: string; position: TextPosition; indent: string }
  | { style: 'env'; file: string; position: TextPosition; needsLeadingNewline: boolean }
  | { style: 'helm-additional-env'; file: string; position: TextPosition; indent: string; createList: boolean };

/** One Langfuse process configuration: a compose service, a server .env file, or a Helm release. */
export interface DeploymentTarget {
  file: string;
  kind: DeploymentFileKind;
  /** Service name, file name, or `Helm values`. */
  name: string;
  /** web: langfuse/langfuse (auth checks apply); worker: langfuse-worker; server: a .env or Helm release for both; other: postgres, redis, … (secret checks only). */
  role: 'web' | 'worker' | 'server' | 'other';
  /** Last definition wins, like compose and Kubernetes. */
  settings: Map<string, Setting>;
  images: ImageRef[];
  /** Where findings about a missing variable point (the `environment:` key, the service key, line 1…). */
  anchor: TextRange;
  insertAt?: InsertPoint;
}

export interface DeploymentFile {
  file: string;
  kind: DeploymentFileKind;
  targets: DeploymentTarget[];
  /** Other services' images (postgres, redis, …) for the pinning check. */
  otherImages: ImageRef[];
  /** Unreadable YAML and the like: reported as findings, never thrown. */
  problems: DeploymentFinding[];
  /** Compose: the files `${VAR}` is interpolated from (the project's `.env`, or the `--env-file`s given). */
  interpolationFiles?: string[];
  /** Compose: the services' `env_file:` files. */
  envFiles?: string[];
}

export type DeploymentFix =
  /** Replace `range` with a freshly generated random secret (the edge generates it when applying). */
  | { kind: 'generateSecret'; title: string; file: string; range: TextRange; format: 'hex64' | 'base64-32' }
  /**
   * Move the inline value at `valueRange` into `envFile` as `variable=<value>` and write `${variable}`
   * in its place. The value is read from the file when the fix is applied, never carried here.
   */
  | { kind: 'moveToEnvFile'; title: string; file: string; valueRange: TextRange; variable: string; envFile: string }
  /**
   * Add a missing secret with a freshly generated value. With `envFile` (compose), the file gets
   * `variable: ${variable}` and the generated value goes into that .env file.
   */
  | { kind: 'insertGeneratedSecret'; title: string; at: InsertPoint; variable: string; format: 'hex64' | 'base64-32'; envFile?: string }
  /** Add a variable with a fixed, non-secret value. */
  | { kind: 'insertVariable'; title: string; at: InsertPoint; variable: string; value: string }
  /** Replace a range with fixed, non-secret text (a role name, `true`, an https URL). */
  | { kind: 'replaceText'; title: string; file: string; range: TextRange; newText: string };

export interface DeploymentFinding {
  file: string;
  range: TextRange;
  code: ComplianceCode;
  severity: Severity;
  /** The requirement of the report this finding belongs to, for codes that serve several (see ComplianceCodes). */
  requirement?: RequirementId;
  /** What is wrong, why it matters (from Langfuse's real behaviour) and what to do. Never a secret. */
  message: string;
  fixes: DeploymentFix[];
}

/** A concrete text edit, produced only when a fix is applied. */
export interface TextEdit {
  file: string;
  range: TextRange;
  newText: string;
  /** The file does not exist yet and is created with `newText`. */
  createFile?: boolean;
}
