// When an edge may answer a confirmation without asking: the rules of standing consent, written once
// (the CLI applies them to `--yes` and to runs without a terminal; later flags that are not `--yes`,
// such as consent to a foreign host, extend this table rather than an edge).
import type { Confirmation } from './port';

export interface ConsentContext {
  /** Standing consent to every confirmation (`--yes`). */
  yes: boolean;
  /** Someone can be asked (a terminal and no --yes). */
  interactive: boolean;
}

/** Confirmations the command line itself states (the plan in argv, `--abort ID`): no second question. */
const STATED_BY_INVOCATION = new Set<Confirmation['id']>(['rotation-start', 'rotation-abort']);

/**
 * The answer without asking, with the words to print: `ask` when a person must answer (the question
 * to put), else the answer given by standing consent or its absence.
 */
export function standingConsent(c: Confirmation, ctx: ConsentContext): { answer: boolean; say?: string } | { ask: string } {
  if (STATED_BY_INVOCATION.has(c.id)) return { answer: true };
  const lead = [c.detail, c.id === 'rotation-checklist' ? c.message : undefined].filter(Boolean).join('\n');
  const say = (text: string) => (lead ? `${lead}\n${text}` : text);
  if (ctx.yes) return { answer: true, say: say(c.id === 'rotation-checklist' ? 'Confirmed by --yes.' : `${c.message} Yes (--yes).`) };
  if (!ctx.interactive) {
    if (c.id === 'rotation-checklist') return { answer: false, say: say('Not confirmed: no terminal and no --yes.') };
    if (c.id === 'rotation-revoke') return { answer: false, say: say(`${c.message}\nNot revoking: no terminal and no --yes. The rotation is saved and waits here.`) };
    return { answer: false, say: say(`${c.message}\nNot confirmed: no terminal and no --yes.`) };
  }
  return { ask: lead ? `${lead}\n${c.id === 'rotation-checklist' ? 'Is every item done?' : c.message} [y/N] ` : `${c.message} [y/N] ` };
}
