// The SSO assistant's questions, in order, for any step driver (the extension's QuickInputs, a test's
// script): provider → public URL → the redirect URI to register → issuer and client id → optional
// online check → domain enforcement and password login. What is then written is applyBlock.ts's job.
import { whileBusy, type Step, type StepDriver, type StepItem } from '../flow/driver';
import { consoleFields, consoleWhere } from './consoleGuide';
import { LANGFUSE_SSO_VERSION, SSO_PROVIDERS, ssoProviderById } from '../deployment/ssoProviders';
import type { CheckItem, OnlineCheckResult } from './online/checkItems';
import { checkProviderOnline, discoveryUrlOf } from './online/discoveryCheck';
import { parsePublicUrl, redirectUriFor } from './publicUrl';
import { issuerField, planSsoSetup, type SsoSetupPlan } from './setupInput';

/** What the steps collect; Back replays a step with these values as its defaults. */
export interface SsoWizardState {
  /** The deployment file to write, when the flow started from one (a finding, an open editor). */
  file?: string;
  providerId?: string;
  publicUrl?: string;
  issuer?: string;
  clientId?: string;
  name?: string;
  plan?: SsoSetupPlan;
  check?: OnlineCheckResult;
  enforceDomains?: string;
  disablePasswordLogin?: boolean;
  /** Copies the redirect URI (the prompter's clipboard, so tests see it). */
  copy: (text: string) => Promise<void>;
}

const TOTAL = 9;
const title = () => `Set Up SSO for Self-Hosted Langfuse (Langfuse ${LANGFUSE_SSO_VERSION})`;

function input(state: SsoWizardState, extra: Record<string, unknown> = {}) {
  return {
    provider: state.providerId ?? '', publicUrl: state.publicUrl ?? '', issuer: state.issuer, clientId: state.clientId ?? 'client-id',
    name: state.name ?? (state.providerId === 'custom' ? 'SSO' : undefined), ...extra,
  };
}

/** The validation message of an SSO input error for one field, else undefined. */
function problem(state: SsoWizardState, field: string, extra: Record<string, unknown>): string | undefined {
  try {
    planSsoSetup(input(state, extra));
    return undefined;
  } catch (err) {
    const e = err as { field?: string; message: string };
    return e.field === field || field === '*' ? e.message : undefined;
  }
}

export const pickProvider: Step<SsoWizardState> = async (ui, state) => {
  const items = SSO_PROVIDERS.map(p => ({
    label: p.label, id: p.id, description: `/api/auth/callback/${p.id}`,
    detail: p.discovery.kind === 'none' ? `OAuth 2.0 (${p.prefix}_*)` : `OpenID Connect (${p.prefix}_*)${p.id === 'custom' ? ': any OIDC provider, e.g. a SAML IdP behind an OIDC broker' : ''}`,
  }));
  const picked = await ui.pick({ title: title(), step: 1, totalSteps: TOTAL, items, activeItem: items.find(i => i.id === state.providerId), placeholder: 'Identity provider (no SAML in Langfuse: use an OIDC broker and "custom OIDC")' });
  if (picked.id !== state.providerId) { state.issuer = undefined; state.name = undefined; }
  state.providerId = picked.id;
  return askPublicUrl;
};

const askPublicUrl: Step<SsoWizardState> = async (ui, state) => {
  state.publicUrl = (await ui.text({
    title: title(), step: 2, totalSteps: TOTAL, value: state.publicUrl, prompt: 'Public URL people open Langfuse at — with the base path if Langfuse runs under one (e.g. https://acme.com/langfuse)',
    placeholder: 'https://langfuse.acme.com',
    validate: v => { try { parsePublicUrl(v); return undefined; } catch (err) { return (err as Error).message; } },
  })).trim();
  return showRedirectUri;
};

/** The redirect URI to register and what each field of the provider's console needs. */
const showRedirectUri: Step<SsoWizardState> = async (ui, state) => {
  const url = parsePublicUrl(state.publicUrl!);
  const provider = ssoProviderById(state.providerId!)!;
  const redirectUri = redirectUriFor(url, provider);
  const fields = consoleFields({ provider, redirectUri, url, clientAuthMethod: 'client_secret_basic', scope: provider.defaultScope, checks: provider.defaultChecks });
  const items: (StepItem & { copy?: string })[] = [
    { label: `$(copy) ${redirectUri}`, description: 'Copy the redirect URI and continue', detail: `Register it at the provider as "${fields[0].field}". ${fields[0].why}`, copy: redirectUri },
    { label: 'Continue', description: 'I have registered it' },
    { label: 'Fields of the provider\'s console', separator: true },
    ...fields.slice(1).map(f => ({ label: `${f.field}: ${f.value}`, detail: f.why })),
  ];
  const picked = await ui.pick({ title: `${title()}: redirect URI`, step: 3, totalSteps: TOTAL, items, placeholder: `At ${consoleWhere(provider.id)}` });
  if (picked.copy) await state.copy(picked.copy);
  return issuerField(provider) ? askIssuer : askClientId;
};

const askIssuer: Step<SsoWizardState> = async (ui, state) => {
  const field = issuerField(ssoProviderById(state.providerId!)!)!;
  state.issuer = (await ui.text({
    title: title(), step: 4, totalSteps: TOTAL, value: state.issuer, prompt: field.prompt, placeholder: field.example,
    validate: v => problem(state, 'issuer', { issuer: v }),
  })).trim() || undefined;
  return askClientId;
};

const askClientId: Step<SsoWizardState> = async (ui, state) => {
  state.clientId = (await ui.text({
    title: title(), step: 5, totalSteps: TOTAL, value: state.clientId, prompt: 'Client ID (application ID) the provider shows for the new app — not its secret',
    validate: v => problem(state, 'clientId', { clientId: v }),
  })).trim();
  return state.providerId === 'custom' ? askName : offerOnlineCheck;
};

const askName: Step<SsoWizardState> = async (ui, state) => {
  state.name = (await ui.text({
    title: title(), step: 5, totalSteps: TOTAL, value: state.name, prompt: 'Sign-in button label (AUTH_CUSTOM_NAME; Langfuse does not register the custom provider without it)', placeholder: 'Acme SSO',
    validate: v => problem(state, 'name', { name: v }),
  })).trim();
  return offerOnlineCheck;
};

const ICON: Record<CheckItem['status'], string> = { pass: '$(pass)', fail: '$(error)', unknown: '$(question)' };

const offerOnlineCheck: Step<SsoWizardState> = async (ui, state) => {
  state.plan = planSsoSetup(input(state));
  state.check = undefined;
  const issuer = state.plan.discoveryIssuer;
  if (!issuer) return askDomains;
  const choice = await ui.pick({
    title: title(), step: 6, totalSteps: TOTAL, placeholder: 'Check the provider before anything is written?',
    items: [
      { label: `$(cloud) Check ${issuer} online now`, run: true, detail: `One GET of ${discoveryUrlOf(issuer)} and one authorization request on the same host; no secret is sent, nothing else is contacted.` },
      { label: 'Skip the online check', run: false, detail: 'Password login then stays on: it is turned off only after the check passed (no lock-out).' },
    ],
  });
  if (!choice.run) return askDomains;
  const plan = state.plan;
  state.check = await whileBusy(ui, `Checking ${issuer}…`,
    async () => { try { return await checkProviderOnline(plan); } catch (err) { return { ok: false, applicable: true, items: [{ id: 'url' as const, status: 'fail' as const, title: 'issuer URL', detail: (err as Error).message }] }; } });
  return showCheck;
};

const showCheck: Step<SsoWizardState> = async (ui: StepDriver, state) => {
  const check = state.check!;
  const items = [
    { label: check.ok ? '$(arrow-right) Continue' : '$(arrow-right) Continue anyway (password login stays on)', next: true },
    ...check.items.map(i => ({ label: `${ICON[i.status]} ${i.title}`, detail: i.detail, next: false })),
  ];
  const picked = await ui.pick({ title: `${title()}: online check ${check.ok ? 'passed' : 'FAILED'}`, step: 7, totalSteps: TOTAL, items, placeholder: check.ok ? 'The provider answers as Langfuse expects' : 'Fix what failed at the provider or go Back to change the values' });
  return picked.next ? askDomains : showCheck;
};

const askDomains: Step<SsoWizardState> = async (ui, state) => {
  state.enforceDomains = (await ui.text({
    title: title(), step: 8, totalSteps: TOTAL, value: state.enforceDomains ?? '', placeholder: 'acme.com, acme.io (empty: no enforcement)',
    prompt: 'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: people with these email domains can no longer sign in, sign up or reset passwords with email/password — only through SSO',
    validate: v => problem(state, 'enforceDomains', { enforceDomains: v.split(',') }),
  })).trim();
  return askPasswordLogin;
};

const askPasswordLogin: Step<SsoWizardState> = async (ui, state) => {
  const passed = state.check?.ok === true && state.check.applicable;
  const items = [
    { label: 'Keep password login on', off: false, detail: passed ? 'Accounts without SSO (the init user, contractors) can still sign in with email/password.' : 'Turning it off is offered only after the online check has passed, so nobody is locked out.' },
    ...(passed ? [{ label: 'Turn password login off (AUTH_DISABLE_USERNAME_PASSWORD=true)', off: true, detail: 'After the restart nobody can sign in with email/password, the init user included: sign in once with SSO before you close your session.' }] : []),
  ];
  const picked = await ui.pick({ title: title(), step: 9, totalSteps: TOTAL, items, activeItem: items.find(i => i.off === state.disablePasswordLogin) });
  state.disablePasswordLogin = picked.off;
  state.plan = planSsoSetup({ ...input(state), enforceDomains: state.enforceDomains ? state.enforceDomains.split(',') : [], disablePasswordLogin: picked.off });
};
