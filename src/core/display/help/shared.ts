// Help entries several commands share, so they read the same everywhere. Functions, like the pages:
// their words are translated when a page is shown.
import type { HelpOption } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv } from '../../names';

export const formatOption = (formats: readonly string[], what: string): HelpOption => ({ flag: `--format ${formats.join('|')}`, description: what, default: formats[0] });

export const failOn = (): HelpOption => ({
  flag: '--fail-on error|warning|info',
  description: l10n.t('the lowest severity that makes the exit code 1'),
  default: 'warning',
});

export const connectionEnv = () => [
  { name: `${CliEnv.publicKey} / ${CliEnv.secretKey}`, description: l10n.t('the key pair of the connection (never in argv)') },
  { name: CliEnv.baseUrl, description: l10n.t('the Langfuse host of that pair, e.g. https://cloud.langfuse.com') },
  { name: CliEnv.credentialsFile, description: l10n.t('a 0600 JSON file with publicKey, secretKey and baseUrl, instead of the variables') },
];

export const stateEnv = () => ({ name: 'XDG_STATE_HOME', description: l10n.t('the state folder is $XDG_STATE_HOME/langfuse-access (default ~/.local/state/langfuse-access)') });
export const configEnv = () => ({ name: 'XDG_CONFIG_HOME', description: l10n.t('the config folder is $XDG_CONFIG_HOME/langfuse-access (default ~/.config/langfuse-access)') });
export const actingAsEnv = () => ({ name: CliEnv.actingAs, description: l10n.t('the email you act as (default: git user.email); checked against your role and written to the audit log') });
