// Target specs as typed on the CLI (`--to`) and kept in the rotation journal:
//   secretstorage[:KEY]   env:PATH   aws-sm:SECRET_ID   pass:ENTRY   vault:MOUNT/PATH
//   access:PATH#ENVIRONMENT   (the `publicKeys` list of one environment in a workspace access file)
import * as os from 'node:os';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { SinkConfigError } from './errors';
import type { SinkKind } from './types';

export type SinkTarget =
  | { kind: 'secretstorage'; key?: string }
  | { kind: 'env'; path: string }
  | { kind: 'aws-sm'; secretId: string }
  | { kind: 'pass'; entry: string }
  | { kind: 'vault'; path: string }
  | { kind: 'access'; path: string; environment: string };

/** The spec forms, as typed (data: never translated). */
export const SINK_SPEC_FORMS = ['secretstorage', 'env:PATH', 'aws-sm:SECRET_ID', 'pass:ENTRY', 'vault:MOUNT/PATH', 'access:PATH#ENVIRONMENT'] as const;

/** Forms an edge outside VS Code can write: everything but `secretstorage`. */
export const HEADLESS_SINK_FORMS = SINK_SPEC_FORMS.filter(f => f !== 'secretstorage');

/** "a, b or c": the joining word is the translator's, the items stay as written. */
export function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : l10n.t('{0} or {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}

/** "secretstorage, env:PATH, … or access:PATH#ENVIRONMENT", translated when shown. */
export function sinkSpecHelp(forms: readonly string[] = SINK_SPEC_FORMS): string {
  return orList(forms);
}

/** "env:, aws-sm:, pass: or vault:": the secret-manager and file kinds an edge outside VS Code can write. */
export function headlessSinkKinds(): string {
  return orList(['env:', 'aws-sm:', 'pass:', 'vault:']);
}

const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const AWS_ID = /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/;

/** Parses a spec; a relative `env:` or `access:` path is resolved against `cwd` so the journal holds an absolute one. */
export function parseSinkTarget(spec: string, cwd: string = process.cwd()): SinkTarget {
  const colon = spec.indexOf(':');
  const kind = (colon < 0 ? spec : spec.slice(0, colon)) as SinkKind;
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  const bad = (why: string, example: string) => new SinkConfigError(spec || l10n.t('(empty target)'), why, l10n.t('Write it as {0}', example));
  switch (kind) {
    case 'secretstorage':
      return rest ? { kind, key: rest } : { kind };
    case 'env':
      if (!rest) throw bad(l10n.t('the .env path is missing'), 'env:./.env');
      return { kind, path: resolvePath(rest, cwd) };
    case 'access': {
      const hash = rest.lastIndexOf('#');
      const file = hash < 0 ? rest : rest.slice(0, hash);
      const environment = hash < 0 ? '' : rest.slice(hash + 1);
      if (!file || !ENVIRONMENT.test(environment)) throw bad(l10n.t('the access file or its environment is missing'), 'access:.langfuse/access.yaml#production');
      return { kind, path: resolvePath(file, cwd), environment };
    }
    case 'aws-sm':
      if (!AWS_ID.test(rest)) throw bad(l10n.t('the secret id is missing or has characters AWS does not allow'), 'aws-sm:acme/production/langfuse');
      return { kind, secretId: rest };
    case 'pass':
      if (!rest) throw bad(l10n.t('the pass entry is missing'), 'pass:team/langfuse/production');
      return { kind, entry: rest.replace(/^\/+|\/+$/g, '') };
    case 'vault':
      if (!rest.includes('/')) throw bad(l10n.t('the Vault target needs a mount and a path'), 'vault:secret/langfuse/production');
      return { kind, path: rest.replace(/^\/+|\/+$/g, '') };
    default:
      throw bad(l10n.t('unknown target kind "{0}"', kind), sinkSpecHelp());
  }
}

export function formatSinkTarget(target: SinkTarget): string {
  switch (target.kind) {
    case 'secretstorage': return target.key ? `secretstorage:${target.key}` : 'secretstorage';
    case 'env': return `env:${target.path}`;
    case 'aws-sm': return `aws-sm:${target.secretId}`;
    case 'pass': return `pass:${target.entry}`;
    case 'vault': return `vault:${target.path}`;
    case 'access': return `access:${target.path}#${target.environment}`;
  }
}

// `env:~/x` reaches us unexpanded (the shell expands ~ only at the start of a word).
function resolvePath(p: string, cwd: string): string {
  return path.resolve(cwd, p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p);
}
