import { maskSecretKey, redactText } from '../log/redact';

const SECRET_FIELD = /^(secretKey|secret_key|LANGFUSE_SECRET_KEY|password|token|authorization|secretAccessKey)$/i;

/** Audit details never hold a secret: secret-named fields are masked and any `sk-lf-…` text is redacted. */
export function sanitizeDetails(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET_FIELD.test(key)) return value.startsWith('sk-lf-') ? maskSecretKey(value) : '***';
    return redactText(value);
  }
  if (Array.isArray(value)) return value.map(v => sanitizeDetails(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitizeDetails(v, k);
    return out;
  }
  return value;
}
