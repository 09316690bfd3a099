import type { CommandHelp } from '../cliHelp';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { ACTING_AS_ENV, CONFIG_ENV, CONNECTION_ENV } from './shared';

export const DOCTOR_USAGE = 'doctor [--connection NAME] [--json]';

export const DOCTOR_HELP: CommandHelp = {
  description: `Read-only (GET requests only): the server version and the versions conformance has passed on, the key kind, the plan's entitlements (admin API, project roles, SCIM, audit logs), the acting identity (${CliEnv.actingAs}, else git user.email) and its organization role, rate-limit headers seen, clock skew, TLS and proxy notes. Each line says what works with this server and why.`,
  options: [
    { flag: '--connection NAME', description: `an entry of ${CONNECTIONS_FILE} in the config folder (else ${CliEnv.baseUrl} and the key pair from the environment)` },
    { flag: '--json', description: 'print the report as JSON on stdout', default: 'off (text)' },
  ],
  environment: [...CONNECTION_ENV, ACTING_AS_ENV, CONFIG_ENV],
  examples: [
    { command: 'doctor --connection acme-eu', description: 'what works with the acme-eu server, and why' },
    { command: 'doctor --json', description: 'the environment\'s connection, as JSON for a script' },
  ],
  exitCodes: {
    0: 'the server answered and accepted the key (missing entitlements included)',
    1: 'the server was not reached or refused the key',
    2: 'usage or configuration error (an unknown flag or connection)',
  },
};
