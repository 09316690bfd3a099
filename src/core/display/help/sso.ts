import type { CommandHelp } from '../cliHelp';
import { subcommandUsage } from '../cliHelp';
import { CliEnv } from '../../names';
import { SSO_PROVIDERS } from '../../sso/index';
import { ACTING_AS_ENV, STATE_ENV } from './shared';

const PROVIDER = [
  { flag: '--provider ID', description: `${SSO_PROVIDERS.map(p => p.id).join(', ')} (custom = any OpenID Connect provider; callback /api/auth/callback/<ID>)` },
  { flag: '--issuer URL', description: 'the provider\'s issuer, exactly (a trailing slash matters); Entra ID: the tenant ID; GitHub Enterprise: its base URL; GitLab: its URL (optional)' },
  { flag: '--client-id ID', description: 'the client (application) ID from the provider\'s console' },
  { flag: '--public-url URL', description: 'where users open Langfuse (https://; a path in it is the base path)' },
];

export const SSO_HELP: CommandHelp = {
  description: 'The SSO assistant for a self-hosted Langfuse (the providers of Langfuse 4.16.0; Langfuse has no SAML): the redirect URI to register, what each field of the provider\'s console needs, an online OpenID Connect check, and the variable block for the deployment file.',
  subcommands: [
    {
      name: 'check', usage: 'check --provider ID --issuer URL --client-id ID --public-url URL [options]',
      description: 'Prints the redirect URI to register at the identity provider and what each console field needs, then checks the provider online: its discovery document at <issuer>/.well-known/openid-configuration (issuer identical, endpoints, scopes, PKCE), and whether the redirect URI is registered where the provider lets a client find out. Only the issuer is contacted.',
      options: PROVIDER,
    },
    {
      name: 'setup', usage: 'setup --provider ID --issuer URL --client-id ID --public-url URL --write FILE [--check] [--yes] [options]',
      description: 'Adds the SSO variables to a docker-compose file (the web service\'s environment), a server .env or Helm values of the langfuse chart (langfuse.additionalEnv), in the file\'s own style; every other byte stays as it is. The client secret is referenced (${VAR} / secretKeyRef), never written into compose or values files.',
      options: [
        ...PROVIDER,
        { flag: '--write FILE', description: 'the deployment file to add the variables to (required)' },
        { flag: '--check', description: 'run the online check first; nothing is written if it fails' },
        { flag: '--yes', description: `write without asking (also: put ${CliEnv.ssoClientSecret} into a git-ignored .env target)` },
      ],
    },
  ],
  options: [
    { flag: '--base-path PATH', description: 'NEXT_PUBLIC_BASE_PATH, if not in --public-url' },
    { flag: '--name LABEL', description: 'AUTH_CUSTOM_NAME, the sign-in button label (required for custom)' },
    { flag: '--checks LIST', description: '<PREFIX>_CHECKS, e.g. pkce,state (nonce, none, pkce, state)' },
    { flag: '--client-auth-method M', description: '<PREFIX>_CLIENT_AUTH_METHOD', default: 'client_secret_basic' },
    { flag: '--enforce-domains LIST', description: 'AUTH_DOMAINS_WITH_SSO_ENFORCEMENT: blocks email/password sign-in, signup and password reset for these domains (people there must use SSO)' },
    { flag: '--disable-password-login', description: 'AUTH_DISABLE_USERNAME_PASSWORD=true: nobody can sign in with a password any more; only with --check, and written only when the check passes' },
    { flag: '--timeout SECONDS', description: 'online check deadline', default: '10' },
    { flag: '--format text|json', description: 'output', default: 'text' },
  ],
  environment: [{ name: CliEnv.ssoClientSecret, description: 'the client secret, for a .env target that git ignores' }, ACTING_AS_ENV, STATE_ENV],
  examples: [
    { command: 'sso check --provider keycloak --issuer https://sso.acme.com/realms/acme --client-id langfuse --public-url https://langfuse.acme.com', description: 'the redirect URI to register, then the online check' },
    { command: 'sso setup --provider custom --name "Acme SSO" --issuer https://idp.acme.com --client-id langfuse --public-url https://langfuse.acme.com --write docker-compose.yml --check --enforce-domains acme.com --disable-password-login --yes', description: 'check online, then write the block with SSO enforced and password login off' },
  ],
  exitCodes: {
    0: 'check: the provider passed (or cannot be checked online); setup: written, or already there',
    1: 'the online check failed, or nothing was written (not confirmed, a conflicting value)',
    2: 'usage error (a missing or invalid option)',
  },
};

export const SSO_USAGE = subcommandUsage('sso', SSO_HELP);
