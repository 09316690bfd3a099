import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { decidedAtDeploy, get, isTrue } from './checkContext';
import { insertFix, replaceFix } from './fixes';
import { l10n } from '../../l10n/l10n';

/** AUTH_DISABLE_SIGNUP (or NEXT_PUBLIC_SIGN_UP_DISABLED, same server effect): docs/langfuse-behaviour.md §5.2. */
export function checkSignup(target: DeploymentTarget, out: CheckCollector): void {
  const disable = get(target, 'AUTH_DISABLE_SIGNUP');
  const legacy = get(target, 'NEXT_PUBLIC_SIGN_UP_DISABLED');
  const effect = l10n.t('With signup disabled Langfuse refuses to create any new user — email signup, a first SSO login and invited people without an account alike — so new people are then added with SCIM (POST /api/public/scim/Users) or by creating them before disabling signup.');
  if (isTrue(disable) || isTrue(legacy)) {
    const s = isTrue(disable) ? disable! : legacy!;
    out.pass('signup-disabled', s.file, s.keyRange.start.line, l10n.t('{0}=true ({1})', s.name, target.name));
    return;
  }
  if (decidedAtDeploy(disable, 'signup-disabled', out) || decidedAtDeploy(legacy, 'signup-disabled', out)) return;
  const present = disable ?? legacy;
  const why = l10n.t('Public signup is open: anyone who can reach this Langfuse can create an account and, with LANGFUSE_DEFAULT_ORG_ID set, join your organization automatically.');
  if (present) {
    out.finding(present.file, present.valueRange, 'signup-enabled',
      l10n.t('{0} is "{1}", not "true". {2} {3}', present.name, present.value ?? '', why, effect),
      present.literal ? [replaceFix(l10n.t('Set to true'), present.file, present.valueRange, 'true')] : []);
    return;
  }
  out.finding(target.file, target.anchor, 'signup-enabled',
    l10n.t('AUTH_DISABLE_SIGNUP is not set for {0}. {1} {2}', target.name, why, effect),
    target.insertAt ? [insertFix(target.insertAt, 'AUTH_DISABLE_SIGNUP', 'true')] : []);
}
