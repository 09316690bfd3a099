// A real OpenID Connect provider on loopback for the SSO tests: the `oidc-provider` package (an
// OpenID Certified implementation), started in-process on 127.0.0.1 with a confidential client
// registered for Langfuse's callback. Options reproduce the failures the SSO check must catch.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcPeerOptions {
  /** Registered redirect URIs of the client `langfuse-web`. */
  redirectUris: string[];
  /** The provider names itself with a trailing slash (as Auth0 does). */
  issuerTrailingSlash?: boolean;
  /** The discovery document leaves out code_challenge_methods_supported (a provider without PKCE). */
  withoutPkce?: boolean;
}

export interface OidcPeer {
  /** The issuer exactly as the provider's discovery document states it. */
  issuer: string;
  origin: string;
  clientId: string;
  /** Requests the provider received (method and path), to show what the check sent. */
  requests: string[];
  close(): Promise<void>;
}

export async function startOidcProvider(options: OidcPeerOptions): Promise<OidcPeer> {
  const { default: Provider } = await import('oidc-provider');
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuerTrailingSlash ? `${origin}/` : origin;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'langfuse-web', client_secret: 'oidc-peer-client-secret-not-real',
      redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'],
    }],
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'peer', use: 'sig', alg: 'RS256' } as never] },
    features: { devInteractions: { enabled: false } },
  });
  const requests: string[] = [];
  provider.use(async (ctx, next) => {
    requests.push(`${ctx.method} ${ctx.path}`);
    await next();
    if (options.withoutPkce && ctx.path.endsWith('/.well-known/openid-configuration') && ctx.body && typeof ctx.body === 'object') {
      delete (ctx.body as Record<string, unknown>).code_challenge_methods_supported;
    }
  });
  server.on('request', provider.callback());
  return {
    issuer, origin, clientId: 'langfuse-web', requests,
    close: () => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
