import * as fs from 'node:fs';
import { l10n } from '../../l10n/l10n';
import { SinkConfigError } from '../errors';

export interface VaultEnvironment { address?: string; token?: string; namespace?: string; caCertPem?: string }

/**
 * The Vault CLI's own variables (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT), for the
 * langfuse-access CLI: a user who can run `vault kv get` can push keys without extra setup.
 */
export function vaultFromEnvironment(env: NodeJS.ProcessEnv = process.env): VaultEnvironment {
  const out: VaultEnvironment = {};
  if (env.VAULT_ADDR) out.address = env.VAULT_ADDR;
  if (env.VAULT_TOKEN) out.token = env.VAULT_TOKEN;
  if (env.VAULT_NAMESPACE) out.namespace = env.VAULT_NAMESPACE;
  if (env.VAULT_CACERT) {
    try {
      out.caCertPem = fs.readFileSync(env.VAULT_CACERT, 'utf8');
    } catch (err) {
      throw new SinkConfigError('vault', l10n.t('{0} names a file that cannot be read ({1})', 'VAULT_CACERT', (err as NodeJS.ErrnoException).code ?? 'error'), l10n.t('Fix {0} ({1})', 'VAULT_CACERT', env.VAULT_CACERT));
    }
  }
  return out;
}
