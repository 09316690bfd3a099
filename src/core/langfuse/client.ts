import type { Logger } from '../log/logger';
import { TOOL_NAME, TOOL_VERSION } from '../names';
import { Api } from './api';
import { detectCapabilities, type Capabilities } from './capabilities';
import { Transport, type RetryPolicy } from './http/transport';
import { cloudRegionOf } from './regions';
import { health } from './resources/health';
import { observationsResource } from './resources/observations';
import { organizationApiKeysResource } from './resources/organizationApiKeys';
import { organizationMembershipsResource } from './resources/organizationMemberships';
import { projectApiKeysResource } from './resources/projectApiKeys';
import { projectMembershipsResource } from './resources/projectMemberships';
import { projectsResource } from './resources/projects';
import { scimUsersResource } from './resources/scimUsers';
import { tracesResource } from './resources/traces';
import { whoAmI } from './resources/whoAmI';
import { validateBaseUrl, validateKeyPair } from './url';

export interface LangfuseClientOptions {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  logger?: Logger;
  /** Per attempt (connect, headers and body); default 30 000. */
  timeoutMs?: number;
  /** Requests in flight per host at most; default 16. */
  maxConcurrency?: number;
  /**
   * Request budget per minute shared by every client of the host. Default: 900 on Langfuse Cloud
   * (under the Team/Pro limit of 1000), none for self-hosted instances (they do not rate limit).
   */
  requestsPerMinute?: number;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** Largest answer read, in bytes; default 32 MiB. */
  maxResponseBytes?: number;
  /** How long detectCapabilities() answers from cache; default 300 000 (Langfuse's own plan cache TTL). */
  capabilitiesTtlMs?: number;
}

export const DEFAULT_MAX_CONCURRENCY = 16;
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 60_000 };

/**
 * A client for one Langfuse instance and one key pair. Validates the URL (https, or http on
 * loopback) and the key pair before anything is sent.
 */
export function createLangfuseClient(options: LangfuseClientOptions) {
  const { origin, basePath } = validateBaseUrl(options.baseUrl);
  validateKeyPair(options.publicKey, options.secretKey);
  const transport = new Transport({
    origin,
    basePath,
    publicKey: options.publicKey,
    secretKey: options.secretKey,
    logger: options.logger?.child('langfuse'),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxConcurrency: Math.max(1, options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    requestsPerMinute: options.requestsPerMinute ?? (cloudRegionOf(origin) ? 900 : undefined),
    userAgent: options.userAgent ?? `${TOOL_NAME}/${TOOL_VERSION}`,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
  });
  const ttl = options.capabilitiesTtlMs ?? 300_000;
  const cache: CapabilityCache = { ttl };
  return buildClient(new Api(transport), transport, `${origin}${basePath}`, options.publicKey, cache);
}

interface CapabilityCache { ttl: number; entry?: { at: number; value: Promise<Capabilities> } }

function buildClient(api: Api, transport: Transport, baseUrl: string, publicKey: string, cache: CapabilityCache) {
  return {
    baseUrl,
    publicKey,
    projects: projectsResource(api),
    organizationMemberships: organizationMembershipsResource(api),
    projectMemberships: projectMembershipsResource(api),
    projectApiKeys: projectApiKeysResource(api),
    organizationApiKeys: organizationApiKeysResource(api),
    scimUsers: scimUsersResource(api),
    traces: tracesResource(api),
    /** Langfuse v4's read path for tracing data (v2 observations). */
    observations: observationsResource(api),
    /** The project key's own project and organization. */
    whoAmI: () => whoAmI(api),
    health: () => health(api),
    /** Key kind, plan entitlements and server version; cached for `capabilitiesTtlMs`. */
    detectCapabilities(opts: { refresh?: boolean } = {}): Promise<Capabilities> {
      const cached = cache.entry;
      if (!cached || opts.refresh || Date.now() - cached.at > cache.ttl) {
        const value = detectCapabilities(api);
        const entry = { at: Date.now(), value };
        cache.entry = entry;
        value.catch(() => { if (cache.entry === entry) cache.entry = undefined; });
        return value;
      }
      return cached.value;
    },
    /**
     * The same client (same host gate, same capability cache) whose requests are all cancelled when
     * `signal` aborts — queued ones leave the queue at once.
     */
    withSignal: (signal: AbortSignal) => buildClient(api.withSignal(signal), transport, baseUrl, publicKey, cache),
    /** What this client's answers said about the server: rate-limit headers, clock skew, proxy headers. */
    observed: () => transport.observed.snapshot(),
    /** Requests in flight now and at most so far, for this client's host gate. */
    stats: () => ({ inFlight: transport.gate.inFlight, peakInFlight: transport.gate.peakInFlight }),
  };
}
export type LangfuseClient = ReturnType<typeof buildClient>;
