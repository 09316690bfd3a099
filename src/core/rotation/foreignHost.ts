// A .env target whose base-URL variables name another host than the rotation's connection would hand
// the new key to that host: the application run from its folder sends the pair wherever the SDK
// points. Such a target is written only after the user confirmed both hosts by name; `--yes` and
// other blanket confirmations never count. Checked when the rotation starts and again right before
// each write (the file may have changed in between), always before the revoke.
import * as fs from 'node:fs';
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
    question: `${target} points its SDK at ${foreignHosts.map(h => h.host).join(' and ')}, not at ${connectionHost} where this key belongs: ${named}. `
      + `Writing the new key there lets the application send it to ${foreignHosts.map(h => h.host).join(' and ')}. Write it anyway?`,
  };
}

/** The target names a host the user did not confirm for it. */
export class RotationForeignHostError extends RotationInputError {
  constructor(readonly request: ForeignHostRequest) {
    super(`Refusing to write the new key into ${request.target}: it points its SDK at ${request.foreignHosts.map(h => `${h.host} (${h.variables.join(', ')})`).join(' and ')}, not at ${request.connectionHost}, the host of this key's connection. `
      + `Point those variables at ${request.connectionHost}, leave the file out of the rotation, or confirm both hosts explicitly (CLI: --allow-foreign-host ${request.foreignHosts[0].host}).`);
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
