// The tokens the settings refer to but never hold: a Vault token for `vault:` rotation targets and a
// bearer token for audit forwarding to a SIEM. The extension keeps them in SecretStorage under
// SecretKeys.sink(<id>) and stores them with one command each; the CLI reads VAULT_TOKEN and
// LANGFUSE_ACCESS_SIEM_TOKEN instead.
import { SIEM_TOKEN_ENV } from '../audit/forward/forwardConfig';
import { l10n } from '../l10n/l10n';
import { Settings } from '../names';
import { isSinkError } from './errors';
import type { SecretManagersSettings } from './settings';
import { VaultHttp } from './vault/vaultHttp';
import * as z from '../zod';

export type SinkTokenId = 'vault' | 'siem';

export interface SinkTokenInfo {
  id: SinkTokenId;
  /** For titles: "Vault token". */
  label: string;
  /** What it is for, in the input box. */
  prompt: string;
  /** The CLI's way to give it. */
  cliEnv: string;
}

// Label and prompt are getters: translated when read, after the edge installed its translator.
export const SINK_TOKENS: Readonly<Record<SinkTokenId, SinkTokenInfo>> = {
  vault: {
    id: 'vault', cliEnv: 'VAULT_TOKEN',
    get label() { return l10n.t('Vault token'); },
    get prompt() { return l10n.t('A Vault token whose policy may create, read and update the KV paths of your vault: rotation targets (Vault at {0}). Kept in VS Code\'s SecretStorage.', `${Settings.secretManagers}.vault.address`); },
  },
  siem: {
    id: 'siem', cliEnv: SIEM_TOKEN_ENV,
    get label() { return l10n.t('SIEM token'); },
    get prompt() { return l10n.t('Bearer token of the endpoint in {0}. Kept in VS Code\'s SecretStorage.', `${Settings.auditForwarding}.siem.url`); },
  },
};

/** What is wrong with a pasted token, or undefined. Tokens are single words; a Langfuse key is not one. */
export function sinkTokenProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return l10n.t('Paste the token.');
  if (/\s/.test(v)) return l10n.t('A token has no spaces or line breaks: paste only the token.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) return l10n.t('The token contains control characters.');
  if (v.length > 8192) return l10n.t('That is longer than any token (over {0} characters).', 8192);
  if (/^(sk|pk)-lf-/.test(v)) return l10n.t('That is a Langfuse API key, not a token for this endpoint.');
  return undefined;
}

const LookupSelf = z.object({ data: z.object({ display_name: z.optional(z.string()), policies: z.optional(z.array(z.string())), ttl: z.optional(z.number()) }) });

export type VaultTokenCheck =
  | { kind: 'accepted'; summary: string }
  | { kind: 'refused'; message: string }
  /** Vault could not be reached (network, TLS, sealed): the token may still be right. */
  | { kind: 'unreachable'; message: string }
  | { kind: 'no-address'; message: string };

/**
 * Asks Vault who the token is (`GET auth/token/lookup-self`, which any valid token may call) at the
 * address of the user's settings, so a mistyped or expired token is caught when it is stored, not
 * in the middle of a rotation.
 */
export async function checkVaultToken(settings: SecretManagersSettings['vault'], token: string, timeoutMs = 10_000): Promise<VaultTokenCheck> {
  if (!settings?.address) return { kind: 'no-address', message: l10n.t('Set {0} in your user settings to use it (it was not checked with Vault).', `${Settings.secretManagers}.vault.address`) };
  try {
    const http = new VaultHttp('vault', { address: settings.address, token: token.trim(), namespace: settings.namespace, timeoutMs });
    const body = LookupSelf.safeParse((await http.call('GET', 'auth/token/lookup-self')).body);
    const data = body.success ? body.data.data : {};
    return { kind: 'accepted', summary: acceptedSummary(http.address, data) };
  } catch (err) {
    if (!isSinkError(err)) throw err;
    if (err.code === 'permission') {
      const cause = err.causeCode ?? l10n.t('permission denied');
      return { kind: 'refused', message: settings.namespace
        ? l10n.t('Vault at {0} refused the token ({1}): it is mistyped, expired or revoked, or not valid in namespace {2}.', settings.address, cause, settings.namespace)
        : l10n.t('Vault at {0} refused the token ({1}): it is mistyped, expired or revoked.', settings.address, cause) };
    }
    const message = err.message.replace(/^vault: /, '');
    return err.code === 'invalid-config' ? { kind: 'refused', message } : { kind: 'unreachable', message };
  }
}

/** What to do with a Vault token after the check: store it, refuse it, or ask (Vault unreachable); with the words for each. */
export function vaultTokenDecision(check: VaultTokenCheck): { action: 'store' | 'refuse' | 'ask'; message: string } {
  switch (check.kind) {
    case 'accepted': return { action: 'store', message: check.summary };
    case 'no-address': return { action: 'store', message: check.message };
    case 'refused': return { action: 'refuse', message: l10n.t('Not stored: {0}', check.message) };
    case 'unreachable': return { action: 'ask', message: l10n.t('{0} Store the Vault token without checking it?', check.message) };
  }
}

/** "Vault at … accepted the token (name): policies a, b, expires in 3 h.": one whole sentence per case. */
function acceptedSummary(address: string, data: { display_name?: string; policies?: string[]; ttl?: number }): string {
  const name = data.display_name;
  const policies = data.policies?.length ? data.policies.join(', ') : undefined;
  const hours = data.ttl ? Math.max(1, Math.round(data.ttl / 3600)) : undefined;
  const forever = data.ttl === 0;
  if (policies === undefined) {
    if (hours !== undefined) return name ? l10n.t('Vault at {0} accepted the token ({1}): no policies listed, expires in {2} h.', address, name, hours) : l10n.t('Vault at {0} accepted the token: no policies listed, expires in {1} h.', address, hours);
    if (forever) return name ? l10n.t('Vault at {0} accepted the token ({1}): no policies listed, does not expire.', address, name) : l10n.t('Vault at {0} accepted the token: no policies listed, does not expire.', address);
    return name ? l10n.t('Vault at {0} accepted the token ({1}): no policies listed.', address, name) : l10n.t('Vault at {0} accepted the token: no policies listed.', address);
  }
  if (hours !== undefined) return name ? l10n.t('Vault at {0} accepted the token ({1}): policies {2}, expires in {3} h.', address, name, policies, hours) : l10n.t('Vault at {0} accepted the token: policies {1}, expires in {2} h.', address, policies, hours);
  if (forever) return name ? l10n.t('Vault at {0} accepted the token ({1}): policies {2}, does not expire.', address, name, policies) : l10n.t('Vault at {0} accepted the token: policies {1}, does not expire.', address, policies);
  return name ? l10n.t('Vault at {0} accepted the token ({1}): policies {2}.', address, name, policies) : l10n.t('Vault at {0} accepted the token: policies {1}.', address, policies);
}
