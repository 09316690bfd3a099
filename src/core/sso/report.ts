import { consoleFields, consoleWhere } from './consoleGuide';
import type { OnlineCheckResult } from './online/checkItems';
import type { SsoSetupPlan } from './setupInput';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** What to register at the identity provider, field by field (plain text for the CLI). */
export function renderConsoleGuide(plan: SsoSetupPlan): string {
  const lines = [
    `${plan.provider.label} SSO for Langfuse ${plan.langfuseVersion} (provider id "${plan.provider.id}")`,
    `Redirect URI to register: ${plan.redirectUri}`,
    '',
    `At the provider: ${consoleWhere(plan.provider.id)}`,
    ...consoleFields(plan).map(f => `  ${f.field}: ${f.value}\n      ${f.why}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderOnlineCheck(result: OnlineCheckResult): string {
  const head = !result.applicable ? 'Online check: not applicable'
    : `Online check of ${result.issuer} (${result.discoveryUrl}): ${result.ok ? 'passed' : 'FAILED'}`;
  return `${head}\n${result.items.map(i => `  ${MARK[i.status]} ${i.title}\n      ${i.detail}`).join('\n')}\n`;
}
