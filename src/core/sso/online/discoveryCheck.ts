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
    case 'unreachable': return `Could not reach ${new URL(outcome.url).host} (${outcome.code}): check the issuer's host and port, and that this machine can reach it.`;
    case 'timeout': return `No complete answer from ${new URL(outcome.url).host} within ${limits.timeoutMs / 1000} s; the check gave up.`;
    case 'too-large': return `The answer from ${new URL(outcome.url).host} is larger than ${Math.round(limits.maxBytes / 1024)} KiB, which no discovery document is; the check stopped reading it.`;
    case 'redirect-refused': return `${new URL(outcome.url).host} redirected (HTTP ${outcome.status}) to ${shown(outcome.toOrigin, 80)}; redirects to another host are not followed. Use the issuer the provider names itself, not an alias that redirects.`;
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
  if (doc.issuer === issuer) {
    items.push({ id: 'issuer', status: 'pass', title: 'issuer matches exactly', detail: `The document names itself ${issuer}.` });
  } else {
    const slash = doc.issuer.replace(/\/+$/, '') === issuer.replace(/\/+$/, '');
    items.push({ id: 'issuer', status: 'fail', title: 'issuer matches exactly', detail: `The document's issuer is "${shown(doc.issuer, 200)}" but ${v} gives "${issuer}"${slash ? ' (they differ only by a trailing slash)' : ''}. openid-client compares them character for character when it checks tokens, so sign-in fails after the provider's login. Set ${v} to exactly "${shown(doc.issuer, 200)}"${plan.provider.discovery.kind === 'azure-tenant' ? ' (a tenant GUID, not common/organizations)' : ''}.` });
  }
  const needed: [string, string | undefined][] = [['authorization_endpoint', doc.authorization_endpoint], ['token_endpoint', doc.token_endpoint]];
  needed.push(plan.provider.profileFrom === 'userinfo' ? ['userinfo_endpoint', doc.userinfo_endpoint] : ['jwks_uri', doc.jwks_uri]);
  const bad = needed.filter(([, url]) => !endpointOk(url)).map(([name]) => name);
  items.push(bad.length === 0
    ? { id: 'endpoints', status: 'pass', title: 'endpoints Langfuse uses', detail: needed.map(([n]) => n).join(', ') + ' are https URLs.' }
    : { id: 'endpoints', status: 'fail', title: 'endpoints Langfuse uses', detail: `${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} missing or not https; Langfuse needs ${needed.map(([n]) => n).join(', ')} for the authorization code flow. The provider's OpenID configuration is incomplete.` });
  const types = doc.response_types_supported;
  items.push(!types ? { id: 'response-type', status: 'unknown', title: 'authorization code flow (response_type=code)', detail: 'The document does not list response_types_supported.' }
    : types.some(t => t.split(' ').includes('code') && t.split(' ').length === 1)
      ? { id: 'response-type', status: 'pass', title: 'authorization code flow (response_type=code)', detail: 'Supported.' }
      : { id: 'response-type', status: 'fail', title: 'authorization code flow (response_type=code)', detail: 'The provider does not offer response_type=code, the only flow Langfuse uses: enable the authorization code grant for the client.' });
  const wanted = plan.scope.split(' ').filter(Boolean);
  const offered = doc.scopes_supported;
  const missing = offered ? wanted.filter(s => !offered.includes(s)) : [];
  items.push(!offered ? { id: 'scopes', status: 'unknown', title: `scopes ${wanted.join(' ')}`, detail: 'The document does not list scopes_supported (it is optional); the sign-in will tell.' }
    : missing.length === 0 ? { id: 'scopes', status: 'pass', title: `scopes ${wanted.join(' ')}`, detail: 'All offered.' }
      : { id: 'scopes', status: 'fail', title: `scopes ${wanted.join(' ')}`, detail: `The provider does not offer ${missing.join(', ')}. Langfuse needs the email claim to match accounts: enable ${missing.join(', ')} for the client${plan.provider.scopeVariable ? `, or set ${plan.provider.prefix}_SCOPE to scopes it offers that still yield email` : ''}.` });
  const s256 = doc.code_challenge_methods_supported?.includes('S256') === true;
  const pkceOn = plan.checks?.includes('pkce') === true;
  items.push(s256 ? { id: 'pkce', status: 'pass', title: 'PKCE with S256', detail: 'code_challenge_methods_supported lists S256.' }
    : pkceOn ? { id: 'pkce', status: 'fail', title: 'PKCE with S256', detail: `The document does not list S256 in code_challenge_methods_supported, but Langfuse sends a PKCE challenge for ${plan.provider.label} (checks ${plan.checks!.join(',')}). Enable PKCE (S256) for the client at the provider; if it cannot, set ${plan.provider.prefix}_CHECKS=state (weaker: no PKCE).` }
      : { id: 'pkce', status: 'unknown', title: 'PKCE with S256', detail: `Not advertised; Langfuse does not require it for ${plan.provider.label} with these checks.` });
  const methods = doc.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  items.push(methods.includes(plan.clientAuthMethod)
    ? { id: 'client-auth', status: 'pass', title: `client authentication ${plan.clientAuthMethod}`, detail: 'Supported at the token endpoint.' }
    : { id: 'client-auth', status: 'fail', title: `client authentication ${plan.clientAuthMethod}`, detail: `The token endpoint offers ${methods.map(m => shown(m, 40)).join(', ')}; set ${plan.provider.prefix}_CLIENT_AUTH_METHOD to one of them.` });
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
    const why = plan.provider.discovery.kind === 'none' ? plan.provider.discovery.why : 'no issuer was given';
    return { ok: false, applicable: false, items: [{ id: 'discovery', status: 'unknown', title: 'OpenID Connect discovery', detail: `Nothing to check online: ${why}. Try a sign-in before turning password login off.` }] };
  }
  checkIssuerUrl(issuer);
  const discoveryUrl = discoveryUrlOf(issuer);
  let outcome = await boundedGet(discoveryUrl, limits, true);
  const items: CheckItem[] = [];
  if (outcome.kind === 'answer' && outcome.status === 404 && issuer.endsWith('/')) {
    // Langfuse would fetch "…//.well-known": see whether the document exists without the extra slash.
    const trimmed = await boundedGet(discoveryUrlOf(issuer.replace(/\/+$/, '')), limits, true);
    if (trimmed.kind === 'answer' && trimmed.status === 200) {
      items.push({ id: 'discovery', status: 'fail', title: 'discovery document', detail: `${discoveryUrl} answers 404, because the issuer ends in "/" and Langfuse appends "/.well-known/openid-configuration" to it; the document is at ${discoveryUrlOf(issuer.replace(/\/+$/, ''))}.` });
      outcome = trimmed;
    }
  }
  if (outcome.kind !== 'answer') return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: 'discovery document', detail: fetchFailure(outcome, limits) }] };
  if (outcome.status !== 200) return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: 'discovery document', detail: `${discoveryUrl} answered HTTP ${outcome.status}; an OpenID provider serves its configuration there. Check ${issuerVariable(plan)} (realm, tenant or authorization-server path included).` }] };
  let json: unknown;
  try { json = JSON.parse(outcome.body); } catch { json = undefined; }
  const parsed = DiscoveryDocument.safeParse(json);
  if (!parsed.success) return { ok: false, applicable: true, issuer, discoveryUrl, items: [...items, { id: 'discovery', status: 'fail', title: 'discovery document', detail: `${discoveryUrl} did not return an OpenID configuration (JSON with issuer and endpoints); is ${issuerVariable(plan)} the issuer and not the login page?` }] };
  if (items.length === 0) items.push({ id: 'discovery', status: 'pass', title: 'discovery document', detail: `Read from ${discoveryUrl}.` });
  const doc = parsed.data;
  items.push(...documentItems(plan, issuer, doc));
  const auth = doc.authorization_endpoint;
  if (options.probeRedirect !== false && auth && endpointOk(auth)) {
    if (new URL(auth).origin === new URL(issuer).origin) items.push(...await probeRedirectUri(plan, auth, limits));
    else {
      items.push({ id: 'redirect-uri', status: 'unknown', title: `Redirect URI ${plan.redirectUri} registered`, detail: `The authorization endpoint is on ${shown(new URL(auth).host, 80)}, not the issuer's host, so it was not contacted. Check the redirect URI in the provider's console.` });
      items.push({ id: 'state', status: 'unknown', title: 'state returned unchanged', detail: 'Seen only after a real sign-in.' });
    }
  }
  return { ok: !items.some(i => i.status === 'fail'), applicable: true, issuer, discoveryUrl, items };
}
