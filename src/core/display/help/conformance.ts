import type { CommandHelp } from '../cliHelp';
import { CliEnv, CONFORMANCE_PREFIX, CONNECTIONS_FILE } from '../../names';
import { ACTING_AS_ENV, CONFIG_ENV, CONNECTION_ENV, STATE_ENV } from './shared';

export const CONFORMANCE_USAGE = 'conformance [--connection NAME] [--project NAME [--allow-existing-keys]] [--yes] [--json]';

export const CONFORMANCE_HELP: CommandHelp = {
  description: 'Runs the product\'s own flows against a Langfuse server, through the same core the extension uses: capabilities, the full tree load, a throwaway member added by email (SCIM, @example.com, MEMBER) given a project role and removed, a key created and revoked, a complete rotation into a .env target (old pair 401, new pair 200, trace probe on), and lint --online on the generated files.\n'
    + `Everything it creates is named ${CONFORMANCE_PREFIX}<run> and removed at the end, also after a failure or Ctrl-C; a run killed outright is cleaned up by the next run (journal in the state folder). Leftovers of runs started over an hour ago are removed too. SCIM-created users stay as Langfuse users without membership. It acts as ${CliEnv.actingAs} (else git user.email), which must be OWNER or ADMIN; otherwise it stops before changing anything. A check skipped for a missing entitlement names the plans that have it.`,
  options: [
    { flag: '--connection NAME', description: `an entry of ${CONNECTIONS_FILE} in the config folder (else ${CliEnv.baseUrl} and the key pair from the environment)` },
    { flag: '--project NAME', description: 'work in this existing project instead of a throwaway one (a throwaway project is created and deleted; that needs OWNER)' },
    { flag: '--allow-existing-keys', description: `with --project: also revoke keys noted ${CONFORMANCE_PREFIX}… left by earlier runs` },
    { flag: '--yes', description: 'consent to create and delete the throwaway objects (required without a terminal)' },
    { flag: '--json', description: 'the report as JSON on stdout (check lines go to stderr)', default: 'off (text)' },
  ],
  environment: [...CONNECTION_ENV, ACTING_AS_ENV, STATE_ENV, CONFIG_ENV],
  examples: [
    { command: 'conformance --connection acme-eu --yes', description: 'every flow against acme-eu with throwaway objects, removed at the end' },
    { command: 'conformance --connection acme-eu --project staging-chatbot --yes --json', description: 'in an existing project, touching only keys it creates; the report as JSON' },
  ],
  exitCodes: {
    0: 'nothing failed (skipped checks included)',
    1: 'a check or the cleanup failed',
    2: 'usage or configuration error (without --yes and without a terminal it changes nothing)',
  },
};
