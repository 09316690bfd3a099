import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';

export const sandboxHelp = (): CommandHelp => ({
  description: l10n.t('Runs the local Langfuse-compatible sandbox on 127.0.0.1 until Ctrl+C: the management API of Langfuse 4.16.0 over a world of projects, members and keys. Prints its URL and public keys (never a secret) on stdout.'),
  options: [
    { flag: '--port N', description: l10n.t('the port; 0 picks a free one'), default: '0' },
    { flag: '--world acme|recorded|large|FILE', description: l10n.t('the organization it serves: Acme Corp, the recorded real server, a large one, or a world file'), default: 'acme' },
    { flag: '--plan team|enterprise|oss', description: l10n.t('the plan it behaves as (oss has no admin API)'), default: l10n.t('the world\'s') },
    { flag: '--server-version X.Y.Z', description: l10n.t('behave like that Langfuse version: 4.x answers the v3 trace routes as Langfuse v4 does (removed) and serves the v2 observations; 3.x keeps the v3 trace routes'), default: l10n.t('the world\'s ({0})', '4.16.0') },
    { flag: '--state FILE', description: l10n.t('keep changes in this file and resume from it next time') },
    { flag: '--credentials-out FILE', description: l10n.t('write the key pairs (0600) for "Connect to Local Sandbox" and scripts') },
    { flag: '--now ISO-8601', description: l10n.t('start the sandbox\'s clock at this time (the tool\'s own clock is not moved)') },
  ],
  examples: [
    { command: 'sandbox --port 3000 --credentials-out /tmp/sandbox.json', description: l10n.t('Acme Corp on port 3000, key pairs in a file') },
    { command: 'sandbox --plan oss', description: l10n.t('a server without the admin API') },
  ],
  exitCodes: {
    0: l10n.t('stopped with Ctrl+C or SIGTERM'),
    1: l10n.t('the port cannot be used'),
    2: l10n.t('usage error or an invalid world'),
  },
});
