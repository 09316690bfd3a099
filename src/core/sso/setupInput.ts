import * as z from 'zod/mini';
import type { SsoProvider } from '../deployment/ssoProviders';
import { ALLOWED_CHECKS, ALLOWED_CLIENT_AUTH_METHODS, LANGFUSE_SSO_VERSION, SSO_PROVIDERS, ssoProviderById } from '../deployment/ssoProviders';
import { SsoInputError } from './errors';
import type { PublicUrl } from './publicUrl';
import { isLoopbackHost, parsePublicUrl, redirectUriFor } from './publicUrl';
import { l10n } from '../l10n/l10n';

/** What the user gives the assistant (CLI flags or the VS Code steps), validated before anything runs. */
export const SsoSetupInput = z.object({
  provider: z.string(),
  publicUrl: z.string(),
  basePath: z.optional(z.string()),
  /** ISSUER, or what stands for it: Entra ID's tenant, GitHub Enterprise's base URL, GitLab's URL. */
  issuer: z.optional(z.string()),
  clientId: z.string(),
  /** AUTH_CUSTOM_NAME: the sign-in button label. */
  name: z.optional(z.string()),
  checks: z.optional(z.array(z.enum(['nonce', 'none', 'pkce', 'state']))),
  clientAuthMethod: z.optional(z.string()),
  enforceDomains: z.optional(z.array(z.string())),
  disablePasswordLogin: z.optional(z.boolean()),
});
export type SsoSetupInput = z.infer<typeof SsoSetupInput>;

/** Which variable the "issuer" answer fills for a provider, and how to ask for it. */
export interface IssuerField {
  suffix: 'ISSUER' | 'TENANT_ID' | 'BASE_URL' | 'URL';
  required: boolean;
  prompt: string;
  example: string;
}

export function issuerField(provider: SsoProvider): IssuerField | undefined {
  if (provider.discovery.kind === 'issuer-variable') return { suffix: 'ISSUER', required: true, prompt: l10n.t('Issuer URL of the {0} application (its discovery document is at <issuer>/.well-known/openid-configuration)', provider.label), example: provider.id === 'okta' ? 'https://acme.okta.com/oauth2/default' : provider.id === 'keycloak' ? 'https://sso.acme.com/realms/acme' : 'https://idp.acme.com' };
  if (provider.discovery.kind === 'azure-tenant') return { suffix: 'TENANT_ID', required: true, prompt: l10n.t('Directory (tenant) ID of the Entra ID app registration'), example: '00000000-0000-0000-0000-000000000000' };
  if (provider.id === 'github-enterprise') return { suffix: 'BASE_URL', required: true, prompt: l10n.t('Base URL of your GitHub Enterprise Server'), example: 'https://github.acme.com' };
  if (provider.id === 'gitlab') return { suffix: 'URL', required: false, prompt: l10n.t('URL of your GitLab (empty for gitlab.com)'), example: 'https://gitlab.acme.com' };
  return undefined;
}

export interface SsoSetupPlan {
  provider: SsoProvider;
  langfuseVersion: string;
  url: PublicUrl;
  redirectUri: string;
  /** The value of the issuer field (ISSUER, TENANT_ID, BASE_URL or URL), trimmed. */
  issuerValue?: string;
  /** The issuer whose discovery document Langfuse reads; undefined for plain OAuth 2.0 providers. */
  discoveryIssuer?: string;
  clientId: string;
  name?: string;
  /** NextAuth checks in effect (the `_CHECKS` given, else the provider's default when known). */
  checks?: string[];
  checksGiven: boolean;
  clientAuthMethod: string;
  scope: string;
  enforceDomains: string[];
  disablePasswordLogin: boolean;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function checkedUrl(field: string, raw: string, what: string): string {
  let url: URL;
  try { url = new URL(raw.trim()); } catch { throw new SsoInputError(field, l10n.t('{0} "{1}" is not a URL.', what, raw.trim().slice(0, 200))); }
  if (url.username || url.password) throw new SsoInputError(field, l10n.t('{0} must not contain a user name or password.', what));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new SsoInputError(field, l10n.t('{0} uses {1}// on {2}: only https:// is allowed (http:// only on this machine\'s loopback).', what, url.protocol, url.hostname));
  }
  return raw.trim();
}

/** The issuer Langfuse (NextAuth) discovers for a provider: variable, Entra tenant or fixed. */
export function discoveryIssuerFor(provider: SsoProvider, issuerValue: string | undefined): string | undefined {
  switch (provider.discovery.kind) {
    case 'issuer-variable': return issuerValue;
    // next-auth v4 providers/azure-ad.ts: https://login.microsoftonline.com/<tenant>/v2.0/.well-known/…
    case 'azure-tenant': return issuerValue ? `https://login.microsoftonline.com/${issuerValue}/v2.0` : undefined;
    case 'fixed': return provider.discovery.issuer;
    case 'none': return undefined;
  }
}

function issuerValueOf(provider: SsoProvider, field: IssuerField | undefined, raw: string | undefined): string | undefined {
  const value = raw?.trim() || undefined;
  if (!field) {
    if (value && provider.discovery.kind === 'fixed' && value.replace(/\/+$/, '') !== provider.discovery.issuer) {
      throw new SsoInputError('issuer', l10n.t('{0}\'s issuer is always {1}; leave the issuer out.', provider.label, provider.discovery.issuer));
    }
    return undefined;
  }
  if (!value) {
    if (field.required) throw new SsoInputError('issuer', l10n.t('{0} needs {1}_{2}: {3}, e.g. {4}.', provider.label, provider.prefix, field.suffix, field.prompt, field.example));
    return undefined;
  }
  if (field.suffix === 'TENANT_ID') {
    // An issuer URL pasted instead of the tenant: take the tenant out of it.
    const m = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0\/?$/.exec(value);
    const tenant = m ? m[1] : value;
    if (!/^[A-Za-z0-9.-]{1,100}$/.test(tenant)) throw new SsoInputError('issuer', l10n.t('"{0}" is not an Entra ID tenant ID (a GUID or a domain such as acme.onmicrosoft.com).', tenant.slice(0, 100)));
    return tenant;
  }
  // The issuer is kept exactly as typed: a trailing slash matters (the online check compares it).
  return checkedUrl('issuer', value, `${provider.prefix}_${field.suffix}`);
}

/** Validates the input and works out everything that follows from it (no I/O). */
export function planSsoSetup(raw: unknown): SsoSetupPlan {
  const parsed = SsoSetupInput.safeParse(raw);
  if (!parsed.success) throw new SsoInputError('input', l10n.t('Invalid SSO setup input: {0}', parsed.error.issues.map(i => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')));
  const input = parsed.data;
  const provider = ssoProviderById(input.provider.trim().toLowerCase());
  if (!provider) throw new SsoInputError('provider', l10n.t('"{0}" is not a provider Langfuse {1} supports. Use one of: {2} (custom = any OpenID Connect provider).', input.provider.slice(0, 60), LANGFUSE_SSO_VERSION, SSO_PROVIDERS.map(p => p.id).join(', ')));
  const url = parsePublicUrl(input.publicUrl, input.basePath);
  const field = issuerField(provider);
  const issuerValue = issuerValueOf(provider, field, input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId || /[\s"'`$\\]/.test(clientId) || clientId.length > 256) throw new SsoInputError('clientId', l10n.t('The client ID must be the non-empty ID the provider shows (no spaces, quotes, $ or backslashes).'));
  const name = input.name?.trim();
  if (provider.id === 'custom' && !name) throw new SsoInputError('name', l10n.t('The custom OIDC provider needs AUTH_CUSTOM_NAME (the sign-in button label, e.g. "Acme SSO"): Langfuse does not register it without one.'));
  if (name !== undefined && (name.length > 60 || /["$`\\\n#]/.test(name))) throw new SsoInputError('name', l10n.t('The display name must be at most 60 characters without quotes, $, `, \\ or #.'));
  if (input.checks?.length && !provider.checksVariable) throw new SsoInputError('checks', l10n.t('{0} takes no {1}_CHECKS in Langfuse.', provider.label, provider.prefix));
  if (input.checks?.some(c => !ALLOWED_CHECKS.includes(c))) throw new SsoInputError('checks', l10n.t('Checks may only be {0}.', ALLOWED_CHECKS.join(', ')));
  const clientAuthMethod = input.clientAuthMethod?.trim() || (provider.id === 'workos' ? 'client_secret_post' : 'client_secret_basic');
  if (!ALLOWED_CLIENT_AUTH_METHODS.includes(clientAuthMethod)) throw new SsoInputError('clientAuthMethod', l10n.t('The client authentication method must be one of {0}.', ALLOWED_CLIENT_AUTH_METHODS.join(', ')));
  const enforceDomains = [...new Set((input.enforceDomains ?? []).map(d => d.trim().toLowerCase()).filter(Boolean))];
  const badDomain = enforceDomains.find(d => !DOMAIN.test(d));
  if (badDomain) throw new SsoInputError('enforceDomains', l10n.t('"{0}" is not a domain like acme.com (AUTH_DOMAINS_WITH_SSO_ENFORCEMENT takes bare domains, comma-separated).', badDomain.slice(0, 80)));
  return {
    provider, langfuseVersion: LANGFUSE_SSO_VERSION, url, redirectUri: redirectUriFor(url, provider),
    issuerValue, discoveryIssuer: discoveryIssuerFor(provider, issuerValue), clientId, name,
    checks: input.checks?.length ? input.checks : provider.defaultChecks, checksGiven: Boolean(input.checks?.length),
    clientAuthMethod, scope: provider.defaultScope, enforceDomains, disablePasswordLogin: input.disablePasswordLogin ?? false,
  };
}
