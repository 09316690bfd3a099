import { TOOL_NAME, TOOL_VERSION } from '../../names';
import type { AuditEntry } from '../entry';

export interface SyslogFormatOptions {
  appName?: string;
  /** RFC 5424 facility, default 13 (log audit). */
  facility?: number;
}

/** RFC 5612's documentation enterprise number: the SD-ID of our own structured data. */
export const SD_ID = 'langfuse-access@32473';

function printable(text: string, max: number): string {
  const clean = text.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean || '-';
}

function sdValue(text: string): string {
  return text.replace(/[\\"\]]/g, c => `\\${c}`);
}

/**
 * One RFC 5424 message: severity notice for successes, warning for failures and refusals; the
 * registered `origin` SD element plus our own with seq/hash for correlation; the entry as JSON (UTF-8 with BOM).
 */
export function formatSyslogMessage(entry: AuditEntry, options: SyslogFormatOptions = {}): string {
  const severity = entry.outcome === 'failure' || entry.outcome === 'refused' ? 4 : 5;
  const pri = (options.facility ?? 13) * 8 + severity;
  const params: [string, string | undefined][] = [
    ['seq', String(entry.seq)], ['hash', entry.hash], ['outcome', entry.outcome], ['actor', entry.actor.identity],
    ['resource', entry.resource.kind], ['project', entry.resource.project], ['organization', entry.resource.organization],
  ];
  const sd = `[origin software="${TOOL_NAME}" swVersion="${TOOL_VERSION}"][${SD_ID} ${params.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${sdValue(v!)}"`).join(' ')}]`;
  const header = `<${pri}>1 ${entry.time} ${printable(entry.actor.machine, 255)} ${printable(options.appName ?? TOOL_NAME, 48)} - ${printable(entry.action, 32)}`;
  return `${header} ${sd} \ufeff${JSON.stringify(entry)}`;
}

/** RFC 6587 / RFC 5425 octet-counting frame: `<length> <message>`. */
export function frameSyslog(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}
