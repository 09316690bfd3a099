import { l10n } from '../l10n/l10n';
import { checkBaseUrl } from '../connections/connection';
import { shortPublicKey } from '../log/redact';
import { InsecureUrlError, InvalidKeyError, ValidationError } from './errors';

export interface ValidatedBaseUrl {
  /** `https://cloud.langfuse.com` — scheme, host and port. */
  origin: string;
  /** A custom base path without trailing slash (`''` for most instances), e.g. `/langfuse`. */
  basePath: string;
}

/**
 * Accepts https:// anywhere and http:// on loopback only; refuses credentials in the URL and a
 * trailing /api/public (SDK base URLs name the instance, not the API).
 */
export function validateBaseUrl(baseUrl: string): ValidatedBaseUrl {
  const checked = checkBaseUrl(baseUrl.trim());
  if (!checked.ok) throw new InsecureUrlError(checked.reason, { hint: l10n.t('Use the https:// address of your Langfuse instance, or a cloud region.') });
  const basePath = checked.url.pathname.replace(/\/+$/, '');
  if (/\/api(\/public)?$/.test(basePath)) {
    const suggested = `${checked.url.origin}${basePath.replace(/\/api(\/public)?$/, '')}`;
    throw new ValidationError('baseUrl', l10n.t('The base URL must not end in {0}: use {1}.', basePath.match(/\/api(\/public)?$/)?.[0] ?? '', suggested));
  }
  if (checked.url.search || checked.url.hash) throw new ValidationError('baseUrl', l10n.t('The base URL must not carry a query or fragment: use {0}.', `${checked.url.origin}${basePath}`));
  return { origin: checked.url.origin, basePath };
}

/**
 * Basic auth joins the pair with ":" and Langfuse splits on the first ":", so a key containing one
 * can never authenticate; control characters would corrupt the header. Refused before sending.
 */
export function validateKeyPair(publicKey: string, secretKey: string): void {
  if (!publicKey) throw new InvalidKeyError(l10n.t('The public key is empty. Paste the pk-lf-… key shown next to the secret in Langfuse.'));
  if (!secretKey) throw new InvalidKeyError(l10n.t('The secret key for {0} is empty. Paste the sk-lf-… secret (it is shown only once, when the key is created).', shortPublicKey(publicKey)));
  if (publicKey.includes(':')) throw new InvalidKeyError(l10n.t('The public key {0} contains ":", which HTTP Basic authentication cannot carry. Create a key without ":".', shortPublicKey(publicKey)));
  if (secretKey.includes(':')) throw new InvalidKeyError(l10n.t('The secret key for {0} contains ":", which HTTP Basic authentication cannot carry. Create a key without ":".', shortPublicKey(publicKey)));
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(publicKey + secretKey)) {
    throw new InvalidKeyError(l10n.t('The key pair for {0} contains whitespace or control characters (often a copied line break). Paste the keys again.', shortPublicKey(publicKey)));
  }
}
