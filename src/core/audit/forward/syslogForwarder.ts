import * as net from 'node:net';
import * as tls from 'node:tls';
import { l10n } from '../../l10n/l10n';
import type { AuditEntry } from '../entry';
import { isLoopbackHost } from './forwardConfig';
import type { ForwardOptions, ForwardResult, SendResult } from './forwardQueue';
import { forwardPending } from './forwardQueue';
import type { SyslogFormatOptions } from './syslogFormat';
import { formatSyslogMessage, frameSyslog } from './syslogFormat';

export interface SyslogOptions extends Omit<ForwardOptions, 'destination'>, SyslogFormatOptions {
  host: string;
  port: number;
  /** RFC 5425 TLS; plain TCP is accepted only to loopback. */
  tls: boolean;
  ca?: string;
  connectTimeoutMs?: number;
}

/**
 * Forwards the audit log as RFC 5424 messages over TCP or TLS (octet counting). Syslog has no
 * acknowledgement: a batch counts as delivered once the socket has flushed it, so a collector that
 * dies mid-batch can miss or repeat a few messages; the seq/hash structured data makes that visible.
 */
export async function forwardToSyslog(options: SyslogOptions): Promise<ForwardResult> {
  if (!options.tls && !isLoopbackHost(options.host)) {
    throw new Error(l10n.t('syslog to {0} must use TLS (plain TCP is accepted only on loopback)', options.host));
  }
  const destination = `syslog${options.tls ? '+tls' : ''}://${options.host}:${options.port}`;
  let socket: net.Socket | undefined;
  const connect = (): Promise<net.Socket> => new Promise((resolve, reject) => {
    const timeout = options.connectTimeoutMs ?? 10_000;
    const s = options.tls
      ? tls.connect({ host: options.host, port: options.port, servername: net.isIP(options.host) ? undefined : options.host, ...(options.ca ? { ca: options.ca } : {}) })
      : net.connect({ host: options.host, port: options.port });
    const timer = setTimeout(() => { s.destroy(new Error(l10n.t('no connection to {0} within {1} ms', destination, timeout))); }, timeout);
    s.once(options.tls ? 'secureConnect' : 'connect', () => { clearTimeout(timer); resolve(s); });
    s.once('error', err => { clearTimeout(timer); reject(err); });
  });
  const send = async (entries: AuditEntry[]): Promise<SendResult> => {
    try {
      if (!socket || socket.destroyed) socket = await connect();
      const s = socket;
      const frames = Buffer.concat(entries.map(e => frameSyslog(formatSyslogMessage(e, options))));
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        s.once('error', onError);
        s.write(frames, err => { s.off('error', onError); if (err) reject(err); else resolve(); });
      });
      return { ok: true };
    } catch (err) {
      socket?.destroy();
      socket = undefined;
      return { ok: false, retryable: true, message: l10n.t('syslog {0}: {1}', destination, (err as Error).message) };
    }
  };
  try {
    return await forwardPending({ ...options, destination }, send);
  } finally {
    const s = socket;
    if (s && !s.destroyed) {
      await new Promise<void>(resolve => {
        const done = setTimeout(() => { s.destroy(); resolve(); }, 2000);
        s.end(() => { clearTimeout(done); resolve(); });
      });
    }
  }
}
