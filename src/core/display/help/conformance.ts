import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv, CONFORMANCE_PREFIX, CONNECTIONS_FILE } from '../../names';
import { actingAsEnv, configEnv, connectionEnv, stateEnv } from './shared';

export const CONFORMANCE_USAGE = 'conformance [--connection NAME] [--project NAME [--allow-existing-keys]] [--yes] [--json]';

export const conformanceHelp = (): CommandHelp => ({
  description: [
    l10n.t('Runs the product\'s own flows against a Langfuse server, through the same core the extension uses: capabilities, the full tree load, a throwaway member added by email (SCIM, @example.com, MEMBER) given a project role and removed, a key created and revoked, a complete rotation into a .env target (old pair 401, new pair 200, trace probe on), and lint --online on the generated files.'),
    l10n.t('Everything it creates is named {0}<run> and removed at the end, also after a failure or Ctrl-C; a run killed outright is cleaned up by the next run (journal in the state folder). Leftovers of runs started over an hour ago are removed too. SCIM-created users stay as Langfuse users without membership. It acts as {1} (else git user.email), which must be OWNER or ADMIN; otherwise it stops before changing anything. A check skipped for a missing entitlement names the plans that have it.', CONFORMANCE_PREFIX, CliEnv.actingAs),
  ].join('\n'),
  options: [
    { flag: '--connection NAME', description: l10n.t('an entry of {0} in the config folder (else {1} and the key pair from the environment)', CONNECTIONS_FILE, CliEnv.baseUrl) },
    { flag: '--project NAME', description: l10n.t('work in this existing project instead of a throwaway one (a throwaway project is created and deleted; that needs OWNER)') },
    { flag: '--allow-existing-keys', description: l10n.t('with --project: also revoke keys noted {0}… left by earlier runs', CONFORMANCE_PREFIX) },
    { flag: '--yes', description: l10n.t('consent to create and delete the throwaway objects (required without a terminal)') },
    { flag: '--json', description: l10n.t('the report as JSON on stdout (check lines go to stderr)'), default: l10n.t('off (text)') },
  ],
  environment: [...connectionEnv(), actingAsEnv(), stateEnv(), configEnv()],
  examples: [
    { command: 'conformance --connection acme-eu --yes', description: l10n.t('every flow against acme-eu with throwaway objects, removed at the end') },
    { command: 'conformance --connection acme-eu --project staging-chatbot --yes --json', description: l10n.t('in an existing project, touching only keys it creates; the report as JSON') },
  ],
  exitCodes: {
    0: l10n.t('nothing failed (skipped checks included)'),
    1: l10n.t('a check or the cleanup failed'),
    2: l10n.t('usage or configuration error (without --yes and without a terminal it changes nothing)'),
  },
});
