import type { CommandHelp } from '../cliHelp';
import { subcommandUsage } from '../cliHelp';
import { FORWARDING_CONFIG_FILE, SIEM_TOKEN_ENV } from '../../audit/forward/forwardConfig';
import { ACTING_AS_ENV, CONFIG_ENV, STATE_ENV } from './shared';

const FILTERS = [
  { flag: '--project NAME', description: 'only entries about this project' },
  { flag: '--actor EMAIL', description: 'only entries by this identity' },
  { flag: '--action ACTION', description: 'only this action, e.g. apiKey.revoke' },
  { flag: '--since DATE', description: 'from this day (YYYY-MM-DD, UTC) or ISO time' },
  { flag: '--until DATE', description: 'up to and including this day, or up to this ISO time' },
];
const LOG = { flag: '--log FILE', description: 'another audit log file', default: '<state folder>/audit.jsonl' };

export const AUDIT_HELP: CommandHelp = {
  description: 'The tamper-evident audit log of every change the extension and the CLI made on this machine: a SHA-256 hash chain with Ed25519-signed checkpoints, in the state folder.',
  subcommands: [
    {
      name: 'verify', usage: 'verify [--log FILE] [--trust KEY…] [--format text|json]',
      description: 'Checks the hash chain and the signed checkpoints and names the line that was edited, deleted, inserted or reordered. Without a log it says so, and fails when one was expected (this machine has a checkpoint signing key or forwarding cursors, so a log existed): a deleted log never passes.',
      options: [LOG, { flag: '--trust KEY', description: 'a public key (base64) or key id the checkpoints must be signed with; repeatable' }, { flag: '--format text|json', description: 'output', default: 'text' }],
    },
    {
      name: 'export', usage: 'export --format jsonl|csv [filters] [--output FILE]',
      description: 'Writes entries as JSON Lines or CSV, oldest first.',
      options: [{ flag: '--format jsonl|csv', description: 'required' }, ...FILTERS, { flag: '--output FILE', description: 'write to this file (0600) instead of stdout' }, LOG],
    },
    {
      name: 'tail', usage: 'tail [-n N] [filters] [--json]',
      description: 'Prints the newest entries, oldest first.',
      options: [{ flag: '-n N', description: 'how many entries', default: '20' }, ...FILTERS, { flag: '--json', description: 'JSON Lines instead of text' }, LOG],
    },
    {
      name: 'forward', usage: 'forward [--siem] [--syslog]',
      description: `Sends the entries not yet acknowledged to the SIEM (HTTPS) and/or syslog (RFC 5424 over TCP/TLS) configured in ${FORWARDING_CONFIG_FILE} in the config folder; a cursor per destination remembers what was sent.`,
      options: [{ flag: '--siem', description: 'only the SIEM' }, { flag: '--syslog', description: 'only syslog' }],
    },
    {
      name: 'checkpoint', usage: 'checkpoint',
      description: 'Signs the entries after the last checkpoint now (the signing key is created on first use).',
    },
  ],
  options: [],
  environment: [STATE_ENV, CONFIG_ENV, { name: SIEM_TOKEN_ENV, description: 'bearer token for the SIEM endpoint (forward)' }, ACTING_AS_ENV],
  examples: [
    { command: 'audit verify --trust 9998bb965e079bca', description: 'verify, and require checkpoints signed by this key' },
    { command: 'audit export --format csv --since 2026-01-01 --output audit-2026.csv', description: 'export this year\'s entries for an auditor' },
    { command: 'audit tail -n 5 --project production-chatbot', description: 'the last five changes to a project' },
    { command: 'audit forward --siem', description: 'send pending entries to the SIEM (from cron or CI)' },
  ],
  exitCodes: {
    0: 'done; verify: the log is intact, or nothing has been recorded on this machine yet',
    1: 'verify: the log was tampered with, or is missing where one was expected; forward: entries left unsent',
    2: 'usage or configuration error (an unknown subcommand or flag, a bad forwarding config)',
  },
};

export const AUDIT_USAGE = subcommandUsage('audit', AUDIT_HELP);
