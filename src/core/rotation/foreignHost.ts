// A .env target whose base-URL variables name another host than the rotation's connection would hand
// the new key to that host: the application run from its folder sends the pair wherever the SDK
// points. Such a target is written only after the user confirmed both hosts by name; `--yes` and
// other blanket confirmations never count. Checked when the rotation starts and again right before
// each write (the file may have changed in between), always before the revoke.
import * as fs from 'node:fs';
import { l10n } from '../l10n/l10n';
import { foreignBaseUrls, readBy, urlHost, type BaseUrlSetting } from '../env/sdkBaseUrls';
import { parseSinkTarget } from '../secrets/spec';
import { RotationInputError } from './errors';
import type { JournalForeignHost } from './journal';
import type { RotationCallbacks } from './types';

export interface ForeignHostRequest {
  rotationId?: string;
  target: string;
  /** The connection's host (`host[:port]`), where the key belongs. */
  connectionHost: string;
  /** Hosts the file names instead, each with the variable(s) naming it. */
  foreignHosts: { host: string; variables: string[] }[];
  /** One sentence naming both hosts, to show verbatim in the confirmation. */
  question: string;
}

/** The foreign base URLs of an `env:` target (empty for other targets and for a missing file). */
export function foreignSettingsOf(target: string, connectionBaseUrl: string): BaseUrlSetting[] {
  const spec = parseSinkTarget(target);
  if (spec.kind !== 'env') return [];
  let text: string;
  try { text = fs.readFileSync(spec.path, 'utf8'); } catch { return []; }
  return foreignBaseUrls(text, connectionBaseUrl);
}

export function foreignHostRequest(target: string, connectionBaseUrl: string, settings: BaseUrlSetting[], rotationId?: string): ForeignHostRequest {
  const connectionHost = urlHost(connectionBaseUrl) ?? connectionBaseUrl;
  const byHost = new Map<string, string[]>();
  for (const s of settings) byHost.set(s.host, [...(byHost.get(s.host) ?? []), s.variable]);
  const foreignHosts = [...byHost].map(([host, variables]) => ({ host, variables }));
  const named = settings.map(s => `${s.variable}=${s.host} (${readBy(s.kind)})`).join('; ');
  return {
    rotationId, target, connectionHost, foreignHosts,
    question: l10n.t('{0} points its SDK at {1}, not at {2} where this key belongs: {3}. Writing the new key there lets the application send it to {1}. Write it anyway?',
      target, andList(foreignHosts.map(h => h.host)), connectionHost, named),
  };
}

/** The target names a host the user did not confirm for it. */
export class RotationForeignHostError extends RotationInputError {
  constructor(readonly request: ForeignHostRequest) {
    super(l10n.t('Refusing to write the new key into {0}: it points its SDK at {1}, not at {2}, the host of this key\'s connection. Point those variables at {2}, leave the file out of the rotation, or confirm both hosts explicitly (CLI: {3}).',
      request.target, andList(request.foreignHosts.map(h => `${h.host} (${h.variables.join(', ')})`)), request.connectionHost, `--allow-foreign-host ${request.foreignHosts[0].host}`));
  }
}

/**
 * Checks every `env:` target against the connection's host. Hosts already confirmed for a target
 * (`confirmed`) pass; otherwise `confirmForeignHost` must say yes to a question naming both hosts, or
 * the rotation is refused. Returns the confirmations to keep in the journal.
 */
export async function checkForeignHosts(
  targets: readonly string[], connectionBaseUrl: string, confirmed: readonly JournalForeignHost[], cb: RotationCallbacks, now: Date, rotationId?: string,
): Promise<JournalForeignHost[]> {
  const kept = [...confirmed];
  for (const target of targets) {
    const allowed = new Set(kept.filter(c => c.target === target).flatMap(c => c.hosts));
    const settings = foreignSettingsOf(target, connectionBaseUrl).filter(s => !allowed.has(s.host));
    if (settings.length === 0) continue;
    const request = foreignHostRequest(target, connectionBaseUrl, settings, rotationId);
    if (!(await cb.confirmForeignHost?.(request))) throw new RotationForeignHostError(request);
    kept.push({ target, hosts: request.foreignHosts.map(h => h.host), connectionHost: request.connectionHost, at: now.toISOString() });
  }
  return kept;
}

/** "a and b" / "a, b and c": the joining word is the translator's, the hosts stay as written. */
function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}
