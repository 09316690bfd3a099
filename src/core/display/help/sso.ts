import type { CommandHelp } from '../cliHelp';
import { subcommandUsage } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv } from '../../names';
import { SSO_PROVIDERS } from '../../sso/index';
import { actingAsEnv, stateEnv } from './shared';

const USAGES = {
  check: 'check --provider ID --issuer URL --client-id ID --public-url URL [options]',
  setup: 'setup --provider ID --issuer URL --client-id ID --public-url URL --write FILE [--check] [--yes] [options]',
};

const provider = () => [
  { flag: '--provider ID', description: l10n.t('{0} (custom = any OpenID Connect provider; callback /api/auth/callback/<ID>)', SSO_PROVIDERS.map(p => p.id).join(', ')) },
  { flag: '--issuer URL', description: l10n.t('the provider\'s issuer, exactly (a trailing slash matters); Entra ID: the tenant ID; GitHub Enterprise: its base URL; GitLab: its URL (optional)') },
  { flag: '--client-id ID', description: l10n.t('the client (application) ID from the provider\'s console') },
  { flag: '--public-url URL', description: l10n.t('where users open Langfuse (https://; a path in it is the base path)') },
];

export const ssoHelp = (): CommandHelp => ({
  description: l10n.t('The SSO assistant for a self-hosted Langfuse (the providers of Langfuse 4.16.0; Langfuse has no SAML): the redirect URI to register, what each field of the provider\'s console needs, an online OpenID Connect check, and the variable block for the deployment file.'),
  subcommands: [
    {
      name: 'check', usage: USAGES.check,
      description: l10n.t('Prints the redirect URI to register at the identity provider and what each console field needs, then checks the provider online: its discovery document at <issuer>/.well-known/openid-configuration (issuer identical, endpoints, scopes, PKCE), and whether the redirect URI is registered where the provider lets a client find out. Only the issuer is contacted.'),
      options: provider(),
    },
    {
      name: 'setup', usage: USAGES.setup,
      description: l10n.t('Adds the SSO variables to a docker-compose file (the web service\'s environment), a server .env or Helm values of the langfuse chart (langfuse.additionalEnv), in the file\'s own style; every other byte stays as it is. The client secret is referenced ({0} / secretKeyRef), never written into compose or values files.', '${VAR}'),
      options: [
        ...provider(),
        { flag: '--write FILE', description: l10n.t('the deployment file to add the variables to (required)') },
        { flag: '--check', description: l10n.t('run the online check first; nothing is written if it fails') },
        { flag: '--yes', description: l10n.t('write without asking (also: put {0} into a git-ignored .env target)', CliEnv.ssoClientSecret) },
      ],
    },
  ],
  options: [
    { flag: '--base-path PATH', description: l10n.t('NEXT_PUBLIC_BASE_PATH, if not in --public-url') },
    { flag: '--name LABEL', description: l10n.t('AUTH_CUSTOM_NAME, the sign-in button label (required for custom)') },
    { flag: '--checks LIST', description: l10n.t('<PREFIX>_CHECKS, e.g. pkce,state (nonce, none, pkce, state)') },
    { flag: '--client-auth-method M', description: '<PREFIX>_CLIENT_AUTH_METHOD', default: 'client_secret_basic' },
    { flag: '--enforce-domains LIST', description: l10n.t('AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: blocks email/password sign-in, signup and password reset for these domains (people there must use SSO)') },
    { flag: '--disable-password-login', description: l10n.t('AUTH_DISABLE_USERNAME_PASSWORD=true: nobody can sign in with a password any more; only with --check, and written only when the check passes') },
    { flag: '--timeout SECONDS', description: l10n.t('online check deadline'), default: '10' },
    { flag: '--format text|json', description: l10n.t('output'), default: 'text' },
  ],
  environment: [{ name: CliEnv.ssoClientSecret, description: l10n.t('the client secret, for a .env target that git ignores') }, actingAsEnv(), stateEnv()],
  examples: [
    { command: 'sso check --provider keycloak --issuer https://sso.acme.com/realms/acme --client-id langfuse --public-url https://langfuse.acme.com', description: l10n.t('the redirect URI to register, then the online check') },
    { command: 'sso setup --provider custom --name "Acme SSO" --issuer https://idp.acme.com --client-id langfuse --public-url https://langfuse.acme.com --write docker-compose.yml --check --enforce-domains acme.com --disable-password-login --yes', description: l10n.t('check online, then write the block with SSO enforced and password login off') },
  ],
  exitCodes: {
    0: l10n.t('check: the provider passed (or cannot be checked online); setup: written, or already there'),
    1: l10n.t('the online check failed, or nothing was written (not confirmed, a conflicting value)'),
    2: l10n.t('usage error (a missing or invalid option)'),
  },
});

export const SSO_USAGE = subcommandUsage('sso', Object.values(USAGES));
