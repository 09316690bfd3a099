// What a Langfuse server offers depends on its major version, which it states without credentials in
// `GET /api/public/health` (`{"status":"OK","version":"4.16.0"}`; HealthResponse in
// web/public/generated/api/openapi.yml, langfuse/langfuse at 62751446149b702b419a9292ddfc2280cdf74b8c).

export interface ServerVersion { major: number; minor: number; patch: number; text: string }

/** "4.16.0", "v3.112.0", "4.16.0-rc.1" → numbers; undefined for anything else. */
export function parseServerVersion(text: string | undefined): ServerVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec((text ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text!.trim() };
}

/**
 * Where to read a project's recent tracing data. Langfuse v4 reads it through the v2 observations API
 * (self-hosted: "Langfuse v4+", https://langfuse.com/docs/api-and-data-platform/features/observations-api)
 * and, in its default events_only write mode, no longer serves the v3 trace routes
 * (https://langfuse.com/docs/v4); older servers have only the v3 trace list.
 */
export type TraceReadPath = 'v2-observations' | 'v3-traces';

export function traceReadPaths(version: ServerVersion | undefined): TraceReadPath[] {
  if (!version) return ['v2-observations', 'v3-traces'];
  return version.major >= 4 ? ['v2-observations'] : ['v3-traces'];
}
