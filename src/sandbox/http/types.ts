import type { IncomingHttpHeaders } from 'node:http';
import type { Store } from '../store';

/** A request after the body parser (which, as in Next.js, runs before any authentication). */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed body for application/json requests ({} when empty), else the raw text. */
  body: unknown;
  params: Record<string, string>;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; `undefined` with no `text` means an empty body. */
  json?: unknown;
  /** Plain-text body sent without a content type (Next.js' "Invalid JSON"). */
  text?: string;
}

export interface RouteContext {
  store: Store;
  /** Counts the request against the organization's public-api bucket; a 429 response when exhausted. */
  rateLimit(orgId: string): SandboxResponse | undefined;
}

export type RouteHandler = (req: SandboxRequest, ctx: RouteContext) => SandboxResponse;
