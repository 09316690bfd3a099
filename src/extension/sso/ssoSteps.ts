import * as vscode from 'vscode';
import type { OnlineCheckResult, SsoSetupPlan } from '../../core/sso/index';
import { loadChunk } from '../lazy';
import type { Step, StepDriver } from '../ui/multiStepInput';
import { progressText } from '../ui/notifications';

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
const sso = () => loadChunk('sso');
const title = () => `Set Up SSO for Self-Hosted Langfuse (Langfuse ${sso().LANGFUSE_SSO_VERSION})`;

const problem = (state: SsoWizardState, field: string, extra: Record<string, unknown>) => sso().fieldProblem(state, field, extra);

export const pickProvider: Step<SsoWizardState> = async (ui, state) => {
  const items = sso().providerChoices();
  const picked = await ui.pick({ title: title(), step: 1, totalSteps: TOTAL, items, activeItem: items.find(i => i.id === state.providerId), placeholder: vscode.l10n.t('Identity provider (no SAML in Langfuse: use an OIDC broker and "custom OIDC")') });
  if (picked.id !== state.providerId) { state.issuer = undefined; state.name = undefined; }
  state.providerId = picked.id;
  return askPublicUrl;
};

const askPublicUrl: Step<SsoWizardState> = async (ui, state) => {
  state.publicUrl = (await ui.text({
    title: title(), step: 2, totalSteps: TOTAL, value: state.publicUrl, prompt: vscode.l10n.t('Public URL people open Langfuse at — with the base path if Langfuse runs under one (e.g. https://acme.com/langfuse)'),
    placeholder: 'https://langfuse.acme.com',
    validate: v => { try { sso().parsePublicUrl(v); return undefined; } catch (err) { return (err as Error).message; } },
  })).trim();
  return showRedirectUri;
};

/** The redirect URI to register and what each field of the provider's console needs. */
const showRedirectUri: Step<SsoWizardState> = async (ui, state) => {
  const provider = sso().ssoProviderById(state.providerId!)!;
  const page = sso().redirectUriPage(provider, state.publicUrl!);
  const items: (vscode.QuickPickItem & { copy?: string })[] = [
    { ...page.copy, copy: page.redirectUri },
    { label: vscode.l10n.t('Continue'), description: vscode.l10n.t('I have registered it') },
    { label: vscode.l10n.t('Fields of the provider\'s console'), kind: vscode.QuickPickItemKind.Separator },
    ...page.fields,
  ];
  const picked = await ui.pick({ title: vscode.l10n.t('{0}: redirect URI', title()), step: 3, totalSteps: TOTAL, items, placeholder: vscode.l10n.t('At {0}', sso().consoleWhere(provider.id)) });
  if (picked.copy) await state.copy(picked.copy);
  return sso().issuerField(provider) ? askIssuer : askClientId;
};

const askIssuer: Step<SsoWizardState> = async (ui, state) => {
  const field = sso().issuerField(sso().ssoProviderById(state.providerId!)!)!;
  state.issuer = (await ui.text({
    title: title(), step: 4, totalSteps: TOTAL, value: state.issuer, prompt: field.prompt, placeholder: field.example,
    validate: v => problem(state, 'issuer', { issuer: v }),
  })).trim() || undefined;
  return askClientId;
};

const askClientId: Step<SsoWizardState> = async (ui, state) => {
  state.clientId = (await ui.text({
    title: title(), step: 5, totalSteps: TOTAL, value: state.clientId, prompt: vscode.l10n.t('Client ID (application ID) the provider shows for the new app — not its secret'),
    validate: v => problem(state, 'clientId', { clientId: v }),
  })).trim();
  return state.providerId === 'custom' ? askName : offerOnlineCheck;
};

const askName: Step<SsoWizardState> = async (ui, state) => {
  state.name = (await ui.text({
    title: title(), step: 5, totalSteps: TOTAL, value: state.name, prompt: vscode.l10n.t('Sign-in button label (AUTH_CUSTOM_NAME; Langfuse does not register the custom provider without it)'), placeholder: vscode.l10n.t('Acme SSO'),
    validate: v => problem(state, 'name', { name: v }),
  })).trim();
  return offerOnlineCheck;
};

const offerOnlineCheck: Step<SsoWizardState> = async (ui, state) => {
  state.plan = sso().planSsoSetup(sso().wizardInput(state));
  state.check = undefined;
  const issuer = state.plan.discoveryIssuer;
  if (!issuer) return askDomains;
  const choice = await ui.pick({
    title: title(), step: 6, totalSteps: TOTAL, placeholder: vscode.l10n.t('Check the provider before anything is written?'),
    items: sso().onlineCheckOffer(issuer),
  });
  if (!choice.run) return askDomains;
  const plan = state.plan;
  state.check = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressText(vscode.l10n.t('Checking {0}…', issuer)) },
    async () => { try { return await sso().checkProviderOnline(plan); } catch (err) { return sso().failedCheck(err); } });
  return showCheck;
};

const showCheck: Step<SsoWizardState> = async (ui: StepDriver, state) => {
  const page = sso().onlineCheckPage(state.check!);
  const picked = await ui.pick({ title: vscode.l10n.t('{0}: {1}', title(), page.title), step: 7, totalSteps: TOTAL, items: page.items, placeholder: page.placeholder });
  return picked.next ? askDomains : showCheck;
};

const askDomains: Step<SsoWizardState> = async (ui, state) => {
  state.enforceDomains = (await ui.text({
    title: title(), step: 8, totalSteps: TOTAL, value: state.enforceDomains ?? '', placeholder: vscode.l10n.t('acme.com, acme.io (empty: no enforcement)'),
    prompt: vscode.l10n.t('AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: people with these email domains can no longer sign in, sign up or reset passwords with email/password — only through SSO'),
    validate: v => problem(state, 'enforceDomains', { enforceDomains: v.split(',') }),
  })).trim();
  return askPasswordLogin;
};

const askPasswordLogin: Step<SsoWizardState> = async (ui, state) => {
  const items = sso().passwordLoginChoices(state.check?.ok === true && state.check.applicable);
  const picked = await ui.pick({ title: title(), step: 9, totalSteps: TOTAL, items, activeItem: items.find(i => i.off === state.disablePasswordLogin) });
  state.disablePasswordLogin = picked.off;
  state.plan = sso().planSsoSetup({ ...sso().wizardInput(state), enforceDomains: state.enforceDomains ? state.enforceDomains.split(',') : [], disablePasswordLogin: picked.off });
};
