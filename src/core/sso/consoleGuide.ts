import type { SsoSetupPlan } from './setupInput';

/** One field the identity provider's console asks for, with what to enter and why. */
export interface ConsoleField {
  field: string;
  value: string;
  why: string;
}

/** Where the app/client is created, per provider (the consoles' own menu names). */
const WHERE: Record<string, string> = {
  google: 'Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID',
  github: 'GitHub → Settings → Developer settings → OAuth Apps → New OAuth App (or the organization\'s settings)',
  'github-enterprise': 'GitHub Enterprise Server → Settings → Developer settings → OAuth Apps → New OAuth App',
  gitlab: 'GitLab → Admin Area (or group/user settings) → Applications → Add new application',
  'azure-ad': 'Microsoft Entra admin center → App registrations → New registration',
  okta: 'Okta Admin Console → Applications → Create App Integration → OIDC - OpenID Connect',
  auth0: 'Auth0 Dashboard → Applications → Create Application → Regular Web Application',
  cognito: 'AWS Console → Cognito → your user pool → App integration → App clients → Create app client (with a client secret)',
  keycloak: 'Keycloak Admin Console → your realm → Clients → Create client (OpenID Connect, Client authentication on)',
  authentik: 'authentik Admin interface → Applications → Providers → Create → OAuth2/OpenID Provider (confidential)',
  onelogin: 'OneLogin Administration → Applications → Add App → OpenId Connect (OIDC)',
  jumpcloud: 'JumpCloud Admin Portal → SSO Applications → Add New Application → Custom OIDC App',
  workos: 'WorkOS Dashboard → Configuration → Redirects, and your SSO connection',
  wordpress: 'WordPress.com Developer Resources → My Applications → Create New Application',
  custom: 'your OpenID Connect provider\'s admin console → new client / application (confidential, web)',
};

const REDIRECT_FIELD: Record<string, string> = {
  google: 'Authorized redirect URIs',
  github: 'Authorization callback URL',
  'github-enterprise': 'Authorization callback URL',
  gitlab: 'Redirect URI',
  'azure-ad': 'Redirect URI (platform "Web")',
  okta: 'Sign-in redirect URIs',
  auth0: 'Allowed Callback URLs',
  cognito: 'Allowed callback URLs',
  keycloak: 'Valid redirect URIs',
  authentik: 'Redirect URIs/Origins',
  onelogin: 'Redirect URI\'s',
  jumpcloud: 'Redirect URIs',
  workos: 'Redirect URIs',
  wordpress: 'Redirect URLs',
  custom: 'Redirect URI / callback URL',
};

export function consoleWhere(providerId: string): string {
  return WHERE[providerId] ?? WHERE.custom;
}

/** What to enter at the provider, field by field: the redirect URI first. */
export function consoleFields(plan: Pick<SsoSetupPlan, 'provider' | 'redirectUri' | 'url' | 'clientAuthMethod' | 'scope' | 'checks'>): ConsoleField[] {
  const p = plan.provider;
  const fields: ConsoleField[] = [
    { field: REDIRECT_FIELD[p.id] ?? REDIRECT_FIELD.custom, value: plan.redirectUri, why: `NextAuth sends users back to /api/auth/callback/${p.id} under NEXTAUTH_URL; providers compare it character for character.` },
  ];
  if (p.id === 'github' || p.id === 'github-enterprise') fields.push({ field: 'Homepage URL', value: `${plan.url.origin}${plan.url.basePath}`, why: 'Shown to users on the consent screen.' });
  else if (p.discovery.kind !== 'none') {
    fields.push({ field: 'Application type / grant', value: 'Web application, Authorization Code', why: 'Langfuse runs the authorization code flow on its server (no implicit flow, no SPA).' });
    fields.push({ field: 'Client authentication', value: plan.clientAuthMethod === 'client_secret_basic' ? 'Client secret (HTTP Basic)' : plan.clientAuthMethod, why: `Langfuse sends the client secret with ${plan.clientAuthMethod} unless ${p.prefix}_CLIENT_AUTH_METHOD says otherwise.` });
    fields.push({ field: 'Scopes / claims', value: plan.scope, why: 'Langfuse matches people by the email claim; without it the first sign-in fails.' });
    if (plan.checks?.includes('pkce')) fields.push({ field: 'PKCE', value: 'Allow S256', why: `Langfuse sends a PKCE challenge for ${p.label} (checks ${plan.checks.join(',')}).` });
  }
  if (p.id === 'azure-ad') fields.push({ field: 'Certificates & secrets → New client secret', value: 'copy the secret\'s Value (not its ID)', why: 'The value goes to AUTH_AZURE_AD_CLIENT_SECRET; the Directory (tenant) ID to AUTH_AZURE_AD_TENANT_ID.' });
  fields.push({ field: 'Sign-out / initiate-login URIs', value: 'not needed', why: 'Langfuse does not use provider-initiated login or front-channel logout.' });
  return fields;
}
