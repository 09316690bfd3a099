import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { decidedAtDeploy, get, isSet, valueLocation } from './checkContext';
import { l10n } from '../../l10n/l10n';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** NEXTAUTH_URL: a valid https URL; with a base path it ends in <base>/api/auth (docs/langfuse-behaviour.md §5.1). */
export function checkPublicUrl(target: DeploymentTarget, out: CheckCollector): void {
  const s = get(target, 'NEXTAUTH_URL');
  if (!isSet(s)) {
    out.finding(s?.file ?? target.file, s?.valueRange ?? target.anchor, 'nextauth-url-missing',
      l10n.t('NEXTAUTH_URL is not set for {0}: it must be the public URL of the web UI; sign-in redirects and every SSO callback (/api/auth/callback/<provider>) are built from it.', target.name));
    return;
  }
  if (decidedAtDeploy(s, 'public-url', out)) return;
  const where = valueLocation(s!);
  let url: URL;
  try {
    url = new URL(s!.value!.trim());
  } catch {
    out.finding(where.file, where.range, 'nextauth-url-invalid', l10n.t('NEXTAUTH_URL "{0}" is not a URL; Langfuse refuses to start.', s!.value ?? ''));
    return;
  }
  if (url.protocol !== 'https:') {
    const local = LOOPBACK.test(url.hostname);
    out.finding(where.file, where.range, 'nextauth-url-not-https',
      local
        ? l10n.t('NEXTAUTH_URL is {0} (fine for a trial on this machine only): session cookies and SSO callbacks then travel unencrypted, and identity providers refuse non-https redirect URIs for remote hosts. Use the public https URL users open.', `${url.protocol}//${url.host}`)
        : l10n.t('NEXTAUTH_URL is {0}: session cookies and SSO callbacks then travel unencrypted, and identity providers refuse non-https redirect URIs for remote hosts. Use the public https URL users open.', `${url.protocol}//${url.host}`),
      local ? [] : [{ kind: 'replaceText', title: l10n.t('Use https'), file: where.file, range: where.range, newText: s!.value!.trim().replace(/^http:/i, 'https:') }]);
    return;
  }
  const basePath = get(target, 'NEXT_PUBLIC_BASE_PATH')?.value?.replace(/\/+$/, '');
  if (basePath && !url.pathname.replace(/\/+$/, '').endsWith(`${basePath}/api/auth`)) {
    out.finding(where.file, where.range, 'nextauth-url-invalid',
      l10n.t('NEXT_PUBLIC_BASE_PATH is {0}, so NEXTAUTH_URL must include the base path and /api/auth (e.g. {1}{0}/api/auth); otherwise sign-in callbacks miss the app.', basePath, url.origin));
    return;
  }
  out.pass('public-url', s!.file, s!.keyRange.start.line, l10n.t('NEXTAUTH_URL {0}', `${url.origin}${url.pathname === '/' ? '' : url.pathname}`));
}
