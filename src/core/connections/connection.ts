import { l10n } from '../l10n/l10n';
import * as z from '../zod';

/** A connection as stored in settings (`langfuseAccess.connections`) and the CLI's connections.yaml: never a secret. */
export const ConnectionConfig = z.lazySchema(() => z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: () => l10n.t('lower-case letters, digits and dashes') })),
  name: z.string().check(z.minLength(1)),
  baseUrl: z.string().check(z.minLength(1)),
}));
export type ConnectionConfig = z.infer<typeof ConnectionConfig>;

export const ConnectionList = z.lazySchema(() => z.array(ConnectionConfig));

/** The key pair of a connection, kept only in SecretStorage (`langfuseAccess/connection/<id>`) or a 0600 file. */
export const KeyPair = z.lazySchema(() => z.object({
  publicKey: z.string().check(z.startsWith('pk-lf-')),
  secretKey: z.string().check(z.startsWith('sk-lf-')),
}));
export type KeyPair = z.infer<typeof KeyPair>;

/** Shape written by `langfuse-access sandbox --credentials-out` and read by "Connect to local sandbox". */
export const SandboxCredentials = z.lazySchema(() => z.object({
  baseUrl: z.string(),
  organization: KeyPair,
  projects: z.record(z.string(), z.extend(KeyPair, { projectId: z.string() })),
}));
export type SandboxCredentials = z.infer<typeof SandboxCredentials>;

/** A readable, unique id from a display name: "Acme EU" → "acme-eu", "acme-eu-2" if taken. */
export function connectionIdFor(name: string, taken: Iterable<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'connection';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The host part users recognise in lists: "cloud.langfuse.com", "127.0.0.1:3000". */
export function hostLabel(baseUrl: string): string {
  try { return new URL(baseUrl).host; } catch { return baseUrl; }
}

/** http:// is refused except on loopback, where the sandbox and local servers live. */
export function checkBaseUrl(baseUrl: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { ok: false, reason: l10n.t('Not a URL. Use the address of your Langfuse instance, e.g. https://cloud.langfuse.com.') };
  }
  if (url.username || url.password) return { ok: false, reason: l10n.t('The URL must not carry credentials; the key pair is stored separately.') };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, reason: l10n.t('Refusing http:// for {0}: keys would travel unencrypted. Use https:// (plain http is allowed only on loopback).', url.host) };
  return { ok: false, reason: l10n.t('Unsupported scheme {0} — use https://.', url.protocol) };
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
