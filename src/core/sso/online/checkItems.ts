import * as z from 'zod/mini';

/** One line of the online check: what was looked at, the verdict, and what to change where. */
export interface CheckItem {
  id: 'url' | 'discovery' | 'issuer' | 'endpoints' | 'response-type' | 'scopes' | 'pkce' | 'state' | 'client-auth' | 'redirect-uri';
  /** unknown: the provider does not let a client find out; never counts as a failure. */
  status: 'pass' | 'fail' | 'unknown';
  title: string;
  detail: string;
}

export interface OnlineCheckResult {
  /** No failure among the items, and the check could run at all. */
  ok: boolean;
  /** False for plain OAuth 2.0 providers (no discovery document to check). */
  applicable: boolean;
  issuer?: string;
  discoveryUrl?: string;
  items: CheckItem[];
}

const Url = z.string().check(z.maxLength(2048));
const Strings = z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200));

/** The fields of an OpenID Provider Metadata document (OpenID Connect Discovery 1.0 §3) Langfuse uses. */
export const DiscoveryDocument = z.object({
  issuer: Url,
  authorization_endpoint: z.optional(Url),
  token_endpoint: z.optional(Url),
  jwks_uri: z.optional(Url),
  userinfo_endpoint: z.optional(Url),
  scopes_supported: z.optional(Strings),
  response_types_supported: z.optional(Strings),
  code_challenge_methods_supported: z.optional(Strings),
  token_endpoint_auth_methods_supported: z.optional(Strings),
});
export type DiscoveryDocument = z.infer<typeof DiscoveryDocument>;

/** Server-supplied text shown to a user: printable ASCII only, short, so it cannot spoof a message. */
export function shown(text: string, max = 120): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
