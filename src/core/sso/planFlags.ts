// An SSO setup plan from the CLI's flags (`sso check|setup`), like src/core/rotation/planInput.ts for
// `rotate`: a missing or unusable flag is an SsoInputError naming it.
import { SsoInputError } from './errors';
import { planSsoSetup, type SsoSetupPlan } from './setupInput';

export type SsoFlags = Partial<Record<'provider' | 'issuer' | 'tenant-id' | 'client-id' | 'public-url' | 'base-path' | 'name' | 'checks' | 'client-auth-method' | 'enforce-domains', string>> & { 'disable-password-login'?: boolean };

const list = (v: string | undefined) => v?.split(',').map(s => s.trim()).filter(Boolean);

export function ssoPlanFromFlags(v: SsoFlags): SsoSetupPlan {
  for (const required of ['provider', 'client-id', 'public-url'] as const) if (!v[required]) throw new SsoInputError(required, `--${required} is required`);
  return planSsoSetup({
    provider: v.provider, publicUrl: v['public-url'], basePath: v['base-path'], issuer: v.issuer ?? v['tenant-id'], clientId: v['client-id'],
    name: v.name, checks: list(v.checks), clientAuthMethod: v['client-auth-method'], enforceDomains: list(v['enforce-domains']),
    disablePasswordLogin: v['disable-password-login'],
  });
}
