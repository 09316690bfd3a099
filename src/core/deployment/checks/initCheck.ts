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
    incomplete(first, `${first} is set but LANGFUSE_INIT_ORG_ID is not: Langfuse applies none of the LANGFUSE_INIT_* variables without the organization id.`);
  }
  const pairs: [string, string, string][] = [
    ['LANGFUSE_INIT_PROJECT_PUBLIC_KEY', 'LANGFUSE_INIT_PROJECT_SECRET_KEY', 'the initial API key pair is created only when both keys are set'],
    ['LANGFUSE_INIT_USER_EMAIL', 'LANGFUSE_INIT_USER_PASSWORD', 'the initial user (organization OWNER) is created only when both are set'],
  ];
  for (const [a, b, why] of pairs) {
    if (set(a) !== set(b)) incomplete(set(a) ? a : b, `${set(a) ? a : b} is set without ${set(a) ? b : a}: ${why}.`);
  }
  if ((set('LANGFUSE_INIT_PROJECT_PUBLIC_KEY') || set('LANGFUSE_INIT_PROJECT_SECRET_KEY')) && !set('LANGFUSE_INIT_PROJECT_ID')) {
    incomplete('LANGFUSE_INIT_PROJECT_PUBLIC_KEY', 'LANGFUSE_INIT_PROJECT_*_KEY needs LANGFUSE_INIT_PROJECT_ID: the keys belong to the project created at startup.');
  }
  const password = get(target, 'LANGFUSE_INIT_USER_PASSWORD');
  if (password?.value !== undefined && password.value !== '') {
    const where = valueLocation(password);
    const weak = password.value.length < 8 ? `has ${password.value.length} characters (Langfuse needs at least 8)` : placeholderOf(password.value) ? `is the published default "${placeholderOf(password.value)}"` : undefined;
    if (weak) {
      problem = true;
      out.finding(where.file, where.range, 'init-weak-password',
        l10n.t('LANGFUSE_INIT_USER_PASSWORD {0}: this account becomes organization OWNER, and with password login enabled anyone who guesses it owns every project.', weak));
    }
  }
  if (!problem) {
    const org = get(target, 'LANGFUSE_INIT_ORG_ID')!;
    out.pass('headless-init', org.file, org.keyRange.start.line, `LANGFUSE_INIT_ORG_ID=${org.value ?? '(from the environment)'} with complete LANGFUSE_INIT_* groups`);
  }
}
