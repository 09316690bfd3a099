import type { Logger } from '../../log/logger';
import type { AuditForwardingConfig } from './forwardConfig';
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
