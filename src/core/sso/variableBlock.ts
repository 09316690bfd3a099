import type { DeploymentTarget } from '../deployment/types';
import { SsoWriteError } from './errors';
import { shown } from './online/checkItems';
import type { SsoSetupPlan } from './setupInput';
import { issuerField } from './setupInput';

/** One variable of the block; a `secret` is never written as a value into compose or Helm files. */
export interface BlockVariable {
  name: string;
  /** Plain value; for `secret` the value exists only when it may go into a git-ignored .env. */
  value: string;
  secret?: boolean;
}

/** The marker the compliance checks and the user recognise the block by. */
export function blockHeading(plan: SsoSetupPlan): string {
  return `Langfuse SSO: ${plan.provider.label}, redirect URI ${plan.redirectUri} (written by the Langfuse Access SSO assistant)`;
}

export function clientSecretVariable(plan: SsoSetupPlan): string {
  return `${plan.provider.prefix}_CLIENT_SECRET`;
}

/** The variables the plan needs, in the order they are written. */
export function planVariables(plan: SsoSetupPlan): BlockVariable[] {
  const p = plan.provider.prefix;
  const vars: BlockVariable[] = [{ name: `${p}_CLIENT_ID`, value: plan.clientId }, { name: `${p}_CLIENT_SECRET`, value: '', secret: true }];
  const field = issuerField(plan.provider);
  if (field && plan.issuerValue) vars.push({ name: `${p}_${field.suffix}`, value: plan.issuerValue });
  if (plan.provider.id === 'custom' && plan.name) vars.push({ name: 'AUTH_CUSTOM_NAME', value: plan.name });
  if (plan.checksGiven && plan.checks) vars.push({ name: `${p}_CHECKS`, value: plan.checks.join(',') });
  if (plan.clientAuthMethod !== 'client_secret_basic' && plan.provider.id !== 'workos') vars.push({ name: `${p}_CLIENT_AUTH_METHOD`, value: plan.clientAuthMethod });
  vars.push({ name: 'NEXTAUTH_URL', value: plan.url.nextAuthUrl });
  if (plan.url.basePath) vars.push({ name: 'NEXT_PUBLIC_BASE_PATH', value: plan.url.basePath });
  if (plan.enforceDomains.length) vars.push({ name: 'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT', value: plan.enforceDomains.join(',') });
  if (plan.disablePasswordLogin) vars.push({ name: 'AUTH_DISABLE_USERNAME_PASSWORD', value: 'true' });
  return vars;
}

/**
 * Drops what the target already has with the same value; a different value is a conflict, reported
 * with its place (the assistant adds a block, it never rewrites lines elsewhere in the file).
 */
export function missingVariables(vars: BlockVariable[], target: DeploymentTarget): BlockVariable[] {
  const conflicts: string[] = [];
  const out: BlockVariable[] = [];
  for (const v of vars) {
    const existing = target.settings.get(v.name);
    if (!existing) { out.push(v); continue; }
    const same = v.secret ? existing.value !== '' : sameValue(v.name, existing.value, v.value);
    if (same) continue;
    const where = `${existing.file.split(/[\\/]/).pop()}:${existing.keyRange.start.line + 1}`;
    conflicts.push(v.name === 'NEXTAUTH_URL'
      ? `NEXTAUTH_URL is ${existing.value === undefined ? '(set from elsewhere)' : shown(existing.value, 200)} at ${shown(where, 120)}, but the redirect URI was computed for ${v.value}: Langfuse builds callbacks from NEXTAUTH_URL, so give the public URL that matches it, or correct NEXTAUTH_URL there first`
      : `${v.name} is already set at ${shown(where, 120)}${existing.literal ? '' : ' (from a reference)'}; change or remove it there first`);
  }
  if (conflicts.length) throw new SsoWriteError(`Nothing was written: ${conflicts.join('; ')}.`);
  return out;
}

function sameValue(name: string, existing: string | undefined, wanted: string): boolean {
  if (existing === undefined) return false;
  if (name === 'NEXTAUTH_URL') return existing.trim().replace(/\/+$/, '') === wanted.replace(/\/+$/, '');
  if (name === 'AUTH_DISABLE_USERNAME_PASSWORD') return existing.trim().toLowerCase() === wanted;
  return existing.trim() === wanted;
}
