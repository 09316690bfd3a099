import { l10n } from '../l10n/l10n';
import { consoleFields, consoleWhere } from './consoleGuide';
import type { OnlineCheckResult } from './online/checkItems';
import type { SsoSetupPlan } from './setupInput';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** What to register at the identity provider, field by field (plain text for the CLI). */
export function renderConsoleGuide(plan: SsoSetupPlan): string {
  const lines = [
    l10n.t('{0} SSO for Langfuse {1} (provider id "{2}")', plan.provider.label, plan.langfuseVersion, plan.provider.id),
    l10n.t('Redirect URI to register: {0}', plan.redirectUri),
    '',
    l10n.t('At the provider: {0}', consoleWhere(plan.provider.id)),
    ...consoleFields(plan).map(f => `  ${f.field}: ${f.value}\n      ${f.why}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderOnlineCheck(result: OnlineCheckResult): string {
  const head = !result.applicable ? l10n.t('Online check: not applicable')
    : result.ok ? l10n.t('Online check of {0} ({1}): passed', result.issuer ?? '', result.discoveryUrl ?? '')
      : l10n.t('Online check of {0} ({1}): FAILED', result.issuer ?? '', result.discoveryUrl ?? '');
  return `${head}\n${result.items.map(i => `  ${MARK[i.status]} ${i.title}\n      ${i.detail}`).join('\n')}\n`;
}
