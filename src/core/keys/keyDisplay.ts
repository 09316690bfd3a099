// How keys and their ages read on screen, one style everywhere (tree, pickers, dialogs, reports, CLI):
// a public key as `pk-lf-b100…0001` (enough of it to tell keys apart), a secret as `sk-lf-…abcd` at
// most, an age in days. Langfuse's own `displaySecretKey` (`sk-lf-...abcd`, docs/langfuse-behaviour.md
// §2.4) is reformatted into the same mask.
import { l10n } from '../l10n/l10n';

const PUBLIC_PREFIX = 'pk-lf-';
const SECRET_PREFIX = 'sk-lf-';
/** Langfuse's masked form: `sk-lf-...` + the last four characters. */
const LANGFUSE_DISPLAY = /^sk-lf-\.\.\.(.{1,4})$/;

/**
 * `pk-lf-b1000000-0000-4000-8000-000000000001` → `pk-lf-b100…0001`: the first and last `width`
 * characters after the prefix (of a generated key: of its UUID). Short keys are shown whole.
 */
export function shortPublicKey(publicKey: string, width = 4): string {
  const prefix = publicKey.startsWith(PUBLIC_PREFIX) ? PUBLIC_PREFIX : '';
  const rest = publicKey.slice(prefix.length);
  if (rest.length <= 2 * width + 1) return publicKey;
  return `${prefix}${rest.slice(0, width)}…${rest.slice(-width)}`;
}

/**
 * A label per public key, unique among the keys shown together: `shortPublicKey`, widened for keys
 * whose short forms collide (predefined keys such as `pk-lf-prod-chatbot-0001` and
 * `pk-lf-prod-worker-0001` share both ends), up to the whole key.
 */
export function distinctPublicKeyLabels(publicKeys: Iterable<string>): Map<string, string> {
  const keys = [...new Set(publicKeys)];
  const width = new Map(keys.map(k => [k, 4]));
  const labels = new Map<string, string>();
  for (let round = 0; round < 64; round++) {
    labels.clear();
    for (const k of keys) labels.set(k, shortPublicKey(k, width.get(k)!));
    const byLabel = new Map<string, string[]>();
    for (const [k, label] of labels) byLabel.set(label, [...(byLabel.get(label) ?? []), k]);
    const colliding = [...byLabel.values()].filter(group => group.length > 1).flat();
    if (colliding.length === 0) break;
    for (const k of colliding) width.set(k, width.get(k)! + 2);
  }
  return labels;
}

/**
 * A secret key, or Langfuse's `displaySecretKey`, as `sk-lf-…abcd` (the last four characters only).
 * Short or odd values are fully masked; an already masked value is kept.
 */
export function maskSecretKey(secret: string): string {
  if (secret.startsWith(`${SECRET_PREFIX}…`)) return secret;
  const display = LANGFUSE_DISPLAY.exec(secret);
  if (display) return `${SECRET_PREFIX}…${display[1].length === 4 ? display[1] : ''}`;
  const tail = secret.length >= 14 ? secret.slice(-4) : '';
  return `${SECRET_PREFIX}…${tail}`;
}

/** One unit for every age on screen: days (the rotation policy is in days too). */
export function formatAge(days: number | undefined): string {
  if (days === undefined) return l10n.t('age unknown');
  if (days === 0) return l10n.t('new today');
  return days === 1 ? l10n.t('1 day old') : l10n.t('{0} days old', days);
}
