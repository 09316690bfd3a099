import type { SsoProvider } from '../deployment/ssoProviders';
import { SsoInputError } from './errors';
import { l10n } from '../l10n/l10n';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** Langfuse's public address as NextAuth builds callbacks from it. */
export interface PublicUrl {
  /** `https://langfuse.acme.com` */
  origin: string;
  /** `''` or `/langfuse` (NEXT_PUBLIC_BASE_PATH: no trailing slash). */
  basePath: string;
  /** The NEXTAUTH_URL Langfuse needs: the origin, or with a base path `<origin><base>/api/auth`. */
  nextAuthUrl: string;
}

function normaliseBasePath(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  const withSlash = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(withSlash)) {
    throw new SsoInputError('basePath', l10n.t('The base path "{0}" is not a URL path like /langfuse (letters, digits, . _ ~ - between slashes).', raw));
  }
  return withSlash;
}

/**
 * The public URL users open. A path in it is the base path (NEXT_PUBLIC_BASE_PATH); a pasted
 * NEXTAUTH_URL ending in /api/auth is accepted too. https://, or http:// on loopback for a trial:
 * identity providers refuse plain-http redirect URIs for other hosts.
 */
export function parsePublicUrl(input: string, basePath?: string): PublicUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SsoInputError('publicUrl', l10n.t('The public URL is not a URL: give the address people open Langfuse at, e.g. https://langfuse.acme.com.'));
  }
  if (url.username || url.password) throw new SsoInputError('publicUrl', l10n.t('The public URL must not contain a user name or password.'));
  if (url.search || url.hash) throw new SsoInputError('publicUrl', l10n.t('The public URL must not carry a query or fragment: use {0}{1}.', url.origin, url.pathname.replace(/\/+$/, '')));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new SsoInputError('publicUrl', l10n.t('The public URL uses {0}// on {1}: identity providers accept only https:// redirect URIs for hosts other than this machine. Use https://{2}{3}.', url.protocol, url.hostname, url.host, url.pathname.replace(/\/+$/, '')));
  }
  const inUrl = normaliseBasePath(url.pathname.replace(/\/+$/, '').replace(/\/api\/auth$/, ''));
  const given = basePath === undefined ? undefined : normaliseBasePath(basePath);
  if (given !== undefined && inUrl !== '' && given !== inUrl) {
    throw new SsoInputError('basePath', l10n.t('The public URL\'s path is {0} but the base path given is {1}: give one of them.', inUrl, given || l10n.t('(none)')));
  }
  const base = given ?? inUrl;
  return { origin: url.origin, basePath: base, nextAuthUrl: base ? `${url.origin}${base}/api/auth` : url.origin };
}

/** `<origin>[<base path>]/api/auth/callback/<provider id>` (NextAuth v4 callbackUrl). */
export function redirectUriFor(url: PublicUrl, provider: Pick<SsoProvider, 'id'>): string {
  return `${url.origin}${url.basePath}/api/auth/callback/${provider.id}`;
}
