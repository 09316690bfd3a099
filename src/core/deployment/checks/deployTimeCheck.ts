import * as path from 'node:path';
import type { RequirementId } from '../complianceCodes';
import { providerOf } from '../ssoProviders';
import type { DeploymentTarget, ImageRef, Setting } from '../types';
import type { CheckCollector } from './checkContext';
import { isSecretSetting } from './inlineSecretsCheck';
import { l10n } from '../../l10n/l10n';

const BY_NAME: Readonly<Record<string, RequirementId>> = {
  ENCRYPTION_KEY: 'encryption-key',
  SALT: 'api-key-salt',
  NEXTAUTH_SECRET: 'session-secret',
  NEXTAUTH_URL: 'public-url',
  NEXT_PUBLIC_BASE_PATH: 'public-url',
  AUTH_DISABLE_SIGNUP: 'signup-disabled',
  NEXT_PUBLIC_SIGN_UP_DISABLED: 'signup-disabled',
  AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: 'sso-enforced',
  AUTH_DISABLE_USERNAME_PASSWORD: 'password-login',
  LANGFUSE_EE_LICENSE_KEY: 'default-roles',
  NEXT_PUBLIC_LANGFUSE_CLOUD_REGION: 'self-hosted',
};

/** The report row a variable's value matters for; undefined for variables no check reads. */
export function requirementOfVariable(setting: Setting): RequirementId | undefined {
  const name = setting.name;
  if (BY_NAME[name]) return BY_NAME[name];
  if (name.startsWith('LANGFUSE_DEFAULT_')) return 'default-roles';
  if (name.startsWith('LANGFUSE_INIT_')) return 'headless-init';
  if (providerOf(name)) return 'sso-provider';
  return isSecretSetting(setting) ? 'secrets-referenced' : undefined;
}

function source(setting: Setting): string | undefined {
  const r = setting.reference;
  if (r?.kind === 'interpolation') return `\${${r.variable}}`;
  if (r?.kind === 'host-env') return l10n.t('{0} (named without a value, so Compose passes the deploying shell\'s)', r.variable);
  return undefined;
}

/**
 * A value that none of the checked files provides — `${VAR}` that no env file defines, or a bare name in
 * `environment:` — comes from the environment of whoever runs `docker compose`. It counts as set (an
 * info naming it), never as missing; its value cannot be checked here. One finding per variable and file.
 */
export function checkDeployTimeValues(target: DeploymentTarget, out: CheckCollector): void {
  for (const s of target.settings.values()) {
    if (s.value !== undefined || s.reference?.kind === 'kubernetes') continue;
    const from = source(s);
    const requirement = requirementOfVariable(s);
    if (!from || !requirement) continue;
    const variable = s.reference!.variable;
    if (!out.once(`deploy-time\0${s.file}\0${variable}`)) continue;
    out.finding(s.file, s.reference!.kind === 'interpolation' ? s.valueRange : s.keyRange, 'value-set-at-deploy-time',
      target.kind === 'compose'
        ? l10n.t('{0} comes from {1}, which none of the checked files define (not in {2}\'s env files): it is set at deploy time from the environment that runs docker compose (CI secrets, the shell). It counts as set; its value was not checked — make sure the deployment provides it.', s.name, from, path.basename(target.file))
        : l10n.t('{0} comes from {1}, which none of the checked files define: it is set at deploy time from the environment that runs docker compose (CI secrets, the shell). It counts as set; its value was not checked — make sure the deployment provides it.', s.name, from),
      [], requirement);
  }
}

/** An image whose tag or digest comes from an undefined `${VAR}`: pinned or not is decided at deploy time. */
export function checkDeployTimeImage(image: ImageRef, unresolved: readonly string[], out: CheckCollector): void {
  out.finding(image.file, image.range, 'value-set-at-deploy-time',
    l10n.t('The image {0} takes {1} from the environment that runs docker compose (none of the checked files define it), so which version runs is decided at deploy time and was not checked. Set it to an exact release or a digest there.', image.raw, unresolved.map(v => `\${${v}}`).join(', ')),
    [], 'images-pinned');
}
