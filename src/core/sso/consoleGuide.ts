import { l10n } from '../l10n/l10n';
import type { SsoSetupPlan } from './setupInput';

/** One field the identity provider's console asks for, with what to enter and why. */
export interface ConsoleField {
  field: string;
  value: string;
  why: string;
}

/** Where the app/client is created, per provider (the consoles' own menu names), in the user's language when shown. */
export function consoleWhere(providerId: string): string {
  switch (providerId) {
    case 'google': return l10n.t('Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID');
    case 'github': return l10n.t('GitHub → Settings → Developer settings → OAuth Apps → New OAuth App (or the organization\'s settings)');
    case 'github-enterprise': return l10n.t('GitHub Enterprise Server → Settings → Developer settings → OAuth Apps → New OAuth App');
    case 'gitlab': return l10n.t('GitLab → Admin Area (or group/user settings) → Applications → Add new application');
    case 'azure-ad': return l10n.t('Microsoft Entra admin center → App registrations → New registration');
    case 'okta': return l10n.t('Okta Admin Console → Applications → Create App Integration → OIDC - OpenID Connect');
    case 'auth0': return l10n.t('Auth0 Dashboard → Applications → Create Application → Regular Web Application');
    case 'cognito': return l10n.t('AWS Console → Cognito → your user pool → App integration → App clients → Create app client (with a client secret)');
    case 'keycloak': return l10n.t('Keycloak Admin Console → your realm → Clients → Create client (OpenID Connect, Client authentication on)');
    case 'authentik': return l10n.t('authentik Admin interface → Applications → Providers → Create → OAuth2/OpenID Provider (confidential)');
    case 'onelogin': return l10n.t('OneLogin Administration → Applications → Add App → OpenId Connect (OIDC)');
    case 'jumpcloud': return l10n.t('JumpCloud Admin Portal → SSO Applications → Add New Application → Custom OIDC App');
    case 'workos': return l10n.t('WorkOS Dashboard → Configuration → Redirects, and your SSO connection');
    case 'wordpress': return l10n.t('WordPress.com Developer Resources → My Applications → Create New Application');
    default: return l10n.t('your OpenID Connect provider\'s admin console → new client / application (confidential, web)');
  }
}

/** The console's name for the redirect URI field, per provider. */
function redirectField(providerId: string): string {
  switch (providerId) {
    case 'google': return l10n.t('Authorized redirect URIs');
    case 'github': return l10n.t('Authorization callback URL');
    case 'github-enterprise': return l10n.t('Authorization callback URL');
    case 'gitlab': return l10n.t('Redirect URI');
    case 'azure-ad': return l10n.t('Redirect URI (platform "Web")');
    case 'okta': return l10n.t('Sign-in redirect URIs');
    case 'auth0': return l10n.t('Allowed Callback URLs');
    case 'cognito': return l10n.t('Allowed callback URLs');
    case 'keycloak': return l10n.t('Valid redirect URIs');
    case 'authentik': return l10n.t('Redirect URIs/Origins');
    case 'onelogin': return l10n.t('Redirect URI\'s');
    case 'jumpcloud': return l10n.t('Redirect URIs');
    case 'workos': return l10n.t('Redirect URIs');
    case 'wordpress': return l10n.t('Redirect URLs');
    default: return l10n.t('Redirect URI / callback URL');
  }
}

/** What to enter at the provider, field by field: the redirect URI first. */
export function consoleFields(plan: Pick<SsoSetupPlan, 'provider' | 'redirectUri' | 'url' | 'clientAuthMethod' | 'scope' | 'checks'>): ConsoleField[] {
  const p = plan.provider;
  const fields: ConsoleField[] = [
    { field: redirectField(p.id), value: plan.redirectUri, why: l10n.t('NextAuth sends users back to {0} under NEXTAUTH_URL; providers compare it character for character.', `/api/auth/callback/${p.id}`) },
  ];
  if (p.id === 'github' || p.id === 'github-enterprise') fields.push({ field: l10n.t('Homepage URL'), value: `${plan.url.origin}${plan.url.basePath}`, why: l10n.t('Shown to users on the consent screen.') });
  else if (p.discovery.kind !== 'none') {
    fields.push({ field: l10n.t('Application type / grant'), value: l10n.t('Web application, Authorization Code'), why: l10n.t('Langfuse runs the authorization code flow on its server (no implicit flow, no SPA).') });
    fields.push({ field: l10n.t('Client authentication'), value: plan.clientAuthMethod === 'client_secret_basic' ? l10n.t('Client secret (HTTP Basic)') : plan.clientAuthMethod, why: l10n.t('Langfuse sends the client secret with {0} unless {1} says otherwise.', plan.clientAuthMethod, `${p.prefix}_CLIENT_AUTH_METHOD`) });
    fields.push({ field: l10n.t('Scopes / claims'), value: plan.scope, why: l10n.t('Langfuse matches people by the email claim; without it the first sign-in fails.') });
    if (plan.checks?.includes('pkce')) fields.push({ field: 'PKCE', value: l10n.t('Allow S256'), why: l10n.t('Langfuse sends a PKCE challenge for {0} (checks {1}).', p.label, plan.checks.join(',')) });
  }
  if (p.id === 'azure-ad') fields.push({ field: l10n.t('Certificates & secrets → New client secret'), value: l10n.t('copy the secret\'s Value (not its ID)'), why: l10n.t('The value goes to AUTH_AZURE_AD_CLIENT_SECRET; the Directory (tenant) ID to AUTH_AZURE_AD_TENANT_ID.') });
  fields.push({ field: l10n.t('Sign-out / initiate-login URIs'), value: l10n.t('not needed'), why: l10n.t('Langfuse does not use provider-initiated login or front-channel logout.') });
  return fields;
}
