import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { actingAsEnv, configEnv, connectionEnv } from './shared';

export const DOCTOR_USAGE = 'doctor [--connection NAME] [--json]';

export const doctorHelp = (): CommandHelp => ({
  description: l10n.t('Read-only (GET requests only): the server version and the versions conformance has passed on, the key kind, the plan\'s entitlements (admin API, project roles, SCIM, audit logs), the acting identity ({0}, else git user.email) and its organization role, rate-limit headers seen, clock skew, TLS and proxy notes. Each line says what works with this server and why.', CliEnv.actingAs),
  options: [
    { flag: '--connection NAME', description: l10n.t('an entry of {0} in the config folder (else {1} and the key pair from the environment)', CONNECTIONS_FILE, CliEnv.baseUrl) },
    { flag: '--json', description: l10n.t('print the report as JSON on stdout'), default: l10n.t('off (text)') },
  ],
  environment: [...connectionEnv(), actingAsEnv(), configEnv()],
  examples: [
    { command: 'doctor --connection acme-eu', description: l10n.t('what works with the acme-eu server, and why') },
    { command: 'doctor --json', description: l10n.t('the environment\'s connection, as JSON for a script') },
  ],
  exitCodes: {
    0: l10n.t('the server answered and accepted the key (missing entitlements included)'),
    1: l10n.t('the server was not reached or refused the key'),
    2: l10n.t('usage or configuration error (an unknown flag or connection)'),
  },
});
