// Where an SDK loading a .env file sends its key pair: the base-URL variables it reads and the host
// each names. Which variable wins depends on the SDK (JS/TS v4+: LANGFUSE_BASE_URL, then LANGFUSE_BASEURL
// — langfuse-js packages/client/src/LangfuseClient.ts at 0d5a8d0e9c503eacba2ef2829095bc39b5fa6da8; JS v3:
// LANGFUSE_BASEURL only; Python ≥ 3.8.1: LANGFUSE_BASE_URL, then LANGFUSE_HOST, and LANGFUSE_HOST alone
// before — langfuse-python langfuse/_client/client.py at c3c6a09e7b635730cc9c6eb661687cb7bc294532), so a
// host named by ANY of them may receive the key. Prefixed forms (NEXT_PUBLIC_…) are passed on by the
// application itself and count too.
import { parseEnv, type EnvDocument } from './envParser';
import { langfuseVariable, type LangfuseVariableKind } from './langfuseVariables';
import { isPlaceholderValue } from './placeholders';
import type { TextRange } from './position';
import { l10n } from '../l10n/l10n';

export interface BaseUrlSetting {
  /** The variable as written, e.g. `LANGFUSE_HOST` or `NEXT_PUBLIC_LANGFUSE_BASE_URL`. */
  variable: string;
  kind: Extract<LangfuseVariableKind, 'baseUrl' | 'baseUrlLegacy' | 'host'>;
  /** `host[:port]` in lower case; for a value that is no URL, the value itself (shortened). */
  host: string;
  /** The value parses as a URL. */
  isUrl: boolean;
  range: TextRange;
}

/** Which SDKs read a variable, for messages that say why a variable matters. */
/** Which SDKs read a base URL variable, in words. */
export function readBy(kind: BaseUrlSetting['kind']): string {
  switch (kind) {
    case 'baseUrl': return l10n.t('read first by current JS/TS (v4+) and Python SDKs');
    case 'baseUrlLegacy': return l10n.t('read by the JS/TS SDK v3, and by v4 when LANGFUSE_BASE_URL is not set');
    case 'host': return l10n.t('read by Python SDKs when LANGFUSE_BASE_URL is not set, and alone by Python SDKs before 3.8.1');
  }
}

/** `host[:port]` of a URL in lower case, or undefined when it is not a URL with a host. */
export function urlHost(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.host ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Every base-URL variable with a value (empty values and placeholders such as ${VAR} are left out). */
export function baseUrlSettings(doc: EnvDocument): BaseUrlSetting[] {
  const out: BaseUrlSetting[] = [];
  for (const entry of doc.entries) {
    const variable = langfuseVariable(entry.key);
    if (!variable || (variable.kind !== 'baseUrl' && variable.kind !== 'baseUrlLegacy' && variable.kind !== 'host')) continue;
    const value = entry.value.trim();
    if (!value || isPlaceholderValue(value)) continue;
    const host = urlHost(value);
    out.push({ variable: entry.key, kind: variable.kind, host: host ?? (value.length > 60 ? `${value.slice(0, 60)}…` : value), isUrl: host !== undefined, range: entry.valueRange });
  }
  return out;
}

/**
 * The base-URL settings of a .env text that name a host other than `connectionBaseUrl`'s: an SDK
 * loading the file may send the key pair there. A value that is no URL counts as foreign (nobody can
 * say where it points).
 */
export function foreignBaseUrls(text: string | EnvDocument, connectionBaseUrl: string): BaseUrlSetting[] {
  const own = urlHost(connectionBaseUrl);
  const doc = typeof text === 'string' ? parseEnv(text) : text;
  return baseUrlSettings(doc).filter(s => s.host !== own);
}
