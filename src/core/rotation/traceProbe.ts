// The optional trace probe: is the project receiving tracing data since the cut-over, read with the
// NEW key? It shows the new key works where data arrives; it cannot show which key sent the data, so it
// is never called "old key unused". The endpoint is chosen by the server's version (serverVersion.ts):
// v2 observations on Langfuse 4.x, the v3 trace list only where the server still has it. Whatever
// happens, the probe answers with evidence or with why it is unavailable: it never blocks or fails a
// rotation.
import { isLangfuseError, parseServerVersion, traceReadPaths, UnsupportedError, type LangfuseClient, type TraceReadPath } from '../langfuse';
import { l10n } from '../l10n/l10n';
import { redactText } from '../log/redact';
import type { ProbeEvidence } from './journal';

/** Items read from the first page at most; more only says "at least this many". */
const PAGE = 100;

export async function probeTraces(client: LangfuseClient, since: string, now: () => Date): Promise<ProbeEvidence> {
  let versionText: string | undefined;
  try { versionText = (await client.health()).version; } catch { versionText = undefined; }
  const version = parseServerVersion(versionText);
  const reasons: string[] = [];
  for (const source of traceReadPaths(version)) {
    try {
      return { since, at: now().toISOString(), source, serverVersion: versionText, ...(await read(client, source, since)) };
    } catch (err) {
      reasons.push(reasonOf(source, err));
    }
  }
  return {
    since, at: now().toISOString(), serverVersion: versionText,
    // Kept in the journal as written now: a whole translated sentence, the reasons (one clause each) as its argument.
    unavailable: version
      ? l10n.t('trace probe unavailable on Langfuse {0}: {1}', version.text, reasons.join('; '))
      : l10n.t('trace probe unavailable on Langfuse (version unknown: {0} did not say): {1}', 'GET /api/public/health', reasons.join('; ')),
  };
}

async function read(client: LangfuseClient, source: TraceReadPath, since: string): Promise<{ items: number; more: boolean }> {
  if (source === 'v2-observations') {
    const page = await client.observations.list({ fromStartTime: since, fields: 'core', limit: PAGE });
    return { items: page.data.length, more: Boolean(page.meta.cursor) };
  }
  const page = await client.traces.list({ fromTimestamp: since, limit: 1 });
  return { items: page.meta.totalItems, more: false };
}

function reasonOf(source: TraceReadPath, err: unknown): string {
  const endpoint = source === 'v2-observations' ? 'GET /api/public/v2/observations' : 'GET /api/public/traces';
  if (err instanceof UnsupportedError && err.serverMessage) {
    return err.replacement
      ? l10n.t('{0} is not served (Langfuse: "{1}"; replacement: {2})', endpoint, err.serverMessage, err.replacement)
      : l10n.t('{0} is not served (Langfuse: "{1}")', endpoint, err.serverMessage);
  }
  const text = isLangfuseError(err) || err instanceof Error ? err.message : String(err);
  return l10n.t('{0} failed: {1}', endpoint, redactText(text).slice(0, 400));
}

/**
 * One line for the report and the progress note. Langfuse v4 may show data from older SDKs up to 15
 * minutes late (https://langfuse.com/docs/api-and-data-platform/features/observations-api), so "none yet"
 * says so.
 */
export function describeProbe(p: ProbeEvidence, project: string, since?: string): string {
  if (p.unavailable) return l10n.t('{0}. The rotation does not depend on it.', `${p.unavailable[0].toUpperCase()}${p.unavailable.slice(1)}`);
  const count = p.items ?? p.traces ?? 0;
  // `since` (the report) names the time; progress notes say "since the cut-over". Whole sentences either way.
  if (p.source === 'v2-observations') {
    const n = `${count}${p.more ? '+' : ''}`;
    if (since) {
      return count > 0
        ? l10n.t('Observations are arriving: {0} observation(s) in project {1} since {2} (GET /api/public/v2/observations, read with the new key). This does not show which key sent them.', n, project, since)
        : l10n.t('No observations in project {0} since {1} yet (GET /api/public/v2/observations, read with the new key; Langfuse may show data from older SDKs up to 15 minutes late).', project, since);
    }
    return count > 0
      ? l10n.t('Observations are arriving: {0} observation(s) in project {1} since the cut-over (GET /api/public/v2/observations, read with the new key). This does not show which key sent them.', n, project)
      : l10n.t('No observations in project {0} since the cut-over yet (GET /api/public/v2/observations, read with the new key; Langfuse may show data from older SDKs up to 15 minutes late).', project);
  }
  if (since) {
    return count > 0
      ? l10n.t('Traces are arriving: {0} trace(s) in project {1} since {2} (read with the new key). This does not show which key sent them.', count, project, since)
      : l10n.t('No traces in project {0} since {1} yet (read with the new key).', project, since);
  }
  return count > 0
    ? l10n.t('Traces are arriving: {0} trace(s) in project {1} since the cut-over (read with the new key). This does not show which key sent them.', count, project)
    : l10n.t('No traces in project {0} since the cut-over yet (read with the new key).', project);
}
