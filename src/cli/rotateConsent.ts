// What `rotate` adds on top of the engine for consent and guidance: hosts the user names with
// --allow-foreign-host (the only consent for writing a key into a .env that points elsewhere; --yes
// is not), and the next step after a failure, which past the revoke can only be --resume.
import { urlHost } from '../core/env/sdkBaseUrls';
import { l10n } from '../core/l10n/l10n';
import { TOOL_NAME } from '../core/names';
import { pastPointOfNoReturn, whatResumeDoes, type RotationEngine, type RotationJournal } from '../core/rotation';
import { UsageError } from './command';

/** `collector.example`, `collector.example:8443` or a URL naming it → `host[:port]` in lower case. */
export function parseAllowedHosts(values: readonly string[]): string[] {
  return values.map(value => {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
    const host = urlHost(withScheme);
    const rest = withScheme.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
    if (!host || !/^\/?$/.test(rest) || /@/.test(value)) throw new UsageError(l10n.t('--allow-foreign-host needs a host such as collector.example.com or collector.example.com:8443, got "{0}"', value));
    return host;
  });
}

/** After a failed run: past the revoke only --resume leads on; before it, --resume or --abort. */
export function nextStepAfterFailure(journal: RotationJournal | undefined): string | undefined {
  if (journal && pastPointOfNoReturn(journal)) {
    return l10n.t('The old key may already be revoked, so this rotation can only go forward: "{0} rotate --resume {1}" will {2}.', TOOL_NAME, journal.id, whatResumeDoes(journal));
  }
  return journal ? l10n.t('The rotation\'s progress is saved; see "{0} rotate --list", then --resume or --abort it.', TOOL_NAME) : undefined;
}

/** The journal of a rotation after a failure, if it can still be read. */
export function journalOrUndefined(engine: RotationEngine | undefined, id: string | undefined): RotationJournal | undefined {
  if (!engine || !id) return undefined;
  try { return engine.journals.load(id); } catch { return undefined; }
}
