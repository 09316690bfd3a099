// Published defaults from Langfuse's docker-compose.yml (`# CHANGEME`), the langfuse-k8s chart and docs.
// These are public strings, so naming them in a message reveals nothing.
const PLACEHOLDERS = new Set([
  'mysecret', 'mysalt', 'changeme', 'change-me', 'change_me', 'secret', 'salt', 'password', 'postgres', 'clickhouse',
  'miniosecret', 'myredissecret', 'minio', 'redis', 'example', 'test', 'default', 'your-secret', 'yoursecret',
]);

export function placeholderOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (PLACEHOLDERS.has(v.toLowerCase())) return v;
  if (/^0+$/.test(v) && v.length >= 8) return `${v.length} zeros`;
  if (/^(x+|<[^>]*>|\.\.\.)$/i.test(v)) return v;
  return undefined;
}

/** The password inside a `scheme://user:password@host` URL, if it is a published default. */
export function urlPasswordPlaceholder(value: string | undefined): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]*)@/i.exec(value ?? '');
  return m ? placeholderOf(decodeURIComponentSafe(m[1])) : undefined;
}

function decodeURIComponentSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
