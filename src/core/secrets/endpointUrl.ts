import { SinkConfigError } from './errors';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Parses a service endpoint: `https://` anywhere, `http://` only on loopback. */
export function checkedEndpoint(target: string, raw: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SinkConfigError(target, `${setting} is not a URL`, `Set ${setting} to an https:// address`);
  }
  if (url.username || url.password) {
    throw new SinkConfigError(target, `${setting} must not contain credentials`, `Remove the user:password part from ${setting}`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  throw new SinkConfigError(target, `${setting} uses ${url.protocol}// on ${url.hostname}; only https:// is allowed (http:// only on this machine's loopback)`, `Change ${setting} to https://${url.host}${url.pathname === '/' ? '' : url.pathname}`);
}
