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
  if (!checked.ok) throw new InsecureUrlError(checked.reason, { hint: 'Use the https:// address of your Langfuse instance, or a cloud region.' });
  const basePath = checked.url.pathname.replace(/\/+$/, '');
  if (/\/api(\/public)?$/.test(basePath)) {
    const suggested = `${checked.url.origin}${basePath.replace(/\/api(\/public)?$/, '')}`;
    throw new ValidationError('baseUrl', `The base URL must not end in ${basePath.match(/\/api(\/public)?$/)?.[0]}: use ${suggested}.`);
  }
  if (checked.url.search || checked.url.hash) throw new ValidationError('baseUrl', `The base URL must not carry a query or fragment: use ${checked.url.origin}${basePath}.`);
  return { origin: checked.url.origin, basePath };
}

/**
 * Basic auth joins the pair with ":" and Langfuse splits on the first ":", so a key containing one
 * can never authenticate; control characters would corrupt the header. Refused before sending.
 */
export function validateKeyPair(publicKey: string, secretKey: string): void {
  if (!publicKey) throw new InvalidKeyError('The public key is empty. Paste the pk-lf-… key shown next to the secret in Langfuse.');
  if (!secretKey) throw new InvalidKeyError(`The secret key for ${shortPublicKey(publicKey)} is empty. Paste the sk-lf-… secret (it is shown only once, when the key is created).`);
  if (publicKey.includes(':')) throw new InvalidKeyError(`The public key ${shortPublicKey(publicKey)} contains ":", which HTTP Basic authentication cannot carry. Create a key without ":".`);
  if (secretKey.includes(':')) throw new InvalidKeyError(`The secret key for ${shortPublicKey(publicKey)} contains ":", which HTTP Basic authentication cannot carry. Create a key without ":".`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(publicKey + secretKey)) {
    throw new InvalidKeyError(`The key pair for ${shortPublicKey(publicKey)} contains whitespace or control characters (often a copied line break). Paste the keys again.`);
  }
}
