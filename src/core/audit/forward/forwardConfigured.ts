import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../../log/logger';
import { forTerminal } from '../../display/terminal';
import { l10n } from '../../l10n/l10n';
import { FORWARDING_CONFIG_FILE, type AuditForwardingConfig } from './forwardConfig';
import type { ForwardResult } from './forwardQueue';
import { forwardToSiem } from './siemForwarder';
import { forwardToSyslog } from './syslogForwarder';

export interface ForwardConfiguredOptions {
  file: string;
  stateDir: string;
  /** SIEM bearer token (SecretStorage / environment); never logged. */
  siemToken?: string;
  /** Reads a configured caFile (relative paths resolved by the caller's config location). */
  readCa?: (caFile: string) => string;
  only?: 'siem' | 'syslog';
  signal?: AbortSignal;
  log?: Logger;
}

/**
 * Runs every configured destination once. Configuration errors (an http:// URL to a remote host,
 * plain TCP syslog off loopback) throw; delivery problems come back in the results, queue intact.
 */
export async function forwardConfigured(config: AuditForwardingConfig, options: ForwardConfiguredOptions): Promise<ForwardResult[]> {
  const results: ForwardResult[] = [];
  const base = { file: options.file, stateDir: options.stateDir, signal: options.signal, log: options.log };
  if (config.siem && options.only !== 'syslog') {
    results.push(await forwardToSiem({
      ...base, url: config.siem.url, token: options.siemToken, batchSize: config.siem.batchSize,
      ca: config.siem.caFile ? options.readCa?.(config.siem.caFile) : undefined,
    }));
  }
  if (config.syslog && options.only !== 'siem') {
    results.push(await forwardToSyslog({ ...base, ...config.syslog, ca: config.syslog.caFile ? options.readCa?.(config.syslog.caFile) : undefined }));
  }
  return results;
}

/**
 * `audit forward [--siem] [--syslog]`: which destination(s) to run; an Error when the config file
 * configures none of those asked for.
 */
export function forwardSelection(config: AuditForwardingConfig, flags: { siem: boolean; syslog: boolean }): 'siem' | 'syslog' | undefined {
  const only = flags.siem && !flags.syslog ? 'siem' : flags.syslog && !flags.siem ? 'syslog' : undefined;
  if ((only === 'siem' && !config.siem) || (only === 'syslog' && !config.syslog) || (!config.siem && !config.syslog)) {
    throw new Error(only === 'siem' ? l10n.t('{0} configures no siem', FORWARDING_CONFIG_FILE)
      : only === 'syslog' ? l10n.t('{0} configures no syslog', FORWARDING_CONFIG_FILE)
        : l10n.t('{0} configures no destination', FORWARDING_CONFIG_FILE));
  }
  return only;
}

/** A caFile named in the CLI's config file, relative to its folder. */
export function caFileReader(configDir: string): (caFile: string) => string {
  return caFile => {
    const full = path.resolve(configDir, caFile);
    try {
      return fs.readFileSync(full, 'utf8');
    } catch {
      throw new Error(l10n.t('caFile {0} (from {1}) cannot be read', full, FORWARDING_CONFIG_FILE));
    }
  };
}

/** One destination's outcome as a line (the error text comes from a server: escaped). */
export function forwardResultLine(r: ForwardResult): string {
  return `${r.destination}: sent ${r.sent}, pending ${r.pending}${r.busy ? ' (another process is forwarding)' : ''}${r.error ? ` — ${forTerminal(r.error)}` : ''}`;
}
