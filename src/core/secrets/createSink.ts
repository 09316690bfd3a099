import { AccessFileSink } from './access/accessFileSink';
import { AwsSecretsManagerSink, type AwsSinkConfig } from './aws/awsSecretsManagerSink';
import { scopeFor } from '../fs/scopedWrite';
import { EnvFileSink } from './env/envFileSink';
import { l10n } from '../l10n/l10n';
import { SinkConfigError } from './errors';
import { PassSink } from './pass/passSink';
import type { PassRunConfig } from './pass/runPass';
import { SecretStorageSink, type SecretStorageLike } from './secretStorage/secretStorageSink';
import type { SecretManagersSettings } from './settings';
import { formatSinkTarget, headlessSinkKinds, parseSinkTarget, type SinkTarget } from './spec';
import type { SecretSink } from './types';
import type { VaultConnection } from './vault/vaultHttp';
import { VaultKv2Sink } from './vault/vaultKv2Sink';

export interface SinkFactoryOptions {
  /** Where endpoints come from: user settings or the CLI's configuration, never the workspace. */
  settings?: SecretManagersSettings;
  /** Folder for cross-process write locks: `<state folder>/locks`. */
  lockDir: string;
  /** Written into locks ("held by the CLI (pid …)"): 'vscode' or 'cli'. */
  tool?: string;
  /** Resolves relative `env:` paths. */
  cwd?: string;
  /**
   * The workspace folders (the CLI: its working folder). An `env:` file inside one may be a link within
   * them; a file elsewhere may only link within its own folder (core/fs/scopedWrite.ts).
   */
  workspaceRoots?: readonly string[];
  /** Extension only: VS Code's SecretStorage, and the key a bare `secretstorage` target means. */
  secretStorage?: { storage: SecretStorageLike; defaultKey?: string; label?: string };
  /** Vault token: SecretStorage in the extension, VAULT_TOKEN in the CLI. */
  vaultToken?: string;
  /** Extra, non-settings options (explicit credentials, CA, timeouts, tool paths). */
  aws?: Omit<AwsSinkConfig, 'region' | 'endpoint' | 'profile'>;
  vault?: Pick<VaultConnection, 'caCertPem' | 'timeoutMs'>;
  pass?: Omit<PassRunConfig, 'storeDir'>;
}

/** Builds the sink for a target spec (`env:./.env`) or a parsed target. */
export function createSink(spec: string | SinkTarget, options: SinkFactoryOptions): SecretSink {
  const target = typeof spec === 'string' ? parseSinkTarget(spec, options.cwd) : spec;
  const s = options.settings ?? {};
  switch (target.kind) {
    case 'secretstorage': {
      const key = target.key ?? options.secretStorage?.defaultKey;
      if (!options.secretStorage || !key) {
        throw new SinkConfigError(formatSinkTarget(target), l10n.t('SecretStorage exists only inside VS Code'), l10n.t('Use the extension for this target, or choose {0}', headlessSinkKinds()));
      }
      return new SecretStorageSink(options.secretStorage.storage, key, options.secretStorage.label);
    }
    case 'env':
      return new EnvFileSink(target.path, { lockDir: options.lockDir, tool: options.tool, scope: scopeFor(target.path, options.workspaceRoots ?? []) });
    case 'access':
      return new AccessFileSink(target.path, target.environment, { lockDir: options.lockDir, tool: options.tool, scope: scopeFor(target.path, options.workspaceRoots ?? []) });
    case 'aws-sm':
      return new AwsSecretsManagerSink(target.secretId, { ...options.aws, region: s.aws?.region, endpoint: s.aws?.endpoint || undefined, profile: s.aws?.profile || undefined });
    case 'pass':
      return new PassSink(target.entry, { ...options.pass, storeDir: s.pass?.storeDir || undefined, lock: { lockDir: options.lockDir, tool: options.tool } });
    case 'vault': {
      const address = s.vault?.address;
      if (!address) {
        throw new SinkConfigError(formatSinkTarget(target), l10n.t('no Vault address is configured'), l10n.t('Set {0} in your user settings (CLI: the secretManagers section of {1} or {2})', 'langfuseAccess.secretManagers.vault.address', 'connections.yaml', 'VAULT_ADDR'));
      }
      return new VaultKv2Sink(target.path, { ...options.vault, address, namespace: s.vault?.namespace || undefined, token: options.vaultToken ?? '' });
    }
  }
}
