import * as z from '../../zod';
import { l10n } from '../../l10n/l10n';

/** The CLI reads forwarding endpoints from this file in its config folder (never from a workspace). */
export const FORWARDING_CONFIG_FILE = 'audit-forwarding.yaml';
/** The SIEM bearer token for the CLI (the extension keeps it in SecretStorage). */
export const SIEM_TOKEN_ENV = 'LANGFUSE_ACCESS_SIEM_TOKEN';
/** Per-destination cursors live here, inside the state folder. */
export const FORWARD_STATE_DIR = 'audit-forward';

export const SiemConfig = z.object({
  url: z.string(),
  /** PEM file with the CA that signs the SIEM's certificate, when it is not a public CA. */
  caFile: z.optional(z.string()),
  batchSize: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(5000))),
});
export type SiemConfig = z.infer<typeof SiemConfig>;

export const SyslogConfig = z.object({
  host: z.string().check(z.minLength(1)),
  port: z.number().check(z.int(), z.minimum(1), z.maximum(65535)),
  /** RFC 5425 TLS (recommended); false means plain TCP (RFC 6587), accepted only on loopback. */
  tls: z.boolean(),
  caFile: z.optional(z.string()),
  appName: z.optional(z.string()),
  /** RFC 5424 facility; default 13 (log audit). */
  facility: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(23))),
});
export type SyslogConfig = z.infer<typeof SyslogConfig>;

export const AuditForwardingConfig = z.object({
  siem: z.optional(SiemConfig),
  syslog: z.optional(SyslogConfig),
});
export type AuditForwardingConfig = z.infer<typeof AuditForwardingConfig>;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** `https://` anywhere, `http://` only on loopback; no credentials in the URL. Throws a message fit for users. */
export function checkSiemUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(l10n.t('the SIEM URL is not a URL'));
  }
  if (url.username || url.password) throw new Error(l10n.t('the SIEM URL must not contain credentials; the token is sent as a bearer header'));
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url;
  throw new Error(l10n.t('the SIEM URL uses {0}// on {1}; only https:// is allowed (http:// only on loopback)', url.protocol, url.hostname));
}
