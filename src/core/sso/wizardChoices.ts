// What the SSO assistant's steps offer, as data (the extension draws it as QuickPicks; like
// src/core/rotation/choices.ts for the rotation wizard): the provider list, the redirect-URI page,
// the online-check offer and result, the password-login choice, and the per-field validation.
import type { SsoProvider } from '../deployment/ssoProviders';
import { SSO_PROVIDERS } from '../deployment/ssoProviders';
import type { CheckItem, OnlineCheckResult } from './online/checkItems';
import { discoveryUrlOf } from './online/discoveryCheck';
import { consoleFields } from './consoleGuide';
import { parsePublicUrl, redirectUriFor } from './publicUrl';
import { planSsoSetup } from './setupInput';
import { l10n } from '../l10n/l10n';

export interface SsoWizardValues {
  providerId?: string;
  publicUrl?: string;
  issuer?: string;
  clientId?: string;
  name?: string;
}

/** The setup input from what the wizard has so far (placeholders where a later step fills in). */
export function wizardInput(values: SsoWizardValues, extra: Record<string, unknown> = {}) {
  return {
    provider: values.providerId ?? '', publicUrl: values.publicUrl ?? '', issuer: values.issuer, clientId: values.clientId ?? 'client-id',
    name: values.name ?? (values.providerId === 'custom' ? 'SSO' : undefined), ...extra,
  };
}

/** The validation message for one field (`*`: any), else undefined. */
export function fieldProblem(values: SsoWizardValues, field: string, extra: Record<string, unknown>): string | undefined {
  try {
    planSsoSetup(wizardInput(values, extra));
    return undefined;
  } catch (err) {
    const e = err as { field?: string; message: string };
    return e.field === field || field === '*' ? e.message : undefined;
  }
}

export function providerChoices(): { label: string; id: string; description: string; detail: string }[] {
  return SSO_PROVIDERS.map(p => ({
    // Provider names are brands; the custom provider's is words.
    label: p.id === 'custom' ? l10n.t('custom OIDC') : p.label, id: p.id, description: `/api/auth/callback/${p.id}`,
    detail: p.discovery.kind === 'none' ? `OAuth 2.0 (${p.prefix}_*)`
      : p.id === 'custom' ? l10n.t('OpenID Connect ({0}): any OIDC provider, e.g. a SAML IdP behind an OIDC broker', `${p.prefix}_*`) : `OpenID Connect (${p.prefix}_*)`,
  }));
}

/** The redirect URI to register and each field of the provider's console. */
export function redirectUriPage(provider: SsoProvider, publicUrl: string): { redirectUri: string; copy: { label: string; description: string; detail: string }; fields: { label: string; detail: string }[] } {
  const url = parsePublicUrl(publicUrl);
  const redirectUri = redirectUriFor(url, provider);
  const fields = consoleFields({ provider, redirectUri, url, clientAuthMethod: 'client_secret_basic', scope: provider.defaultScope, checks: provider.defaultChecks });
  return {
    redirectUri,
    copy: { label: `$(copy) ${redirectUri}`, description: l10n.t('Copy the redirect URI and continue'), detail: l10n.t('Register it at the provider as "{0}". {1}', fields[0].field, fields[0].why) },
    fields: fields.slice(1).map(f => ({ label: `${f.field}: ${f.value}`, detail: f.why })),
  };
}

export function onlineCheckOffer(issuer: string): { label: string; run: boolean; detail: string }[] {
  return [
    { label: l10n.t('$(cloud) Check {0} online now', issuer), run: true, detail: l10n.t('One GET of {0} and one authorization request on the same host; no secret is sent, nothing else is contacted.', discoveryUrlOf(issuer)) },
    { label: l10n.t('Skip the online check'), run: false, detail: l10n.t('Password login then stays on: it is turned off only after the check passed (no lock-out).') },
  ];
}

const ICON: Record<CheckItem['status'], string> = { pass: '$(pass)', fail: '$(error)', unknown: '$(question)' };

export function onlineCheckPage(check: OnlineCheckResult): { title: string; placeholder: string; items: { label: string; detail?: string; next: boolean }[] } {
  return {
    title: check.ok ? l10n.t('online check passed') : l10n.t('online check FAILED'),
    placeholder: check.ok ? l10n.t('The provider answers as Langfuse expects') : l10n.t('Fix what failed at the provider or go Back to change the values'),
    items: [
      { label: check.ok ? l10n.t('$(arrow-right) Continue') : l10n.t('$(arrow-right) Continue anyway (password login stays on)'), next: true },
      ...check.items.map(i => ({ label: `${ICON[i.status]} ${i.title}`, detail: i.detail, next: false })),
    ],
  };
}

/** A failed check from an error thrown while checking (an issuer that is not a URL, a refused host). */
export function failedCheck(err: unknown): OnlineCheckResult {
  return { ok: false, applicable: true, items: [{ id: 'url', status: 'fail', title: l10n.t('issuer URL'), detail: (err as Error).message }] };
}

/** Turning password login off is offered only after an online check passed (no lock-out). */
export function passwordLoginChoices(checkPassed: boolean): { label: string; off: boolean; detail: string }[] {
  return [
    { label: l10n.t('Keep password login on'), off: false, detail: checkPassed ? l10n.t('Accounts without SSO (the init user, contractors) can still sign in with email/password.') : l10n.t('Turning it off is offered only after the online check has passed, so nobody is locked out.') },
    ...(checkPassed ? [{ label: l10n.t('Turn password login off ({0})', 'AUTH_DISABLE_USERNAME_PASSWORD=true'), off: true, detail: l10n.t('After the restart nobody can sign in with email/password, the init user included: sign in once with SSO before you close your session.') }] : []),
  ];
}
