import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { configEnv, failOn, formatOption } from './shared';

export const LINT_USAGE = 'lint [paths…] [--format text|json|sarif] [--fail-on error|warning|info] [--online] [--verbose]';

export const lintHelp = (): CommandHelp => ({
  description: l10n.t('Checks .env files (not examples) with the rules of the editor: a key of another project than the file\'s environment expects (from .langfuse/access.yaml), a public/secret pair from different keys, one key in several environments, a secret in a git-tracked file, an overdue key, base-URL problems and variables the SDK in use ignores. Offline unless --online.'),
  arguments: [{ name: 'paths…', description: l10n.t('.env files or folders to search (default: the current folder)') }],
  options: [
    formatOption(['text', 'json', 'sarif'], l10n.t('output: text for people, json, or SARIF 2.1.0 for code scanning')),
    failOn(),
    { flag: '--online', description: l10n.t('ask the connection\'s host who each key pair is (the connection named in the access file, from {0}, or {1}; never a host from the workspace)', CONNECTIONS_FILE, CliEnv.baseUrl) },
    { flag: '--verbose', description: l10n.t('text output: list each pair-unverified info instead of one summary line (json and sarif always list every finding)') },
  ],
  environment: [{ name: CliEnv.baseUrl, description: l10n.t('the host for --online when no connection is configured') }, configEnv()],
  examples: [
    { command: 'lint', description: l10n.t('check every .env file below the current folder') },
    { command: 'lint deploy/ .env.production --fail-on error', description: l10n.t('fail the build only on errors') },
    { command: 'lint --format sarif > langfuse-access.sarif', description: l10n.t('SARIF for GitHub code scanning') },
  ],
  exitCodes: {
    0: l10n.t('no finding at or above --fail-on'),
    1: l10n.t('findings at or above --fail-on'),
    2: l10n.t('usage error, an invalid access file, or --online without a configured connection'),
  },
});
