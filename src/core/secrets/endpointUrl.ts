import { l10n } from '../l10n/l10n';
import { SinkConfigError } from './errors';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Parses a service endpoint: `https://` anywhere, `http://` only on loopback. */
export function checkedEndpoint(target: string, raw: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SinkConfigError(target, l10n.t('{0} is not a URL', setting), l10n.t('Set {0} to an https:// address', setting));
  }
  if (url.username || url.password) {
    throw new SinkConfigError(target, l10n.t('{0} must not contain credentials', setting), l10n.t('Remove the user:password part from {0}', setting));
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  throw new SinkConfigError(target, l10n.t('{0} uses {1} on {2}; only https:// is allowed (http:// only on this machine\'s loopback)', setting, `${url.protocol}//`, url.hostname), l10n.t('Change {0} to {1}', setting, `https://${url.host}${url.pathname === '/' ? '' : url.pathname}`));
}
