// Values that stand for "fill me in" rather than a real key: never checked against projects.

const DISPLAY_SECRET = /^sk-lf-(?:\.\.\.|…)[0-9a-f]{4}$/i;

/** `sk-lf-...1a2b`: the masked form Langfuse shows after creation (docs/langfuse-behaviour.md §2.4), not a usable secret. */
export function isDisplaySecretKey(value: string): boolean {
  return DISPLAY_SECRET.test(value);
}

export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (isDisplaySecretKey(v)) return false; // looks masked, but someone pasted it as the real secret
  if (v.includes('...') || v.includes('…')) return true;
  if (/^<.*>$/.test(v) || /^\{\{.*\}\}$/.test(v)) return true;
  if (/\$\{[^}]*\}|^\$[A-Za-z_]/.test(v)) return true; // variable reference expanded elsewhere
  if (/^(?:(?:pk|sk)-lf-)?(?:x{3,}|your[-_ ].*|changeme|change[-_]me|replace[-_]?me|todo|placeholder|example|dummy|none|null)$/i.test(v)) return true;
  return false;
}
