import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { get, isSet, valueLocation } from './checkContext';
import { placeholderOf } from './placeholders';
import { l10n } from '../../l10n/l10n';

/** LANGFUSE_INIT_* (docs/langfuse-behaviour.md §5.4, §11): parts apply only when complete; partial configs only log a warning. */
export function checkHeadlessInit(target: DeploymentTarget, out: CheckCollector): void {
  const set = (name: string): boolean => isSet(get(target, name)) && get(target, name)!.value !== '';
  const any = [...target.settings.keys()].some(k => k.startsWith('LANGFUSE_INIT_') && set(k));
  if (!any) return;
  let problem = false;
  const incomplete = (name: string, message: string): void => {
    const s = get(target, name);
    problem = true;
    out.finding(s?.file ?? target.file, s?.keyRange ?? target.anchor, 'init-incomplete', message);
  };
  if (!set('LANGFUSE_INIT_ORG_ID')) {
    const first = [...target.settings.keys()].find(k => k.startsWith('LANGFUSE_INIT_') && set(k))!;
    incomplete(first, l10n.t('{0} is set but LANGFUSE_INIT_ORG_ID is not: Langfuse applies none of the LANGFUSE_INIT_* variables without the organization id.', first));
  }
  const pairs: [string, string, (given: string, missing: string) => string][] = [
    ['LANGFUSE_INIT_PROJECT_PUBLIC_KEY', 'LANGFUSE_INIT_PROJECT_SECRET_KEY', (given, missing) => l10n.t('{0} is set without {1}: the initial API key pair is created only when both keys are set.', given, missing)],
    ['LANGFUSE_INIT_USER_EMAIL', 'LANGFUSE_INIT_USER_PASSWORD', (given, missing) => l10n.t('{0} is set without {1}: the initial user (organization OWNER) is created only when both are set.', given, missing)],
  ];
  for (const [a, b, message] of pairs) {
    if (set(a) !== set(b)) incomplete(set(a) ? a : b, set(a) ? message(a, b) : message(b, a));
  }
  if ((set('LANGFUSE_INIT_PROJECT_PUBLIC_KEY') || set('LANGFUSE_INIT_PROJECT_SECRET_KEY')) && !set('LANGFUSE_INIT_PROJECT_ID')) {
    incomplete('LANGFUSE_INIT_PROJECT_PUBLIC_KEY', l10n.t('LANGFUSE_INIT_PROJECT_*_KEY needs LANGFUSE_INIT_PROJECT_ID: the keys belong to the project created at startup.'));
  }
  const password = get(target, 'LANGFUSE_INIT_USER_PASSWORD');
  if (password?.value !== undefined && password.value !== '') {
    const where = valueLocation(password);
    const weak = password.value.length < 8 ? l10n.t('has {0} characters (Langfuse needs at least 8)', password.value.length) : placeholderOf(password.value) ? l10n.t('is the published default "{0}"', placeholderOf(password.value)!) : undefined;
    if (weak) {
      problem = true;
      out.finding(where.file, where.range, 'init-weak-password',
        l10n.t('LANGFUSE_INIT_USER_PASSWORD {0}: this account becomes organization OWNER, and with password login enabled anyone who guesses it owns every project.', weak));
    }
  }
  if (!problem) {
    const org = get(target, 'LANGFUSE_INIT_ORG_ID')!;
    out.pass('headless-init', org.file, org.keyRange.start.line, l10n.t('LANGFUSE_INIT_ORG_ID={0} with complete LANGFUSE_INIT_* groups', org.value ?? l10n.t('(from the environment)')));
  }
}
