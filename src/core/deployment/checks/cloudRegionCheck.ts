import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { get, isSet } from './checkContext';
import { l10n } from '../../l10n/l10n';

/** NEXT_PUBLIC_LANGFUSE_CLOUD_REGION is for Langfuse Cloud only (docs/langfuse-behaviour.md §5.1). */
export function checkCloudRegion(target: DeploymentTarget, out: CheckCollector): void {
  const s = get(target, 'NEXT_PUBLIC_LANGFUSE_CLOUD_REGION');
  if (!isSet(s)) {
    out.pass('self-hosted', target.file, target.anchor.start.line, `${target.name}: NEXT_PUBLIC_LANGFUSE_CLOUD_REGION unset`);
    return;
  }
  out.finding(s!.file, s!.keyRange, 'cloud-region-set',
    l10n.t('NEXT_PUBLIC_LANGFUSE_CLOUD_REGION is set only on Langfuse Cloud: it switches on Cloud behaviour (rate limits, the admin API blocked, multi-tenant SSO). Remove it on a self-hosted instance.'));
}
