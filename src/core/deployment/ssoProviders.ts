// Langfuse's env-configured SSO providers, as Langfuse 4.16.0 (langfuse/langfuse commit
// 62751446149b702b419a9292ddfc2280cdf74b8c) registers them in web/src/server/auth.ts: a provider is
// registered only when all its required variables are set; its callback is /api/auth/callback/<id>.
// Docs: https://langfuse.com/self-hosting/security/authentication-and-sso
import { l10n } from '../l10n/l10n';

/** The Langfuse release this table describes (shown to users with every provider list). */
export const LANGFUSE_SSO_VERSION = '4.16.0';

/**
 * Where Langfuse (NextAuth v4 + openid-client) reads the provider's OpenID configuration:
 * `${issuer}/.well-known/openid-configuration` with the issuer taken from a variable, derived from one
 * (Entra ID's tenant), or fixed (Google). Providers without discovery are plain OAuth 2.0.
 */
export type SsoDiscovery =
  | { kind: 'issuer-variable' }
  | { kind: 'fixed'; issuer: string }
  | { kind: 'azure-tenant' }
  /** `why` is a function: module data, translated when shown. */
  | { kind: 'none'; why: () => string };

export interface SsoProvider {
  /** NextAuth provider id: the callback URL's last segment. */
  id: string;
  label: string;
  /** Variable prefix, e.g. AUTH_OKTA. */
  prefix: string;
  required: string[];
  discovery: SsoDiscovery;
  /** Scope Langfuse requests when `<prefix>_SCOPE` is not set (or cannot be: `scopeVariable` false). */
  defaultScope: string;
  scopeVariable: boolean;
  /**
   * NextAuth `checks` when `<prefix>_CHECKS` is not set, where Langfuse or the NextAuth provider fixes
   * them; undefined = NextAuth's generic default. `_CHECKS` is honoured by every provider but WorkOS.
   */
  defaultChecks?: string[];
  checksVariable: boolean;
  /** Whether Langfuse verifies an ID token (needs jwks_uri) or reads the profile from userinfo. */
  profileFrom: 'id_token' | 'userinfo' | 'oauth-api';
}

const CS = ['CLIENT_ID', 'CLIENT_SECRET'];
const ISS = [...CS, 'ISSUER'];
const OIDC = 'openid email profile';
const VIA_ISSUER: SsoDiscovery = { kind: 'issuer-variable' };

export const SSO_PROVIDERS: SsoProvider[] = [
  // next-auth v4 providers/google.ts: wellKnown https://accounts.google.com/…, checks pkce+state.
  { id: 'google', label: 'Google', prefix: 'AUTH_GOOGLE', required: CS, discovery: { kind: 'fixed', issuer: 'https://accounts.google.com' }, defaultScope: OIDC, scopeVariable: false, defaultChecks: ['pkce', 'state'], checksVariable: true, profileFrom: 'id_token' },
  { id: 'github', label: 'GitHub', prefix: 'AUTH_GITHUB', required: CS, discovery: { kind: 'none', why: () => l10n.t('GitHub OAuth Apps speak OAuth 2.0 without OpenID Connect discovery') }, defaultScope: 'read:user user:email', scopeVariable: false, checksVariable: true, profileFrom: 'oauth-api' },
  { id: 'github-enterprise', label: 'GitHub Enterprise', prefix: 'AUTH_GITHUB_ENTERPRISE', required: [...CS, 'BASE_URL'], discovery: { kind: 'none', why: () => l10n.t('GitHub Enterprise OAuth Apps speak OAuth 2.0 without OpenID Connect discovery') }, defaultScope: 'read:user user:email', scopeVariable: false, checksVariable: true, profileFrom: 'oauth-api' },
  // auth.ts sets GitLab's OAuth endpoints explicitly from AUTH_GITLAB_URL with scope read_user.
  { id: 'gitlab', label: 'GitLab', prefix: 'AUTH_GITLAB', required: CS, discovery: { kind: 'none', why: () => l10n.t('Langfuse calls GitLab\'s OAuth endpoints under AUTH_GITLAB_URL directly, without discovery') }, defaultScope: 'read_user', scopeVariable: false, checksVariable: true, profileFrom: 'oauth-api' },
  { id: 'azure-ad', label: 'Azure AD / Entra ID', prefix: 'AUTH_AZURE_AD', required: [...CS, 'TENANT_ID'], discovery: { kind: 'azure-tenant' }, defaultScope: 'openid profile email', scopeVariable: false, checksVariable: true, profileFrom: 'id_token' },
  { id: 'okta', label: 'Okta', prefix: 'AUTH_OKTA', required: ISS, discovery: VIA_ISSUER, defaultScope: OIDC, scopeVariable: false, checksVariable: true, profileFrom: 'id_token' },
  { id: 'auth0', label: 'Auth0', prefix: 'AUTH_AUTH0', required: ISS, discovery: VIA_ISSUER, defaultScope: OIDC, scopeVariable: false, checksVariable: true, profileFrom: 'id_token' },
  // auth.ts: Cognito's checks default to "nonce" when AUTH_COGNITO_CHECKS is unset.
  { id: 'cognito', label: 'AWS Cognito', prefix: 'AUTH_COGNITO', required: ISS, discovery: VIA_ISSUER, defaultScope: 'openid profile email', scopeVariable: false, defaultChecks: ['nonce'], checksVariable: true, profileFrom: 'id_token' },
  { id: 'keycloak', label: 'Keycloak', prefix: 'AUTH_KEYCLOAK', required: ISS, discovery: VIA_ISSUER, defaultScope: OIDC, scopeVariable: true, checksVariable: true, profileFrom: 'id_token' },
  { id: 'authentik', label: 'Authentik', prefix: 'AUTH_AUTHENTIK', required: ISS, discovery: VIA_ISSUER, defaultScope: OIDC, scopeVariable: false, checksVariable: true, profileFrom: 'id_token' },
  { id: 'onelogin', label: 'OneLogin', prefix: 'AUTH_ONELOGIN', required: ISS, discovery: VIA_ISSUER, defaultScope: 'openid profile email', scopeVariable: false, checksVariable: true, profileFrom: 'id_token' },
  // packages/shared/src/server/auth/jumpcloudProvider.ts; scope default in auth.ts.
  { id: 'jumpcloud', label: 'JumpCloud', prefix: 'AUTH_JUMPCLOUD', required: ISS, discovery: VIA_ISSUER, defaultScope: 'openid profile email', scopeVariable: true, checksVariable: true, profileFrom: 'id_token' },
  // auth.ts: WorkOS's client auth method is fixed to client_secret_post and it takes no _CHECKS.
  { id: 'workos', label: 'WorkOS', prefix: 'AUTH_WORKOS', required: CS, discovery: { kind: 'none', why: () => l10n.t('Langfuse talks to WorkOS\'s SSO API over plain OAuth 2.0, without discovery') }, defaultScope: '', scopeVariable: false, checksVariable: false, profileFrom: 'oauth-api' },
  { id: 'wordpress', label: 'WordPress', prefix: 'AUTH_WORDPRESS', required: CS, discovery: { kind: 'none', why: () => l10n.t('WordPress.com OAuth has no OpenID Connect discovery') }, defaultScope: 'auth', scopeVariable: false, checksVariable: true, profileFrom: 'oauth-api' },
  // packages/shared/src/server/auth/customSsoProvider.ts: id "custom", discovery at
  // `${issuer}/.well-known/openid-configuration`, checks pkce+state, scope "openid email profile";
  // auth.ts registers it only with AUTH_CUSTOM_NAME and takes the profile from the ID token unless
  // AUTH_CUSTOM_ID_TOKEN is "false".
  { id: 'custom', label: 'custom OIDC', prefix: 'AUTH_CUSTOM', required: [...ISS, 'NAME'], discovery: VIA_ISSUER, defaultScope: OIDC, scopeVariable: true, defaultChecks: ['pkce', 'state'], checksVariable: true, profileFrom: 'id_token' },
];

export const ALLOWED_CHECKS = ['nonce', 'none', 'pkce', 'state'];
export const ALLOWED_CLIENT_AUTH_METHODS = [
  'client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth', 'none',
];

export function ssoProviderById(id: string): SsoProvider | undefined {
  return SSO_PROVIDERS.find(p => p.id === id);
}

/** Variables that belong to a provider family (GitHub Enterprise's must not count as GitHub's). */
export function providerOf(variable: string): SsoProvider | undefined {
  let best: SsoProvider | undefined;
  for (const p of SSO_PROVIDERS) {
    if (variable.startsWith(`${p.prefix}_`) && (!best || p.prefix.length > best.prefix.length)) best = p;
  }
  return best;
}
