// The tokens the settings refer to but never hold: a Vault token for `vault:` rotation targets and a
// bearer token for audit forwarding to a SIEM. The extension keeps them in SecretStorage under
// SecretKeys.sink(<id>) and stores them with one command each; the CLI reads VAULT_TOKEN and
// LANGFUSE_ACCESS_SIEM_TOKEN instead.
import { SIEM_TOKEN_ENV } from '../audit/forward/forwardConfig';
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

export const SINK_TOKENS: Readonly<Record<SinkTokenId, SinkTokenInfo>> = {
  vault: {
    id: 'vault', label: 'Vault token', cliEnv: 'VAULT_TOKEN',
    prompt: `A Vault token whose policy may create, read and update the KV paths of your vault: rotation targets (Vault at ${Settings.secretManagers}.vault.address). Kept in VS Code's SecretStorage.`,
  },
  siem: {
    id: 'siem', label: 'SIEM token', cliEnv: SIEM_TOKEN_ENV,
    prompt: `Bearer token of the endpoint in ${Settings.auditForwarding}.siem.url. Kept in VS Code's SecretStorage.`,
  },
};

/** What is wrong with a pasted token, or undefined. Tokens are single words; a Langfuse key is not one. */
export function sinkTokenProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the token.';
  if (/\s/.test(v)) return 'A token has no spaces or line breaks: paste only the token.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) return 'The token contains control characters.';
  if (v.length > 8192) return 'That is longer than any token (over 8192 characters).';
  if (/^(sk|pk)-lf-/.test(v)) return 'That is a Langfuse API key, not a token for this endpoint.';
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
  if (!settings?.address) return { kind: 'no-address', message: `Set ${Settings.secretManagers}.vault.address in your user settings to use it (it was not checked with Vault).` };
  try {
    const http = new VaultHttp('vault', { address: settings.address, token: token.trim(), namespace: settings.namespace, timeoutMs });
    const body = LookupSelf.safeParse((await http.call('GET', 'auth/token/lookup-self')).body);
    const data = body.success ? body.data.data : {};
    const policies = data.policies?.length ? `policies ${data.policies.join(', ')}` : 'no policies listed';
    const ttl = data.ttl ? `, expires in ${Math.max(1, Math.round(data.ttl / 3600))} h` : data.ttl === 0 ? ', does not expire' : '';
    return { kind: 'accepted', summary: `Vault at ${http.address} accepted the token${data.display_name ? ` (${data.display_name})` : ''}: ${policies}${ttl}.` };
  } catch (err) {
    if (!isSinkError(err)) throw err;
    if (err.code === 'permission') return { kind: 'refused', message: `Vault at ${settings.address} refused the token (${err.causeCode ?? 'permission denied'}): it is mistyped, expired or revoked${settings.namespace ? `, or not valid in namespace ${settings.namespace}` : ''}.` };
    const message = err.message.replace(/^vault: /, '');
    return err.code === 'invalid-config' ? { kind: 'refused', message } : { kind: 'unreachable', message };
  }
}

/** What to do with a Vault token after the check: store it, refuse it, or ask (Vault unreachable); with the words for each. */
export function vaultTokenDecision(check: VaultTokenCheck): { action: 'store' | 'refuse' | 'ask'; message: string } {
  switch (check.kind) {
    case 'accepted': return { action: 'store', message: check.summary };
    case 'no-address': return { action: 'store', message: check.message };
    case 'refused': return { action: 'refuse', message: `Not stored: ${check.message}` };
    case 'unreachable': return { action: 'ask', message: `${check.message} Store the Vault token without checking it?` };
  }
}
