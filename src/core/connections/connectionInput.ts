// Checks of what a person types when adding a connection: undefined when fine, else what is wrong.
import { checkBaseUrl } from './connection';
import { l10n } from '../l10n/l10n';

/** The region list's last item (a function: its words are translated when shown). */
export function connectionRegionOther(): { label: string; description: string } {
  return { label: l10n.t('Self-hosted or other URL…'), description: l10n.t('https://, or http:// on loopback') };
}

export function baseUrlProblem(value: string): string | undefined {
  const r = checkBaseUrl(value.trim());
  if (!r.ok) return r.reason;
  return /\/api(\/public)?\/?$/.test(r.url.pathname) ? l10n.t('Leave out /api/public: use the instance address.') : undefined;
}

export function connectionNameProblem(value: string, taken: readonly string[]): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('Enter a name.');
  return taken.includes(name) ? l10n.t('A connection named "{0}" exists already.', name) : undefined;
}

export function publicKeyInputProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return l10n.t('Paste the public key.');
  if (v.startsWith('sk-lf-')) return l10n.t('That is a secret key. The public key starts with pk-lf-.');
  if (!v.startsWith('pk-lf-')) return l10n.t('Langfuse public keys start with pk-lf-.');
  if (v.includes(':')) return l10n.t('A key containing ":" cannot be used with HTTP Basic authentication.');
  return undefined;
}

export function secretKeyInputProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return l10n.t('Paste the secret key.');
  if (v.startsWith('pk-lf-')) return l10n.t('That is a public key. The secret key starts with sk-lf-.');
  if (!v.startsWith('sk-lf-')) return l10n.t('Langfuse secret keys start with sk-lf-.');
  if (/^sk-lf-\.\.\./.test(v)) return l10n.t('That is the masked display form (sk-lf-...abcd); Langfuse shows the full secret only once, at creation.');
  if (v.includes(':')) return l10n.t('A key containing ":" cannot be used with HTTP Basic authentication.');
  return undefined;
}
