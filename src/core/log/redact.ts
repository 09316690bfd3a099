// Redaction applied by the logger to every argument before anything is written, so call sites
// cannot leak a secret by accident. Secrets are shown as `sk-lf-…abcd` at most.

import { maskSecretKey } from '../keys/keyDisplay';

const SECRET_KEY = /sk-lf-[A-Za-z0-9_-]+/g;
const AUTH_HEADER = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi;
const TOKEN_FIELD = /("?(?:authorization|x-vault-token|token|secretKey|secret_key|password|LANGFUSE_SECRET_KEY|secretAccessKey|sessionToken)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}&]+)/gi;

// One style for keys on screen and in logs (core/keys/keyDisplay.ts); re-exported for the logger's callers.
export { maskSecretKey, shortPublicKey } from '../keys/keyDisplay';

export function redactText(text: string): string {
  return text
    .replace(AUTH_HEADER, (_m, scheme: string) => `${scheme} ***`)
    .replace(TOKEN_FIELD, (_m, head: string, value: string) => {
      const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
      const inner = quote ? value.slice(1, -1) : value;
      const masked = /^sk-lf-/.test(inner) ? maskSecretKey(inner) : '***';
      return `${head}${quote}${masked}${quote}`;
    })
    .replace(SECRET_KEY, maskSecretKey);
}

/** Redacts any value: strings, errors (message and stack), and objects (serialised, then redacted). */
export function redact(value: unknown): string {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    const text = value.stack ?? `${value.name}: ${value.message}`;
    return redactText(text);
  }
  if (value === undefined) return 'undefined';
  try {
    return redactText(JSON.stringify(value, redactingReplacer));
  } catch {
    return redactText(String(value));
  }
}

const SECRET_FIELD_NAMES = /^(authorization|secretkey|secret_key|langfuse_secret_key|password|token|x-vault-token|secretaccesskey|sessiontoken)$/i;

function redactingReplacer(key: string, value: unknown): unknown {
  if (typeof value === 'string' && SECRET_FIELD_NAMES.test(key)) {
    return value.startsWith('sk-lf-') ? maskSecretKey(value) : '***';
  }
  return value;
}
