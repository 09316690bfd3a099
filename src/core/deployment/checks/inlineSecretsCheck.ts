import * as path from 'node:path';
import type { DeploymentFix, DeploymentTarget, Setting } from '../types';
import type { CheckCollector } from './checkContext';
import { valueLocation } from './checkContext';
import { placeholderOf, urlPasswordPlaceholder } from './placeholders';
import { l10n } from '../../l10n/l10n';

/** Variables whose value is a secret (connection URLs only when they carry a password). */
const SECRET_NAME = /(^|_|\.)(SECRET|SECRET_KEY|SALT|PASSWORD|PASS|TOKEN|ENCRYPTION_KEY|SECRET_ACCESS_KEY|LICENSE_KEY|API_KEY|AUTH|rootPassword|password|secretAccessKey)$/;
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:[^@\s]+@/i;
/** Reported by their own, more specific checks. */
const OWN_CHECKS = new Set(['NEXTAUTH_SECRET', 'SALT', 'ENCRYPTION_KEY']);

export function isSecretSetting(s: Setting): boolean {
  if (SECRET_NAME.test(s.name) && !/_(CLIENT_ID|CLIENT_AUTH_METHOD)$/.test(s.name) && !/^(AUTH_DISABLE_|NEXT_PUBLIC_)/.test(s.name)) return true;
  return URL_WITH_CREDENTIALS.test(s.value ?? '');
}

/** Default passwords (`# CHANGEME`) anywhere, and secrets written into compose/Helm files instead of referenced. */
export function checkInlineSecrets(target: DeploymentTarget, out: CheckCollector): void {
  for (const s of target.settings.values()) {
    if (!isSecretSetting(s) || s.value === undefined || s.value.trim() === '') continue;
    const where = valueLocation(s);
    const inUrl = OWN_CHECKS.has(s.name) ? undefined : urlPasswordPlaceholder(s.value);
    const placeholder = OWN_CHECKS.has(s.name) ? undefined : placeholderOf(s.value) ?? inUrl;
    if (placeholder) {
      const ref = s.reference?.kind === 'interpolation' && s.reference.usedDefault ? s.reference.variable : undefined;
      out.finding(where.file, where.range, 'default-password', defaultPasswordMessage(s.name, placeholder, !!inUrl, ref));
      continue;
    }
    if (!s.literal || target.kind === 'env' || s.file !== target.file) continue; // .env / env_file is where secrets belong
    out.finding(where.file, where.range, 'inline-secret', inlineMessage(target, s), inlineFixes(target, s));
  }
  if (!out.findings.some(f => f.file === target.file && (f.code === 'inline-secret' || f.code === 'default-password'))) {
    out.pass('secrets-referenced', target.file, target.anchor.start.line, l10n.t('{0}: no inline secrets or default passwords', target.name));
  }
}

function inlineMessage(target: DeploymentTarget, s: Setting): string {
  if (target.kind === 'helm') {
    return l10n.t('{0} ({1}) is written in the values file, so it lands in version control and in the Helm release history readable by anyone with access to it. Reference a Kubernetes Secret instead (chart 1.x: {2}; additionalEnv: valueFrom.secretKeyRef).', s.name, s.origin, '{ secretKeyRef: { name, key } }');
  }
  return l10n.t('{0} is written in the compose file itself, so it travels with the file into version control, CI logs and docker inspect output of anyone who can read it. Write {1} here and keep the value in the project\'s .env (git-ignored) or your secret manager.', s.name, `\${${s.name}}`);
}

function inlineFixes(target: DeploymentTarget, s: Setting): DeploymentFix[] {
  if (target.kind !== 'compose') return [];
  return [{ kind: 'moveToEnvFile', title: l10n.t('Move {0} to .env and reference it as {1}', s.name, `\${${s.name}}`), file: s.file, valueRange: s.valueRange, variable: s.name, envFile: path.join(path.dirname(target.file), '.env') }];
}

/** A published default password (`# CHANGEME`), written in the file or the fallback of `${REF:-…}`. */
function defaultPasswordMessage(name: string, placeholder: string, inUrl: boolean, ref: string | undefined): string {
  if (ref) {
    return inUrl
      ? l10n.t('{0} contains the published default password "{1}" (the fallback written in {3}, because no env file of the deployment sets {2}), marked # CHANGEME in Langfuse\'s docker-compose.yml and chart values: anyone who can reach that service can use it. Set a generated value for {2} in the project\'s .env.', name, placeholder, ref, `\${${ref}:-…}`)
      : l10n.t('{0} is the published default "{1}" (the fallback written in {3}, because no env file of the deployment sets {2}), marked # CHANGEME in Langfuse\'s docker-compose.yml and chart values: anyone who can reach that service can use it. Set a generated value for {2} in the project\'s .env.', name, placeholder, ref, `\${${ref}:-…}`);
  }
  return inUrl
    ? l10n.t('{0} contains the published default password "{1}", marked # CHANGEME in Langfuse\'s docker-compose.yml and chart values: anyone who can reach that service can use it. Set a generated value.', name, placeholder)
    : l10n.t('{0} is the published default "{1}", marked # CHANGEME in Langfuse\'s docker-compose.yml and chart values: anyone who can reach that service can use it. Set a generated value.', name, placeholder);
}
