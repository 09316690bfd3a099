import type { DeploymentTarget, Setting } from '../types';
import type { SsoProvider } from '../ssoProviders';
import { ALLOWED_CHECKS, ALLOWED_CLIENT_AUTH_METHODS, providerOf, SSO_PROVIDERS } from '../ssoProviders';
import type { CheckCollector } from './checkContext';
import { decidedAtDeploy, get, isSet, isTrue } from './checkContext';
import { insertFix } from './fixes';
import { l10n } from '../../l10n/l10n';

export interface ProviderState {
  provider: SsoProvider;
  /** Variables of this family that are set. */
  present: Setting[];
  missing: string[];
}

export function providerStates(target: DeploymentTarget): ProviderState[] {
  const states: ProviderState[] = [];
  for (const provider of SSO_PROVIDERS) {
    const present = [...target.settings.values()].filter(s => providerOf(s.name) === provider && isSet(s));
    if (present.length === 0) continue;
    const missing = provider.required.map(r => `${provider.prefix}_${r}`).filter(name => !isSet(get(target, name)));
    states.push({ provider, present, missing });
  }
  return states;
}

/** The public origin + base path the callbacks are built from (NEXTAUTH_URL; docs/langfuse-behaviour.md §5.5). */
function callbackBase(target: DeploymentTarget): string {
  const url = get(target, 'NEXTAUTH_URL')?.value;
  const basePath = (get(target, 'NEXT_PUBLIC_BASE_PATH')?.value ?? '').replace(/\/+$/, '');
  try {
    return url ? `${new URL(url).origin}${basePath}` : `https://<your Langfuse host>${basePath}`;
  } catch {
    return `https://<your Langfuse host>${basePath}`;
  }
}

/** SSO enforcement, provider completeness, callback URLs, password login (docs/langfuse-behaviour.md §5.2, §5.5, §6a). */
export function checkSso(target: DeploymentTarget, out: CheckCollector): ProviderState[] {
  const states = providerStates(target);
  const registered = states.filter(s => s.missing.length === 0);
  const base = callbackBase(target);

  for (const s of states) {
    const at = s.present[0];
    const secretName = `${s.provider.prefix}_CLIENT_SECRET`;
    const emptySecret = get(target, secretName);
    if (s.missing.length === 1 && s.missing[0] === secretName && emptySecret) {
      out.finding(emptySecret.file, emptySecret.keyRange, 'sso-client-secret-missing',
        l10n.t('{0} is empty, so Langfuse does not register {1} SSO yet (every other variable is set). Paste the client secret from the provider\'s console here only while this file is git-ignored, or set {0} in the environment that starts Langfuse.', secretName, s.provider.label));
      for (const setting of s.present) checkProviderOption(setting, out);
      continue;
    }
    if (s.missing.length > 0) {
      const nameOnly = s.provider.id === 'custom' && s.missing.length === 1 && s.missing[0] === 'AUTH_CUSTOM_NAME';
      out.finding(at.file, at.keyRange, nameOnly ? 'sso-custom-name-missing' : 'sso-provider-incomplete', nameOnly
        ? 'AUTH_CUSTOM_CLIENT_ID, _CLIENT_SECRET and _ISSUER are set but AUTH_CUSTOM_NAME is not: Langfuse registers the custom OIDC provider only with a name (the sign-in button label), so no SSO button appears and nobody can use it.'
        : `${s.provider.label} SSO is missing ${s.missing.join(', ')}: Langfuse registers a provider only when all of ${s.provider.required.map(r => `${s.provider.prefix}_${r}`).join(', ')} are set, otherwise it is silently left out of the sign-in page.`,
      nameOnly && target.insertAt ? [insertFix(target.insertAt, 'AUTH_CUSTOM_NAME', 'SSO')] : []);
    } else {
      out.finding(at.file, at.keyRange, 'sso-callback-url',
        `${s.provider.label} SSO is configured. Register ${base}/api/auth/callback/${s.provider.id} as the redirect URI at the identity provider (built from NEXTAUTH_URL${get(target, 'NEXT_PUBLIC_BASE_PATH') ? ' and NEXT_PUBLIC_BASE_PATH' : ''}).`);
      out.pass('sso-provider', at.file, at.keyRange.start.line, `${s.provider.label} (${s.provider.id}): ${s.provider.required.map(r => `${s.provider.prefix}_${r}`).join(', ')} set`);
    }
    for (const setting of s.present) checkProviderOption(setting, out);
  }
  for (const setting of target.settings.values()) {
    if (/\/saml\b/i.test(setting.value ?? '') && /^AUTH_|NEXTAUTH_URL/.test(setting.name)) {
      out.finding(setting.file, setting.valueRange, 'sso-saml-url',
        l10n.t('{0} points at a SAML URL. Langfuse has no SAML support (no SAML provider or /api/auth/callback/saml route exists): every provider is OAuth2/OIDC. Put an OIDC-capable broker (Okta, Entra ID, Auth0, Keycloak, Cognito, WorkOS, JumpCloud) in front of a SAML IdP and use its OIDC issuer; the custom provider\'s callback is {1}/api/auth/callback/custom.', setting.name, base));
    }
  }

  const enforced = get(target, 'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT');
  const domains = (enforced?.value ?? '').split(',').map(d => d.trim()).filter(Boolean);
  if (isSet(enforced)) {
    out.pass('sso-enforced', enforced!.file, enforced!.keyRange.start.line, `AUTH_DOMAINS_WITH_SSO_ENFORCEMENT=${domains.join(',') || '(from the environment)'}`);
    if (registered.length === 0) {
      out.finding(enforced!.file, enforced!.keyRange, 'sso-enforced-without-provider',
        `AUTH_DOMAINS_WITH_SSO_ENFORCEMENT blocks email/password sign-in, signup and password reset for ${domains.join(', ') || 'the listed domains'}, but no SSO provider is fully configured${states.length ? ` (${states.map(s => s.provider.label).join(', ')} incomplete)` : ''}: those users cannot sign in at all.`);
    }
  } else {
    out.finding(target.file, target.anchor, 'sso-not-enforced',
      l10n.t('AUTH_DOMAINS_WITH_SSO_ENFORCEMENT is not set for {0}: people with your company address can still sign in and reset passwords with email/password, bypassing the IdP\'s MFA and offboarding. Set it to your domains (comma-separated). It blocks password login for those domains only and does not pick the provider.', target.name),
      target.insertAt && registered.length > 0 ? [insertFix(target.insertAt, 'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT', 'acme.com')] : []);
  }
  if (registered.length === 0 && states.length === 0) {
    out.finding(target.file, target.anchor, 'sso-no-provider',
      l10n.t('No SSO provider is configured for {0}: every account signs in with email and password managed by Langfuse. Configure one of {1}, … (all OIDC/OAuth2).', target.name, SSO_PROVIDERS.map(p => p.prefix + '_*').slice(0, 6).join(', ')));
  }

  const noPassword = get(target, 'AUTH_DISABLE_USERNAME_PASSWORD');
  if (decidedAtDeploy(noPassword, 'password-login', out)) return states;
  if (isTrue(noPassword)) {
    if (registered.length === 0) {
      out.finding(noPassword!.file, noPassword!.valueRange, 'no-login-method',
        l10n.t('AUTH_DISABLE_USERNAME_PASSWORD=true rejects every email/password sign-in, and no SSO provider is fully configured: nobody can sign in to this instance.'));
    } else {
      out.pass('password-login', noPassword!.file, noPassword!.keyRange.start.line, 'AUTH_DISABLE_USERNAME_PASSWORD=true');
    }
  } else if (isSet(enforced) && registered.length > 0) {
    out.finding(noPassword?.file ?? target.file, noPassword?.valueRange ?? target.anchor, 'password-login-enabled',
      l10n.t('SSO is enforced only for {0}; anyone with another address (contractors, personal addresses, the LANGFUSE_INIT_USER) can still sign in with email/password. Set AUTH_DISABLE_USERNAME_PASSWORD=true to make SSO the only way in.', domains.join(', ') || 'the listed domains'),
      !noPassword && target.insertAt ? [insertFix(target.insertAt, 'AUTH_DISABLE_USERNAME_PASSWORD', 'true')] : []);
  }
  return states;
}

function checkProviderOption(setting: Setting, out: CheckCollector): void {
  const v = setting.value?.trim();
  if (!v) return;
  if (setting.name.endsWith('_CHECKS')) {
    const bad = v.split(',').map(x => x.trim()).filter(x => x && !ALLOWED_CHECKS.includes(x));
    if (bad.length) out.finding(setting.file, setting.valueRange, 'sso-option-invalid', l10n.t('{0} may only list {1}; "{2}" is refused at startup.', setting.name, ALLOWED_CHECKS.join(', '), bad.join(', ')));
  }
  if (setting.name.endsWith('_CLIENT_AUTH_METHOD') && !ALLOWED_CLIENT_AUTH_METHODS.includes(v)) {
    out.finding(setting.file, setting.valueRange, 'sso-option-invalid', l10n.t('{0} must be one of {1}; "{2}" is refused at startup.', setting.name, ALLOWED_CLIENT_AUTH_METHODS.join(', '), v));
  }
}
