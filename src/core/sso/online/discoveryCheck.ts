import { l10n } from '../../l10n/l10n';
import type { SsoSetupPlan } from '../setupInput';
import { isLoopbackHost } from '../publicUrl';
import type { FetchLimits, FetchOutcome } from './boundedGet';
import { boundedGet, checkIssuerUrl } from './boundedGet';
import type { CheckItem, OnlineCheckResult } from './checkItems';
import { DiscoveryDocument, shown } from './checkItems';
import { probeRedirectUri } from './redirectProbe';

export interface OnlineCheckOptions extends Partial<FetchLimits> {
  /** Send the authorization request that tells whether the redirect URI is registered (default on). */
  probeRedirect?: boolean;
}

const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 256 * 1024 };

/** Langfuse reads `${issuer}/.well-known/openid-configuration`, trailing slash and all (customSsoProvider.ts). */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer}/.well-known/openid-configuration`;
}

function issuerVariable(plan: SsoSetupPlan): string {
  return plan.provider.discovery.kind === 'azure-tenant' ? `${plan.provider.prefix}_TENANT_ID` : `${plan.provider.prefix}_ISSUER`;
}

function fetchFailure(outcome: Exclude<FetchOutcome, { kind: 'answer' }>, limits: FetchLimits): string {
  switch (outcome.kind) {
    case 'unreachable': return l10n.t('Could not reach {0} ({1}): check the issuer\'s host and port, and that this machine can reach it.', new URL(outcome.url).host, outcome.code);
    case 'timeout': return l10n.t('No complete answer from {0} within {1} s; the check gave up.', new URL(outcome.url).host, limits.timeoutMs / 1000);
    case 'too-large': return l10n.t('The answer from {0} is larger than {1} KiB, which no discovery document is; the check stopped reading it.', new URL(outcome.url).host, Math.round(limits.maxBytes / 1024));
    case 'redirect-refused': return l10n.t('{0} redirected (HTTP {1}) to {2}; redirects to another host are not followed. Use the issuer the provider names itself, not an alias that redirects.', new URL(outcome.url).host, outcome.status, shown(outcome.toOrigin, 80));
  }
}

function endpointOk(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
  } catch { return false; }
}

/** Discovery document present and parsable: the items that need nothing but the document. */
function documentItems(plan: SsoSetupPlan, issuer: string, doc: DiscoveryDocument): CheckItem[] {
  const items: CheckItem[] = [];
  const v = issuerVariable(plan);
  const issuerTitle = l10n.t('issuer matches exactly');
  if (doc.issuer === issuer) {
    items.push({ id: 'issuer', status: 'pass', title: issuerTitle, detail: l10n.t('The document names itself {0}.', issuer) });
  } else {
    const named = shown(doc.issuer, 200);
    const slash = doc.issuer.replace(/\/+$/, '') === issuer.replace(/\/+$/, '');
    items.push({ id: 'issuer', status: 'fail', title: issuerTitle, detail: [
      slash ? l10n.t('The document\'s issuer is "{0}" but {1} gives "{2}" (they differ only by a trailing slash).', named, v, issuer)
        : l10n.t('The document\'s issuer is "{0}" but {1} gives "{2}".', named, v, issuer),
      l10n.t('openid-client compares them character for character when it checks tokens, so sign-in fails after the provider\'s login.'),
      plan.provider.discovery.kind === 'azure-tenant' ? l10n.t('Set {0} to exactly "{1}" (a tenant GUID, not common/organizations).', v, named) : l10n.t('Set {0} to exactly "{1}".', v, named),
    ].join(' ') });
  }
  const needed: [string, string | undefined][] = [['authorization_endpoint', doc.authorization_endpoint], ['token_endpoint', doc.token_endpoint]];
  needed.push(plan.provider.profileFrom === 'userinfo' ? ['userinfo_endpoint', doc.userinfo_endpoint] : ['jwks_uri', doc.jwks_uri]);
  const bad = needed.filter(([, url]) => !endpointOk(url)).map(([name]) => name);
  const endpointsTitle = l10n.t('endpoints Langfuse uses');
  const neededNames = needed.map(([n]) => n).join(', ');
  items.push(bad.length === 0
    ? { id: 'endpoints', status: 'pass', title: endpointsTitle, detail: l10n.t('{0} are https URLs.', neededNames) }
    : { id: 'endpoints', status: 'fail', title: endpointsTitle, detail: bad.length > 1
      ? l10n.t('{0} are missing or not https; Langfuse needs {1} for the authorization code flow. The provider\'s OpenID configuration is incomplete.', bad.join(', '), neededNames)
      : l10n.t('{0} is missing or not https; Langfuse needs {1} for the authorization code flow. The provider\'s OpenID configuration is incomplete.', bad[0], neededNames) });
  const types = doc.response_types_supported;
  const codeTitle = l10n.t('authorization code flow (response_type=code)');
  items.push(!types ? { id: 'response-type', status: 'unknown', title: codeTitle, detail: l10n.t('The document does not list response_types_supported.') }
    : types.some(t => t.split(' ').includes('code') && t.split(' ').length === 1)
      ? { id: 'response-type', status: 'pass', title: codeTitle, detail: l10n.t('Supported.') }
      : { id: 'response-type', status: 'fail', title: codeTitle, detail: l10n.t('The provider does not offer response_type=code, the only flow Langfuse uses: enable the authorization code grant for the client.') });
  const wanted = plan.scope.split(' ').filter(Boolean);
  const offered = doc.scopes_supported;
  const missing = offered ? wanted.filter(s => !offered.includes(s)) : [];
  const scopesTitle = l10n.t('scopes {0}', wanted.join(' '));
  items.push(!offered ? { id: 'scopes', status: 'unknown', title: scopesTitle, detail: l10n.t('The document does not list scopes_supported (it is optional); the sign-in will tell.') }
    : missing.length === 0 ? { id: 'scopes', status: 'pass', title: scopesTitle, detail: l10n.t('All offered.') }
      : { id: 'scopes', status: 'fail', title: scopesTitle, detail: plan.provider.scopeVariable
        ? l10n.t('The provider does not offer {0}. Langfuse needs the email claim to match accounts: enable {0} for the client, or set {1} to scopes it offers that still yield email.', missing.join(', '), `${plan.provider.prefix}_SCOPE`)
        : l10n.t('The provider does not offer {0}. Langfuse needs the email claim to match accounts: enable {0} for the client.', missing.join(', ')) });
  const s256 = doc.code_challenge_methods_supported?.includes('S256') === true;
  const pkceOn = plan.checks?.includes('pkce') === true;
  const pkceTitle = l10n.t('PKCE with S256');
  items.push(s256 ? { id: 'pkce', status: 'pass', title: pkceTitle, detail: l10n.t('code_challenge_methods_supported lists S256.') }
    : pkceOn ? { id: 'pkce', status: 'fail', title: pkceTitle, detail: l10n.t('The document does not list S256 in code_challenge_methods_supported, but Langfuse sends a PKCE challenge for {0} (checks {1}). Enable PKCE (S256) for the client at the provider; if it cannot, set {2}=state (weaker: no PKCE).', plan.provider.label, plan.checks!.join(','), `${plan.provider.prefix}_CHECKS`) }
      : { id: 'pkce', status: 'unknown', title: pkceTitle, detail: l10n.t('Not advertised; Langfuse does not require it for {0} with these checks.', plan.provider.label) });
  const methods = doc.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const authTitle = l10n.t('client authentication {0}', plan.clientAuthMethod);
  items.push(methods.includes(plan.clientAuthMethod)
    ? { id: 'client-auth', status: 'pass', title: authTitle, detail: l10n.t('Supported at the token endpoint.') }
    : { id: 'client-auth', status: 'fail', title: authTitle, detail: l10n.t('The token endpoint offers {0}; set {1} to one of them.', methods.map(m => shown(m, 40)).join(', '), `${plan.provider.prefix}_CLIENT_AUTH_METHOD`) });
  return items;
}

/**
 * The explicit online check: one GET of the discovery document at the issuer the user typed (and,
 * when asked, one authorization request to the same origin). Nothing else is contacted; no secret
 * is sent anywhere.
 */
export async function checkProviderOnline(plan: SsoSetupPlan, options: OnlineCheckOptions = {}): Promise<OnlineCheckResult> {
  const limits: FetchLimits = { timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  const issuer = plan.discoveryIssuer;
  if (!issuer) {
    const why = plan.provider.discovery.kind === 'none' ? plan.provider.discovery.why() : l10n.t('no issuer was given');
    return { ok: false, applicable: false, items: [{ id: 'discovery', status: 'unknown', title: l10n.t('OpenID Connect discovery'), detail: l10n.t('Nothing to check online: {0}. Try a sign-in before turning password login off.', why) }] };
  }
  checkIssuerUrl(issuer);
  const discoveryUrl = discoveryUrlOf(issuer);
  let outcome = await boundedGet(discoveryUrl, limits, true);
  const items: CheckItem[] = [];
  const docTitle = l10n.t('discovery document');
  if (outcome.kind === 'answer' && outcome.status === 404 && issuer.endsWith('/')) {
    // Langfuse would fetch "…//.well-known": see whether the document exists without the extra slash.
    const trimmed = await boundedGet(discoveryUrlOf(issuer.replace(/\/+$/, '')), limits, true);
    if (trimmed.kind === 'answer' && trimmed.status === 200) {
      items.push({ id: 'discovery', status: 'fail', title: docTitle, detail: l10n.t('{0} answers 404, because the issuer ends in "/" and Langfuse appends "/.well-known/openid-configuration" to it; the document is at {1}.', discoveryUrl, discoveryUrlOf(issuer.replace(/\/+$/, ''))) });
      outcome = trimmed;
    }
  }
  if (outcome.kind !== 'answer') return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: docTitle, detail: fetchFailure(outcome, limits) }] };
  if (outcome.status !== 200) return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: docTitle, detail: l10n.t('{0} answered HTTP {1}; an OpenID provider serves its configuration there. Check {2} (realm, tenant or authorization-server path included).', discoveryUrl, outcome.status, issuerVariable(plan)) }] };
  let json: unknown;
  try { json = JSON.parse(outcome.body); } catch { json = undefined; }
  const parsed = DiscoveryDocument.safeParse(json);
  if (!parsed.success) return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: docTitle, detail: l10n.t('{0} did not return an OpenID configuration (JSON with issuer and endpoints); is {1} the issuer and not the login page?', discoveryUrl, issuerVariable(plan)) }] };
  if (items.length === 0) items.push({ id: 'discovery', status: 'pass', title: docTitle, detail: l10n.t('Read from {0}.', discoveryUrl) });
  const doc = parsed.data;
  items.push(...documentItems(plan, issuer, doc));
  const auth = doc.authorization_endpoint;
  if (options.probeRedirect !== false && auth && endpointOk(auth)) {
    if (new URL(auth).origin === new URL(issuer).origin) items.push(...await probeRedirectUri(plan, auth, limits));
    else {
      items.push({ id: 'redirect-uri', status: 'unknown', title: l10n.t('Redirect URI {0} registered', plan.redirectUri), detail: l10n.t('The authorization endpoint is on {0}, not the issuer\'s host, so it was not contacted. Check the redirect URI in the provider\'s console.', shown(new URL(auth).host, 80)) });
      items.push({ id: 'state', status: 'unknown', title: l10n.t('state returned unchanged'), detail: l10n.t('Seen only after a real sign-in.') });
    }
  }
  return { ok: !items.some(i => i.status === 'fail'), applicable: true, issuer, discoveryUrl, items };
}
