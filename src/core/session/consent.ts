// When an edge may answer a confirmation without asking: the rules of standing consent, written once
// (the CLI applies them to `--yes` and to runs without a terminal; later flags that are not `--yes`,
// such as consent to a foreign host, extend this table rather than an edge).
import { l10n } from '../l10n/l10n';
import type { Confirmation } from './port';

export interface ConsentContext {
  /** Standing consent to every confirmation (`--yes`). */
  yes: boolean;
  /** Someone can be asked (a terminal and no --yes). */
  interactive: boolean;
  /** Hosts named with --allow-foreign-host: the only consent to write a key into a .env pointing elsewhere. */
  allowForeignHosts?: readonly string[];
}

/** Confirmations the command line itself states (the plan in argv, `--abort ID`): no second question. */
const STATED_BY_INVOCATION = new Set<Confirmation['id']>(['rotation-start', 'rotation-abort']);

/**
 * The answer without asking, with the words to print: `ask` when a person must answer (the question
 * to put), else the answer given by standing consent or its absence.
 */
export function standingConsent(c: Confirmation, ctx: ConsentContext): { answer: boolean; say?: string } | { ask: string } {
  if (STATED_BY_INVOCATION.has(c.id)) return { answer: true };
  if (c.id === 'rotation-foreign-host') {
    // --yes is not consent here: the user names each host a key may go to (--allow-foreign-host).
    const missing = (c.hosts ?? []).filter(h => !(ctx.allowForeignHosts ?? []).includes(h));
    if (missing.length === 0) return { answer: true, say: `${c.message}\n${l10n.t('Allowed by --allow-foreign-host.')}` };
    const flags = missing.map(h => `--allow-foreign-host ${h}`).join(' ');
    return { answer: false, say: `${c.message}\n${l10n.t('Not written: --yes is not consent for this. Name the host with {0} if the key is meant to go there.', flags)}` };
  }
  const lead = [c.detail, c.id === 'rotation-checklist' ? c.message : undefined].filter(Boolean).join('\n');
  const say = (text: string) => (lead ? `${lead}\n${text}` : text);
  if (ctx.yes) return { answer: true, say: say(c.id === 'rotation-checklist' ? l10n.t('Confirmed by --yes.') : l10n.t('{0} Yes (--yes).', c.message)) };
  if (!ctx.interactive) {
    if (c.id === 'rotation-checklist') return { answer: false, say: say(l10n.t('Not confirmed: no terminal and no --yes.')) };
    if (c.id === 'rotation-revoke') return { answer: false, say: say(`${c.message}\n${l10n.t('Not revoking: no terminal and no --yes. The rotation is saved and waits here.')}`) };
    return { answer: false, say: say(`${c.message}\n${l10n.t('Not confirmed: no terminal and no --yes.')}`) };
  }
  // [y/N] names the keys the CLI reads (y), so it is not translated.
  return { ask: lead ? `${lead}\n${c.id === 'rotation-checklist' ? l10n.t('Is every item done?') : c.message} [y/N] ` : `${c.message} [y/N] ` };
}
