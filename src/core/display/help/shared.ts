// Help entries several commands share, so they read the same everywhere.
import type { HelpOption } from '../cliHelp';
import { CliEnv } from '../../names';

export const formatOption = (formats: readonly string[], what: string): HelpOption => ({ flag: `--format ${formats.join('|')}`, description: what, default: formats[0] });

export const FAIL_ON: HelpOption = {
  flag: '--fail-on error|warning|info',
  description: 'the lowest severity that makes the exit code 1',
  default: 'warning',
};

export const CONNECTION_ENV = [
  { name: `${CliEnv.publicKey} / ${CliEnv.secretKey}`, description: 'the key pair of the connection (never in argv)' },
  { name: CliEnv.baseUrl, description: 'the Langfuse host of that pair, e.g. https://cloud.langfuse.com' },
  { name: CliEnv.credentialsFile, description: 'a 0600 JSON file with publicKey, secretKey and baseUrl, instead of the variables' },
];

export const STATE_ENV = { name: 'XDG_STATE_HOME', description: 'the state folder is $XDG_STATE_HOME/langfuse-access (default ~/.local/state/langfuse-access)' };
export const CONFIG_ENV = { name: 'XDG_CONFIG_HOME', description: 'the config folder is $XDG_CONFIG_HOME/langfuse-access (default ~/.config/langfuse-access)' };
export const ACTING_AS_ENV = { name: CliEnv.actingAs, description: 'the email you act as (default: git user.email); checked against your role and written to the audit log' };
