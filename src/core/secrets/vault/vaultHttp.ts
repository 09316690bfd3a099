// A minimal Vault HTTP client on undici (no SDK): token and namespace headers, JSON in and out,
// no redirects followed (so the token never goes to another host), errors mapped to sink errors.
import { Agent, request, type Dispatcher } from 'undici';
import * as z from '../../zod';
import { l10n } from '../../l10n/l10n';
import { redactText } from '../../log/redact';
import { SinkConfigError, SinkConflictError, SinkError, SinkIoError, SinkNetworkError, SinkNotFoundError, SinkPermissionError } from '../errors';
import { checkedEndpoint } from '../endpointUrl';

export interface VaultConnection {
  /** https://vault.example:8200, or http:// on loopback only. */
  address: string;
  /** From SecretStorage (extension) or VAULT_TOKEN (CLI); never from the workspace. */
  token: string;
  /** Vault Enterprise / HCP namespace, sent as X-Vault-Namespace. */
  namespace?: string;
  /** PEM of a private CA that signs the Vault server's certificate. */
  caCertPem?: string;
  timeoutMs?: number;
}

export interface VaultResponse { status: number; body: unknown }

const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/;

const ErrorsBody = z.object({ errors: z.optional(z.array(z.string())) });

/** KV v2 answers are small; anything far larger is abandoned so memory stays bounded. */
const MAX_BODY_BYTES = 4 * 1048576;

async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw Object.assign(new Error('body too large'), { code: 'BODY_TOO_LARGE' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class VaultHttp {
  private readonly base: URL;
  private readonly dispatcher?: Dispatcher;

  constructor(private readonly target: string, private readonly conn: VaultConnection) {
    this.base = checkedEndpoint(target, conn.address, l10n.t('the Vault address'));
    if (!conn.token) throw new SinkConfigError(target, l10n.t('no Vault token is available'), l10n.t('Sign in to Vault and store the token (VS Code: run "{0}"; CLI: set {1})', 'Langfuse Access: Set Vault Token…', 'VAULT_TOKEN'));
    if (conn.caCertPem) this.dispatcher = new Agent({ connect: { ca: conn.caCertPem } });
  }

  get address(): string { return this.base.origin; }

  /** Sends one call; 2xx and the given expected statuses come back, everything else throws. */
  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, expected: number[] = [], query: Record<string, string> = {}): Promise<VaultResponse> {
    const url = new URL(`v1/${path.split('/').map(encodeURIComponent).join('/')}`, this.base.href.endsWith('/') ? this.base : `${this.base.href}/`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { 'x-vault-token': this.conn.token, 'x-vault-request': 'true' };
    if (this.conn.namespace) headers['x-vault-namespace'] = this.conn.namespace;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = this.conn.timeoutMs ?? 15000;
    // headersTimeout/bodyTimeout only bound the pauses between bytes: a server that keeps trickling
    // (endless body, header after header) needs a deadline for the whole call.
    const deadline = AbortSignal.timeout(timeout);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), dispatcher: this.dispatcher, headersTimeout: timeout, bodyTimeout: timeout, signal: deadline });
    } catch (err) {
      if (deadline.aborted) throw new SinkNetworkError(this.target, l10n.t('Vault at {0} did not answer within {1} ms', this.base.origin, timeout), l10n.t('Check the network, VPN and the Vault address, then try again'), 'TimeoutError');
      const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      if (TLS_TRUST.test(code)) {
        throw new SinkNetworkError(this.target, l10n.t('the TLS certificate of Vault at {0} is not trusted ({1})', this.base.origin, code), l10n.t('If Vault uses a private CA, trust it ({0}, or the CA option), otherwise check the address', 'NODE_EXTRA_CA_CERTS=/path/to/ca.pem'), code);
      }
      throw new SinkNetworkError(this.target, l10n.t('Vault at {0} could not be reached ({1})', this.base.origin, code), l10n.t('Check the network, VPN and the Vault address, then try again'), code);
    }
    let text: string;
    try {
      text = await readCapped(res.body, MAX_BODY_BYTES);
    } catch (err) {
      const code = deadline.aborted ? 'TimeoutError' : String((err as { code?: string }).code ?? (err as Error).name);
      throw new SinkNetworkError(this.target, code === 'BODY_TOO_LARGE' ? l10n.t('Vault at {0} answered with more than {1} MiB', this.base.origin, MAX_BODY_BYTES / 1048576) : l10n.t('Vault at {0} did not finish its answer within {1} ms', this.base.origin, timeout),
        l10n.t('Check the Vault address and any proxy in front of it, then try again'), code);
    }
    let parsed: unknown;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    if ((res.statusCode >= 200 && res.statusCode < 300) || expected.includes(res.statusCode)) return { status: res.statusCode, body: parsed };
    throw this.error(res.statusCode, parsed, res.headers.location, path);
  }

  private error(status: number, body: unknown, location: string | string[] | undefined, path: string): SinkError {
    const parsed = ErrorsBody.safeParse(body);
    // Vault's own words (redacted) are data: each message has a form with them and one without.
    const first = redactText((parsed.success ? parsed.data.errors?.[0] : undefined) ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const cause = `HTTP ${status}`;
    if (status >= 300 && status < 400) {
      const to = Array.isArray(location) ? location[0] : location;
      let host: string | undefined;
      try { if (to) host = new URL(to).origin; } catch { /* keep generic */ }
      return host
        ? new SinkNetworkError(this.target, l10n.t('Vault answered with a redirect to {0} (a standby node?); the token is not sent after a redirect', host), l10n.t('Set the Vault address to the active node ({0})', host), cause)
        : new SinkNetworkError(this.target, l10n.t('Vault answered with a redirect to another address (a standby node?); the token is not sent after a redirect'), l10n.t('Set the Vault address to the active node'), cause);
    }
    if (status === 401 || status === 403) {
      const ns = this.conn.namespace;
      const problem = ns
        ? (first ? l10n.t('Vault refused {0} with this token in namespace {1}: {2}', path, ns, first) : l10n.t('Vault refused {0} with this token in namespace {1}', path, ns))
        : (first ? l10n.t('Vault refused {0} with this token: {1}', path, first) : l10n.t('Vault refused {0} with this token', path));
      return new SinkPermissionError(this.target, problem, l10n.t('Check the token ({0}) and that its policy grants create, read and update on {1}', 'vault token lookup', path), cause);
    }
    if (status === 404) {
      return new SinkNotFoundError(this.target, first ? l10n.t('Vault has no {0}: {1}', path, first) : l10n.t('Vault has no {0}', path), l10n.t('Check the mount name ({0}) and that it is a KV version 2 engine', 'vault secrets list'), cause);
    }
    if (status === 400 && /check-and-set/.test(first)) {
      return new SinkConflictError(this.target, l10n.t('the secret changed since it was read ({0})', first), l10n.t('Someone else wrote it; re-read the target and start the step again'), cause);
    }
    if (status === 400) {
      return new SinkConfigError(this.target, first ? l10n.t('Vault rejected the request: {0}', first) : l10n.t('Vault rejected the request'), l10n.t('Check the path and the mount settings in Vault'), cause);
    }
    if (status === 429 || status === 412 || status >= 500) {
      return new SinkNetworkError(this.target, first ? l10n.t('Vault is unavailable ({0}: {1})', status, first) : l10n.t('Vault is unavailable ({0})', status),
        status === 503 ? l10n.t('Vault is sealed or in maintenance; try again once it is unsealed') : l10n.t('Try again in a moment'), cause);
    }
    return new SinkIoError(this.target, first ? l10n.t('Vault answered {0}: {1}', status, first) : l10n.t('Vault answered {0}', status), l10n.t('Check the Vault server logs'), cause);
  }
}
