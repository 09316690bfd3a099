import * as crypto from 'node:crypto';
import { l10n } from '../../l10n/l10n';
import type { SsoSetupPlan } from '../setupInput';
import type { FetchLimits } from './boundedGet';
import { boundedGet } from './boundedGet';
import type { CheckItem } from './checkItems';
import { shown } from './checkItems';

/** The OAuth error code in a query string or page (`invalid_redirect_uri`, `invalid_client`, …). */
function oauthError(text: string): string | undefined {
  const m = /\b(invalid_redirect_uri|redirect_uri_mismatch|invalid_client|unauthorized_client|invalid_scope|invalid_request|unsupported_response_type|access_denied)\b/.exec(text);
  return m?.[1];
}

/**
 * Asks the provider's authorization endpoint what it thinks of Langfuse's authorization request
 * (client id, redirect URI, response_type=code, the scopes, state, an S256 challenge), without
 * following its answer and without signing in. Providers check client and redirect URI before they
 * show a sign-in page, so: back to the redirect URI = registered (state echoed is checked too); on
 * to a sign-in page = accepted; an error page = rejected; a 200 page cannot be told apart.
 * Sent only when the endpoint is on the issuer's own origin.
 */
export async function probeRedirectUri(plan: SsoSetupPlan, authorizationEndpoint: string, limits: FetchLimits): Promise<CheckItem[]> {
  const title = l10n.t('Redirect URI {0} registered for client {1}', plan.redirectUri, plan.clientId);
  const state = crypto.randomBytes(16).toString('base64url');
  const verifier = crypto.randomBytes(32).toString('base64url');
  const url = new URL(authorizationEndpoint);
  url.searchParams.set('client_id', plan.clientId);
  url.searchParams.set('redirect_uri', plan.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', plan.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', crypto.createHash('sha256').update(verifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  if (plan.checks?.includes('nonce')) url.searchParams.set('nonce', crypto.randomBytes(16).toString('base64url'));
  const answer = await boundedGet(url.href, limits, false);
  const stateTitle = l10n.t('state returned unchanged');
  const stateUnknown: CheckItem = { id: 'state', status: 'unknown', title: stateTitle, detail: l10n.t('Every OAuth 2.0 server must return state; it is seen only after a real sign-in.') };
  if (answer.kind !== 'answer') {
    return [{ id: 'redirect-uri', status: 'unknown', title, detail: l10n.t('The authorization endpoint did not answer usefully ({0}); check the redirect URI in the provider\'s console.', answer.kind) }, stateUnknown];
  }
  if (answer.location) {
    const back = new URL(answer.location);
    const toRedirect = `${back.origin}${back.pathname}` === plan.redirectUri;
    if (toRedirect) {
      const error = back.searchParams.get('error');
      const echoed = back.searchParams.get('state') === state;
      const stateItem: CheckItem = echoed
        ? { id: 'state', status: 'pass', title: stateTitle, detail: l10n.t('The provider sent state back to the redirect URI as it was.') }
        : { id: 'state', status: 'fail', title: stateTitle, detail: l10n.t('The provider went back to the redirect URI without the state Langfuse sent; NextAuth then rejects every sign-in ("state mismatch"). Fix the provider, or set {0} without state.', `${plan.provider.prefix}_CHECKS`) };
      if (error) {
        return [{ id: 'redirect-uri', status: error === 'invalid_scope' || error === 'unauthorized_client' ? 'fail' : 'pass', title, detail: error === 'invalid_scope'
          ? l10n.t('Registered: the provider sent the request back to it, with error={0} (the client may not request "{1}": allow those scopes for the client).', shown(error, 40), plan.scope)
          : error === 'unauthorized_client'
            ? l10n.t('Registered: the provider sent the request back to it, with error={0} (allow the authorization code grant for the client).', shown(error, 40))
            : l10n.t('Registered: the provider sent the request back to it, with error={0}.', shown(error, 40)) }, stateItem];
      }
      return [{ id: 'redirect-uri', status: 'pass', title, detail: l10n.t('Registered: the provider sent the request back to the redirect URI.') }, stateItem];
    }
    return [{ id: 'redirect-uri', status: 'pass', title, detail: l10n.t('Accepted: the provider went on to its sign-in page ({0}), which it does only for a known client and a registered redirect URI.', shown(back.origin + back.pathname, 80)) }, stateUnknown];
  }
  const error = oauthError(answer.body);
  if (answer.status >= 400) {
    const detail = error === 'invalid_client' ? l10n.t('The provider does not know the client id {0}: copy the client ID from the provider\'s console.', plan.clientId)
      : error === 'invalid_redirect_uri' || error === 'redirect_uri_mismatch' || /redirect_uri/i.test(answer.body) ? l10n.t('The provider does not accept the redirect URI: register {0} exactly (scheme, host, port, path; no trailing slash) for the client.', plan.redirectUri)
        : error ? l10n.t('The provider rejected the request (HTTP {0}, {1}): check that {2} is registered and the authorization code grant is allowed.', answer.status, error, plan.redirectUri)
          : l10n.t('The provider rejected the request (HTTP {0}): check that {1} is registered and the authorization code grant is allowed.', answer.status, plan.redirectUri);
    return [{ id: 'redirect-uri', status: 'fail', title, detail }, stateUnknown];
  }
  return [{ id: 'redirect-uri', status: 'unknown', title, detail: l10n.t('The provider answered with a page (HTTP {0}) that may be its sign-in page or an error page; it does not let a client tell them apart. Open the provider\'s console and check that {1} is listed for the client.', answer.status, plan.redirectUri) }, stateUnknown];
}
