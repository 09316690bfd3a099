import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { failOn, formatOption, stateEnv } from './shared';

export const COMPLIANCE_USAGE = 'compliance <files…> [--format text|json|sarif|markdown] [--fail-on error|warning|info] [--audit-log]';

export const complianceHelp = (): CommandHelp => ({
  description: [
    l10n.t('Checks the configuration of a self-hosted Langfuse (docker-compose files, the server\'s .env, Helm values of the langfuse chart) against what Langfuse really does, and prints the compliance table: each requirement with its status and the evidence at file:line.'),
    l10n.t('The files of one deployment are one configuration, read as docker compose reads them: a compose file takes {0} and {1} from the project\'s .env beside it, or from the env files you name whose variables it uses (like --env-file, which replaces the .env), and its services load their env_file: files. Name them together or not: the findings are the same. A {0} that none of the files define is set at deploy time (an info), never missing. Any other .env file is checked as a Langfuse server .env.', '${VAR}', '${VAR:-default}'),
  ].join('\n'),
  arguments: [{ name: 'files…', description: l10n.t('docker-compose files, .env files, Helm values files') }],
  options: [
    formatOption(['text', 'json', 'sarif', 'markdown'], l10n.t('output: the table as text, JSON, SARIF 2.1.0 (findings only) or Markdown')),
    failOn(),
    { flag: '--audit-log', description: l10n.t('add the "Audit trail" row: this machine\'s audit log, verified (hash chain and signed checkpoints)') },
  ],
  environment: [stateEnv()],
  examples: [
    { command: 'compliance docker-compose.yml .env', description: l10n.t('a compose deployment with its .env (the same as naming the compose file alone)') },
    { command: 'compliance docker-compose.yml prod.env --format markdown > COMPLIANCE.md', description: l10n.t('interpolate from prod.env (as docker compose --env-file prod.env would) and write the table as Markdown') },
    { command: 'compliance values.yaml --fail-on error --audit-log', description: l10n.t('Helm values; fail only on errors or a tampered audit log') },
  ],
  exitCodes: {
    0: l10n.t('no finding at or above --fail-on (and, with --audit-log, the audit log verified)'),
    1: l10n.t('findings at or above --fail-on, or --audit-log found the log damaged'),
    2: l10n.t('usage error (no file named, an unknown format or level)'),
  },
});
