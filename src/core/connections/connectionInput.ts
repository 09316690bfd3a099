// Checks of what a person types when adding a connection: undefined when fine, else what is wrong.
import { checkBaseUrl } from './connection';

export const CONNECTION_REGION_OTHER = { label: 'Self-hosted or other URL…', description: 'https://, or http:// on loopback' };

export function baseUrlProblem(value: string): string | undefined {
  const r = checkBaseUrl(value.trim());
  if (!r.ok) return r.reason;
  return /\/api(\/public)?\/?$/.test(r.url.pathname) ? 'Leave out /api/public: use the instance address.' : undefined;
}

export function connectionNameProblem(value: string, taken: readonly string[]): string | undefined {
  const name = value.trim();
  if (!name) return 'Enter a name.';
  return taken.includes(name) ? `A connection named "${name}" exists already.` : undefined;
}

export function publicKeyInputProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the public key.';
  if (v.startsWith('sk-lf-')) return 'That is a secret key. The public key starts with pk-lf-.';
  if (!v.startsWith('pk-lf-')) return 'Langfuse public keys start with pk-lf-.';
  if (v.includes(':')) return 'A key containing ":" cannot be used with HTTP Basic authentication.';
  return undefined;
}

export function secretKeyInputProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the secret key.';
  if (v.startsWith('pk-lf-')) return 'That is a public key. The secret key starts with sk-lf-.';
  if (!v.startsWith('sk-lf-')) return 'Langfuse secret keys start with sk-lf-.';
  if (/^sk-lf-\.\.\./.test(v)) return 'That is the masked display form (sk-lf-...abcd); Langfuse shows the full secret only once, at creation.';
  if (v.includes(':')) return 'A key containing ":" cannot be used with HTTP Basic authentication.';
  return undefined;
}
