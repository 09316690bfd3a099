// Where CLI commands get a Langfuse connection from. Never argv, never the workspace:
//   1. `--connection NAME`: an entry of $XDG_CONFIG_HOME/langfuse-access/connections.yaml
//      ({id, name, baseUrl, credentialsFile?}); its key pair from the entry's credentialsFile, else
//      LANGFUSE_ACCESS_CREDENTIALS_FILE, else LANGFUSE_ACCESS_PUBLIC_KEY/SECRET_KEY.
//   2. no name: LANGFUSE_ACCESS_BASE_URL (or the credentials file's baseUrl) with the pair from
//      LANGFUSE_ACCESS_CREDENTIALS_FILE or LANGFUSE_ACCESS_PUBLIC_KEY/SECRET_KEY.
// A credentials file readable by group or others is refused.
//
// connections.yaml is either a list of connections or
//   { connections: [...], secretManagers: { aws: {...}, vault: {...}, pass: {...} } }
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { parse as parseYaml } from '../yaml';
import * as z from '../zod';
import { checkBaseUrl, ConnectionConfig, KeyPair } from './connection';
import { CliEnv, CONNECTIONS_FILE } from '../names';
import { SecretManagersSettings } from '../secrets/settings';
import { configDirPath, type EnvLike } from '../state/stateDir';

/** A configuration problem the user must fix (exit code 2). Messages never contain a secret. */
export class ConnectionConfigError extends Error {
  override readonly name = 'ConnectionConfigError';
}

export const CliConnectionEntry = z.extend(ConnectionConfig, { credentialsFile: z.optional(z.string()) });
export type CliConnectionEntry = z.infer<typeof CliConnectionEntry>;

const ConfigFile = z.union([
  z.array(CliConnectionEntry),
  z.object({ connections: z.optional(z.array(CliConnectionEntry)), secretManagers: z.optional(SecretManagersSettings) }),
]);

export interface CliConfig {
  file: string;
  exists: boolean;
  connections: CliConnectionEntry[];
  secretManagers: SecretManagersSettings;
}

export interface CliConnection {
  id?: string;
  name?: string;
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** Where the pair came from, for messages: "LANGFUSE_ACCESS_PUBLIC_KEY/SECRET_KEY", a file path. */
  credentialsSource: string;
}

export function cliConfigFile(env: EnvLike): string {
  return path.join(configDirPath(env), CONNECTIONS_FILE);
}

export function loadCliConfig(env: EnvLike): CliConfig {
  const file = cliConfigFile(env);
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false, connections: [], secretManagers: {} };
    throw new ConnectionConfigError(l10n.t('Cannot read {0} ({1}).', file, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
  let raw: unknown;
  try { raw = parseYaml(text); } catch (err) {
    throw new ConnectionConfigError(l10n.t('{0} is not valid YAML: {1}', file, (err as Error).message.split('\n')[0]));
  }
  const parsed = ConfigFile.safeParse(raw ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectionConfigError(issue?.path.length
      ? l10n.t('{0} is not a list of connections ({1}) ({2}: {3}).', file, '{id, name, baseUrl, credentialsFile}', issue.path.join('.'), issue.message)
      : l10n.t('{0} is not a list of connections ({1}) (top level: {2}).', file, '{id, name, baseUrl, credentialsFile}', issue?.message ?? ''));
  }
  const data = parsed.data;
  return Array.isArray(data)
    ? { file, exists: true, connections: data, secretManagers: {} }
    : { file, exists: true, connections: data.connections ?? [], secretManagers: data.secretManagers ?? {} };
}

const CredentialsFile = z.union([
  z.extend(KeyPair, { baseUrl: z.optional(z.string()) }),
  // The `langfuse-access sandbox --credentials-out` shape: its organization pair.
  z.object({ baseUrl: z.string(), organization: KeyPair }),
]);

/** Reads a 0600 credentials file (YAML or JSON): {publicKey, secretKey, baseUrl?}. */
export function readCredentialsFile(file: string): { publicKey: string; secretKey: string; baseUrl?: string } {
  let stat: fs.Stats;
  try { stat = fs.statSync(file); } catch (err) {
    throw new ConnectionConfigError(l10n.t('Cannot read the credentials file {0} ({1}).', file, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new ConnectionConfigError(l10n.t('Refusing the credentials file {0}: it is readable by others (mode {1}). Run: chmod 600 {0}', file, (stat.mode & 0o777).toString(8).padStart(3, '0')));
  }
  let raw: unknown;
  try { raw = parseYaml(fs.readFileSync(file, 'utf8')); } catch {
    throw new ConnectionConfigError(l10n.t('The credentials file {0} is neither YAML nor JSON.', file));
  }
  const parsed = CredentialsFile.safeParse(raw);
  if (!parsed.success) throw new ConnectionConfigError(l10n.t('The credentials file {0} must hold publicKey (pk-lf-…) and secretKey (sk-lf-…), optionally baseUrl.', file));
  const data = parsed.data;
  return 'organization' in data ? { ...data.organization, baseUrl: data.baseUrl } : data;
}

function pairFromEnv(env: EnvLike, cwd: string, entryFile: string | undefined, configDir: string): { publicKey: string; secretKey: string; baseUrl?: string; source: string } | undefined {
  const file = entryFile ? path.resolve(configDir, entryFile) : env[CliEnv.credentialsFile] ? path.resolve(cwd, env[CliEnv.credentialsFile] as string) : undefined;
  if (file) return { ...readCredentialsFile(file), source: file };
  const publicKey = env[CliEnv.publicKey];
  const secretKey = env[CliEnv.secretKey];
  if (!publicKey && !secretKey) return undefined;
  if (!publicKey || !secretKey) throw new ConnectionConfigError(l10n.t('Set both {0} and {1} (one of them is missing).', CliEnv.publicKey, CliEnv.secretKey));
  const parsed = KeyPair.safeParse({ publicKey, secretKey });
  if (!parsed.success) throw new ConnectionConfigError(l10n.t('{0} must start with pk-lf- and {1} with sk-lf-.', CliEnv.publicKey, CliEnv.secretKey));
  return { publicKey, secretKey, source: `${CliEnv.publicKey}/${CliEnv.secretKey}` };
}

/** The connection a CLI command works with; see the top of this file for the order. */
export function resolveCliConnection(io: { env: EnvLike; cwd: string }, name?: string): CliConnection {
  const config = loadCliConfig(io.env);
  const configDir = path.dirname(config.file);
  let entry: CliConnectionEntry | undefined;
  if (name !== undefined) {
    entry = config.connections.find(c => c.id === name) ?? config.connections.find(c => c.name === name);
    if (!entry) {
      const known = config.connections.map(c => c.id).join(', ');
      const shape = '{id, name, baseUrl, credentialsFile}';
      throw new ConnectionConfigError(known
        ? l10n.t('There is no connection "{0}" in {1} (known: {2}). Add {3} there.', name, config.file, known, shape)
        : config.exists
          ? l10n.t('There is no connection "{0}" in {1}. Add {2} there.', name, config.file, shape)
          : l10n.t('There is no connection "{0}" in {1} (the file does not exist). Add {2} there.', name, config.file, shape));
    }
  }
  const pair = pairFromEnv(io.env, io.cwd, entry?.credentialsFile, configDir);
  if (!pair) {
    throw new ConnectionConfigError(entry
      ? l10n.t('No key pair for connection "{0}": set credentialsFile in {1}, {2} (a 0600 file), or {3} and {4}. Keys are never read from the command line.', entry.id, config.file, CliEnv.credentialsFile, CliEnv.publicKey, CliEnv.secretKey)
      : l10n.t('No key pair for the CLI: set credentialsFile in {0}, {1} (a 0600 file), or {2} and {3}. Keys are never read from the command line.', config.file, CliEnv.credentialsFile, CliEnv.publicKey, CliEnv.secretKey));
  }
  const baseUrl = entry?.baseUrl ?? io.env[CliEnv.baseUrl] ?? pair.baseUrl;
  if (!baseUrl) throw new ConnectionConfigError(l10n.t('No Langfuse address: use --connection NAME or set {0}.', CliEnv.baseUrl));
  const checked = checkBaseUrl(baseUrl);
  if (!checked.ok) throw new ConnectionConfigError(entry ? l10n.t('Connection "{0}": {1}', entry.id, checked.reason) : l10n.t('{0}: {1}', CliEnv.baseUrl, checked.reason));
  return { id: entry?.id, name: entry?.name, baseUrl: baseUrl.replace(/\/+$/, ''), publicKey: pair.publicKey, secretKey: pair.secretKey, credentialsSource: pair.source };
}

/**
 * Where a connection points for the CLI: its entry in connections.yaml, else the CLI's own connection
 * from LANGFUSE_ACCESS_BASE_URL — never anything from a linted workspace. A broken connections file is
 * reported through `onBadConfig` and ignored.
 */
export function cliConnectionUrls(env: EnvLike, onBadConfig: (message: string) => void): (name: string) => string | undefined {
  let known: { id: string; baseUrl: string }[] = [];
  try {
    known = loadCliConfig(env).connections;
  } catch (err) {
    if (!(err instanceof ConnectionConfigError)) throw err;
    onBadConfig(err.message);
  }
  return name => known.find(c => c.id === name)?.baseUrl ?? env[CliEnv.baseUrl];
}
