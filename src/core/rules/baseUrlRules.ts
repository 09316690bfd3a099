// Base-URL variables: which one the SDK in use reads (docs/langfuse-behaviour.md §7), and whether the URL is usable and
// points where the workspace's connection points. Only unprefixed names are read by SDKs themselves;
// prefixed forms (NEXT_PUBLIC_…) are passed by application code, so only their values are checked.
import { isLoopbackHost } from '../connections/connection';
import { CLOUD_REGIONS } from '../langfuse/regions';
import type { LangfuseVariableKind } from '../env/langfuseVariables';
import { variableName } from '../env/langfuseVariables';
import { isPlaceholderValue } from '../env/placeholders';
import type { Finding, Fix } from './finding';
import { finding } from './finding';
import type { KeyEntry } from './keyFormatRules';
import type { SdkKind } from './sdkDetect';
import { l10n } from '../l10n/l10n';

type UrlKind = Extract<LangfuseVariableKind, 'baseUrl' | 'baseUrlLegacy' | 'host'>;

function isUrlKind(kind: LangfuseVariableKind): kind is UrlKind {
  return kind === 'baseUrl' || kind === 'baseUrlLegacy' || kind === 'host';
}

function rename(entry: KeyEntry, to: UrlKind): Fix {
  const name = variableName(entry.variable.prefix, to);
  return { kind: 'replaceText', title: l10n.t('Rename to {0}', name), range: entry.entry.keyRange, newText: name };
}

export function sdkVariableFindings(file: string, keys: KeyEntry[], sdks: readonly SdkKind[]): Finding[] {
  const present = new Map<UrlKind, KeyEntry>();
  for (const k of keys) if (k.variable.prefix === '' && isUrlKind(k.variable.kind)) present.set(k.variable.kind, k);
  const baseUrl = present.get('baseUrl');
  const legacy = present.get('baseUrlLegacy');
  const host = present.get('host');
  const js4 = sdks.includes('js-v4');
  const js3 = sdks.includes('js-v3');
  const py = sdks.includes('python');
  const known = sdks.length > 0;
  const out: Finding[] = [];

  if (host && !baseUrl) {
    if (js4) {
      out.push(finding(file, 'variable-ignored-by-sdk', host.entry.keyRange, l10n.t('The JS/TS SDK v4 (@langfuse/*) does not read LANGFUSE_HOST: without LANGFUSE_BASE_URL it sends traces to https://cloud.langfuse.com. Rename it to LANGFUSE_BASE_URL.'), { fixes: [rename(host, 'baseUrl')] }));
    } else if (js3 && !legacy) {
      out.push(finding(file, 'variable-ignored-by-sdk', host.entry.keyRange, l10n.t('The JS/TS SDK v3 (langfuse package) reads only LANGFUSE_BASEURL, not LANGFUSE_HOST. Rename it to LANGFUSE_BASEURL, or move to the v4 SDK and LANGFUSE_BASE_URL.'), { fixes: [rename(host, 'baseUrlLegacy')] }));
    } else if (py) {
      out.push(finding(file, 'legacy-variable', host.entry.keyRange, l10n.t('LANGFUSE_HOST is deprecated in the Python SDK since 3.8.1. Use LANGFUSE_BASE_URL (keep LANGFUSE_HOST only for older SDK versions).'), { fixes: [rename(host, 'baseUrl')] }));
    } else if (!known) {
      out.push(finding(file, 'legacy-variable', host.entry.keyRange, l10n.t('Only the Python SDK reads LANGFUSE_HOST; the JS/TS SDK v4 ignores it and sends to https://cloud.langfuse.com. Use LANGFUSE_BASE_URL, which current SDKs read.'), { fixes: [rename(host, 'baseUrl')] }));
    }
  }
  if (legacy && !baseUrl) {
    if (py && !js3) {
      out.push(finding(file, 'variable-ignored-by-sdk', legacy.entry.keyRange, l10n.t('The Python SDK does not read LANGFUSE_BASEURL. Rename it to LANGFUSE_BASE_URL.'), { fixes: [rename(legacy, 'baseUrl')] }));
    } else if (!js3) {
      out.push(finding(file, 'legacy-variable', legacy.entry.keyRange, l10n.t('LANGFUSE_BASEURL is the legacy name (JS SDK v3); current SDKs read LANGFUSE_BASE_URL. Rename it.'), { fixes: [rename(legacy, 'baseUrl')] }));
    }
  }
  if (baseUrl && js3 && !js4 && !legacy) {
    out.push(finding(file, 'variable-ignored-by-sdk', baseUrl.entry.keyRange, l10n.t('The JS/TS SDK v3 (langfuse package) reads only LANGFUSE_BASEURL, so this setting is ignored and traces go to https://cloud.langfuse.com. Add LANGFUSE_BASEURL or move to the v4 SDK.'), { fixes: [rename(baseUrl, 'baseUrlLegacy')] }));
  }
  return out;
}

function normalise(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function baseUrlValueFindings(file: string, keys: KeyEntry[], connection: { name?: string; baseUrl?: string }): Finding[] {
  const out: Finding[] = [];
  let expected: URL | undefined;
  try { expected = connection.baseUrl ? new URL(connection.baseUrl) : undefined; } catch { expected = undefined; }

  for (const k of keys) {
    if (!isUrlKind(k.variable.kind)) continue;
    const value = k.entry.value.trim();
    if (isPlaceholderValue(value)) continue;
    const range = k.entry.valueRange;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      out.push(finding(file, 'base-url-invalid', range, l10n.t('{0} is not a URL. Use the address of your Langfuse instance, e.g. https://cloud.langfuse.com.', k.entry.key)));
      continue;
    }
    if (url.username || url.password) {
      // No fix here: its text would repeat the credentials.
      out.push(finding(file, 'base-url-invalid', range, l10n.t('{0} carries credentials in the URL. The SDK authenticates with the key pair; remove the user and password part, and rotate the secret if it was one.', k.entry.key)));
      continue;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      out.push(finding(file, 'base-url-invalid', range, l10n.t('{0} uses {1}// to {2}: keys would travel unencrypted. Use https:// (plain http only on this machine).', k.entry.key, url.protocol, url.host), {
        fixes: url.protocol === 'http:' ? [{ kind: 'replaceText', title: l10n.t('Use https://'), range, newText: value.replace(/^http:/i, 'https:') }] : [],
      }));
      continue;
    }
    if (/\/api\/public\/?$/.test(url.pathname)) {
      const fixed = value.replace(/\/api\/public\/?$/, '');
      out.push(finding(file, 'base-url-invalid', range, l10n.t('{0} ends in /api/public, which the SDK adds itself, so every request would go to /api/public/api/public. Remove that suffix.', k.entry.key), {
        fixes: [{ kind: 'replaceText', title: l10n.t('Use {0}', fixed), range, newText: fixed }],
      }));
      continue;
    }
    const cloudHost = /(^|\.)langfuse\.com$/i.test(url.hostname);
    if (cloudHost && !CLOUD_REGIONS.some(r => new URL(r.baseUrl).host === url.host) && url.hostname !== 'staging.langfuse.com') {
      out.push(finding(file, 'base-url-invalid', range, l10n.t('{0} is not a Langfuse Cloud region. Use {1} (EU, US, JP, HIPAA), or your self-hosted URL.', url.host, CLOUD_REGIONS.map(r => r.baseUrl).join(', '))));
      continue;
    }
    if (cloudHost && url.pathname.replace(/\/+$/, '') !== '') {
      const origin = url.origin;
      out.push(finding(file, 'base-url-invalid', range, l10n.t('Langfuse Cloud URLs have no path; the SDK would call {0}/api/public/… and fail. Use {1}.', normalise(url), origin), {
        fixes: [{ kind: 'replaceText', title: l10n.t('Use {0}', origin), range, newText: origin }],
      }));
      continue;
    }
    if (expected && normalise(url) !== normalise(expected)) {
      const target = normalise(expected);
      out.push(finding(file, 'base-url-mismatch', range, connection.name ? l10n.t('{0} sends to {1}, but the workspace\'s connection "{2}" points to {3}; keys of that connection are unknown elsewhere. Use {3}, or connect to the right instance.', k.entry.key, normalise(url), connection.name, target)
        : l10n.t('{0} sends to {1}, but the workspace\'s connection points to {2}; keys of that connection are unknown elsewhere. Use {2}, or connect to the right instance.', k.entry.key, normalise(url), target), {
        fixes: [{ kind: 'replaceText', title: l10n.t('Use {0}', target), range, newText: target }],
      }));
    }
  }
  return out;
}
