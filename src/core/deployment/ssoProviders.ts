// Langfuse's env-configured SSO providers (docs/langfuse-behaviour.md §5.5, LF web/src/server/auth.ts): a provider is
// registered only when all its required variables are set; its callback is /api/auth/callback/<id>.

export interface SsoProvider {
  /** NextAuth provider id: the callback URL's last segment. */
  id: string;
  label: string;
  /** Variable prefix, e.g. AUTH_OKTA. */
  prefix: string;
  required: string[];
}

const CS = ['CLIENT_ID', 'CLIENT_SECRET'];
const ISS = [...CS, 'ISSUER'];

export const SSO_PROVIDERS: SsoProvider[] = [
  { id: 'google', label: 'Google', prefix: 'AUTH_GOOGLE', required: CS },
  { id: 'github', label: 'GitHub', prefix: 'AUTH_GITHUB', required: CS },
  { id: 'github-enterprise', label: 'GitHub Enterprise', prefix: 'AUTH_GITHUB_ENTERPRISE', required: [...CS, 'BASE_URL'] },
  { id: 'gitlab', label: 'GitLab', prefix: 'AUTH_GITLAB', required: CS },
  { id: 'azure-ad', label: 'Azure AD / Entra ID', prefix: 'AUTH_AZURE_AD', required: [...CS, 'TENANT_ID'] },
  { id: 'okta', label: 'Okta', prefix: 'AUTH_OKTA', required: ISS },
  { id: 'auth0', label: 'Auth0', prefix: 'AUTH_AUTH0', required: ISS },
  { id: 'cognito', label: 'AWS Cognito', prefix: 'AUTH_COGNITO', required: ISS },
  { id: 'keycloak', label: 'Keycloak', prefix: 'AUTH_KEYCLOAK', required: ISS },
  { id: 'authentik', label: 'Authentik', prefix: 'AUTH_AUTHENTIK', required: ISS },
  { id: 'onelogin', label: 'OneLogin', prefix: 'AUTH_ONELOGIN', required: ISS },
  { id: 'jumpcloud', label: 'JumpCloud', prefix: 'AUTH_JUMPCLOUD', required: ISS },
  { id: 'workos', label: 'WorkOS', prefix: 'AUTH_WORKOS', required: CS },
  { id: 'wordpress', label: 'WordPress', prefix: 'AUTH_WORDPRESS', required: CS },
  { id: 'custom', label: 'custom OIDC', prefix: 'AUTH_CUSTOM', required: [...ISS, 'NAME'] },
];

export const ALLOWED_CHECKS = ['nonce', 'none', 'pkce', 'state'];
export const ALLOWED_CLIENT_AUTH_METHODS = [
  'client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth', 'none',
];

/** Variables that belong to a provider family (GitHub Enterprise's must not count as GitHub's). */
export function providerOf(variable: string): SsoProvider | undefined {
  let best: SsoProvider | undefined;
  for (const p of SSO_PROVIDERS) {
    if (variable.startsWith(`${p.prefix}_`) && (!best || p.prefix.length > best.prefix.length)) best = p;
  }
  return best;
}
