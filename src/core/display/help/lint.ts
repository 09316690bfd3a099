import type { CommandHelp } from '../cliHelp';
import { CliEnv, CONNECTIONS_FILE } from '../../names';
import { CONFIG_ENV, FAIL_ON, formatOption } from './shared';

export const LINT_USAGE = 'lint [paths…] [--format text|json|sarif] [--fail-on error|warning|info] [--online] [--verbose]';

export const LINT_HELP: CommandHelp = {
  description: 'Checks .env files (not examples) with the rules of the editor: a key of another project than the file\'s environment expects (from .langfuse/access.yaml), a public/secret pair from different keys, one key in several environments, a secret in a git-tracked file, an overdue key, base-URL problems and variables the SDK in use ignores. Offline unless --online.',
  arguments: [{ name: 'paths…', description: '.env files or folders to search (default: the current folder)' }],
  options: [
    formatOption(['text', 'json', 'sarif'], 'output: text for people, json, or SARIF 2.1.0 for code scanning'),
    FAIL_ON,
    { flag: '--online', description: `ask the connection's host who each key pair is (the connection named in the access file, from ${CONNECTIONS_FILE}, or ${CliEnv.baseUrl}; never a host from the workspace)` },
    { flag: '--verbose', description: 'text output: list each pair-unverified info instead of one summary line (json and sarif always list every finding)' },
  ],
  environment: [{ name: CliEnv.baseUrl, description: 'the host for --online when no connection is configured' }, CONFIG_ENV],
  examples: [
    { command: 'lint', description: 'check every .env file below the current folder' },
    { command: 'lint deploy/ .env.production --fail-on error', description: 'fail the build only on errors' },
    { command: 'lint --format sarif > langfuse-access.sarif', description: 'SARIF for GitHub code scanning' },
  ],
  exitCodes: {
    0: 'no finding at or above --fail-on',
    1: 'findings at or above --fail-on',
    2: 'usage error, an invalid access file, or --online without a configured connection',
  },
};
