import type { CommandHelp } from '../cliHelp';
import { subcommandUsage } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { FORWARDING_CONFIG_FILE, SIEM_TOKEN_ENV } from '../../audit/forward/forwardConfig';
import { actingAsEnv, configEnv, stateEnv } from './shared';

const filters = () => [
  { flag: '--project NAME', description: l10n.t('only entries about this project') },
  { flag: '--actor EMAIL', description: l10n.t('only entries by this identity') },
  { flag: '--action ACTION', description: l10n.t('only this action, e.g. apiKey.revoke') },
  { flag: '--since DATE', description: l10n.t('from this day (YYYY-MM-DD, UTC) or ISO time') },
  { flag: '--until DATE', description: l10n.t('up to and including this day, or up to this ISO time') },
];
const log = () => ({ flag: '--log FILE', description: l10n.t('another audit log file'), default: l10n.t('<state folder>/audit.jsonl') });

const USAGES = {
  verify: 'verify [--log FILE] [--trust KEY…] [--format text|json]',
  export: 'export --format jsonl|csv [filters] [--output FILE]',
  tail: 'tail [-n N] [filters] [--json]',
  forward: 'forward [--siem] [--syslog]',
  checkpoint: 'checkpoint',
};

export const auditHelp = (): CommandHelp => ({
  description: l10n.t('The tamper-evident audit log of every change the extension and the CLI made on this machine: a SHA-256 hash chain with Ed25519-signed checkpoints, in the state folder.'),
  subcommands: [
    {
      name: 'verify', usage: USAGES.verify,
      description: l10n.t('Checks the hash chain and the signed checkpoints and names the line that was edited, deleted, inserted or reordered. Without a log it says so, and fails when one was expected (this machine has a checkpoint signing key or forwarding cursors, so a log existed): a deleted log never passes.'),
      options: [log(), { flag: '--trust KEY', description: l10n.t('a public key (base64) or key id the checkpoints must be signed with; repeatable') }, { flag: '--format text|json', description: l10n.t('output'), default: 'text' }],
    },
    {
      name: 'export', usage: USAGES.export,
      description: l10n.t('Writes entries as JSON Lines or CSV, oldest first.'),
      options: [{ flag: '--format jsonl|csv', description: l10n.t('required') }, ...filters(), { flag: '--output FILE', description: l10n.t('write to this file (0600) instead of stdout') }, log()],
    },
    {
      name: 'tail', usage: USAGES.tail,
      description: l10n.t('Prints the newest entries, oldest first.'),
      options: [{ flag: '-n N', description: l10n.t('how many entries'), default: '20' }, ...filters(), { flag: '--json', description: l10n.t('JSON Lines instead of text') }, log()],
    },
    {
      name: 'forward', usage: USAGES.forward,
      description: l10n.t('Sends the entries not yet acknowledged to the SIEM (HTTPS) and/or syslog (RFC 5424 over TCP/TLS) configured in {0} in the config folder; a cursor per destination remembers what was sent.', FORWARDING_CONFIG_FILE),
      options: [{ flag: '--siem', description: l10n.t('only the SIEM') }, { flag: '--syslog', description: l10n.t('only syslog') }],
    },
    {
      name: 'checkpoint', usage: USAGES.checkpoint,
      description: l10n.t('Signs the entries after the last checkpoint now (the signing key is created on first use).'),
    },
  ],
  options: [],
  environment: [stateEnv(), configEnv(), { name: SIEM_TOKEN_ENV, description: l10n.t('bearer token for the SIEM endpoint (forward)') }, actingAsEnv()],
  examples: [
    { command: 'audit verify --trust 9998bb965e079bca', description: l10n.t('verify, and require checkpoints signed by this key') },
    { command: 'audit export --format csv --since 2026-01-01 --output audit-2026.csv', description: l10n.t('export this year\'s entries for an auditor') },
    { command: 'audit tail -n 5 --project production-chatbot', description: l10n.t('the last five changes to a project') },
    { command: 'audit forward --siem', description: l10n.t('send pending entries to the SIEM (from cron or CI)') },
  ],
  exitCodes: {
    0: l10n.t('done; verify: the log is intact, or nothing has been recorded on this machine yet'),
    1: l10n.t('verify: the log was tampered with, or is missing where one was expected; forward: entries left unsent'),
    2: l10n.t('usage or configuration error (an unknown subcommand or flag, a bad forwarding config)'),
  },
});

export const AUDIT_USAGE = subcommandUsage('audit', Object.values(USAGES));
