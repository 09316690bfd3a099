// `langfuse-access doctor`: read-only answers to "what works with this server, and why": server version
// against the versions conformance passed on, key kind, plan entitlements, the acting identity's role,
// rate-limit headers, clock skew, TLS and proxy. GET requests only.
import type { ActingIdentity } from '../session/port';
import type { LangfuseClient } from '../langfuse/client';
import { plansWithAdminApi } from '../langfuse/errorMapping';
import { isLangfuseError, PlanGateError, UnauthorizedError } from '../langfuse/errors';
import { cloudRegionOf } from '../langfuse/regions';
import { hasOrganizationScope } from '../langfuse/roles';
import { parseServerVersion } from '../langfuse/serverVersion';
import type { EnvLike } from '../state/stateDir';
import { l10n } from '../l10n/l10n';
import { isTestedVersion, testedVersionList } from './testedVersions';

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'info';
export interface DoctorLine { topic: string; status: DoctorStatus; text: string }
export interface DoctorReport { baseUrl: string; reached: boolean; keyAccepted: boolean; serverVersion?: string; lines: DoctorLine[] }

const SKEW_WARN_MS = 60_000;

export async function runDoctor(client: LangfuseClient, input: { actor: ActingIdentity; env: EnvLike }): Promise<DoctorReport> {
  const lines: DoctorLine[] = [];
  const add = (topic: string, status: DoctorStatus, text: string) => lines.push({ topic, status, text });
  const report: DoctorReport = { baseUrl: client.baseUrl, reached: false, keyAccepted: false, lines };

  let version: string | undefined;
  try {
    version = (await client.health()).version;
    report.reached = true;
  } catch (err) {
    if (isLangfuseError(err) && err.status !== undefined && err.kind !== 'schema') report.reached = true;
    else { add('server', 'fail', l10n.t('not reached: {0}', messageOf(err))); connectionNotes(client, input.env, add); return report; }
  }
  report.serverVersion = version;
  versionLines(version, add);

  let caps;
  try {
    caps = await client.detectCapabilities({ refresh: true });
    report.keyAccepted = true;
  } catch (err) {
    add('key', 'fail', err instanceof UnauthorizedError ? l10n.t('the key pair is refused (401): {0}', err.message) : messageOf(err));
    connectionNotes(client, input.env, add);
    return report;
  }
  if (caps.keyKind === 'project') {
    const project = caps.project?.name ?? l10n.t('a project');
    add('key', 'warn', caps.organization
      ? l10n.t('project key of {0} ({1}): a read-only view of that project; managing members, projects and keys needs an organization key', project, caps.organization.name)
      : l10n.t('project key of {0}: a read-only view of that project; managing members, projects and keys needs an organization key', project));
  } else {
    add('key', 'ok', l10n.t('organization key'));
    add('plan', caps.adminApi ? 'ok' : 'warn', caps.adminApi ? l10n.t('admin API (members, projects, keys): yes')
      : l10n.t('admin API (members, projects, keys): no — the tree, member and key actions and rotations do not work; .env checks and the audit log do (available on {0})', plansWithAdminApi()));
    add('plan', caps.rbacProjectRoles ? 'ok' : 'warn', caps.rbacProjectRoles ? l10n.t('project roles (rbac-project-roles): yes')
      : l10n.t('project roles (rbac-project-roles): no — project-level roles cannot be read or set; members inherit their organization role (available on {0})', plansWithAdminApi()));
    await scimLine(client, add);
    add('plan', 'info', caps.adminApi
      ? l10n.t('audit logs (audit-logs): likely yes — Langfuse shows its own audit log only in its UI (no API), and grants it with the same plans as the admin API; this tool keeps its own log either way')
      : l10n.t('audit logs (audit-logs): likely no — Langfuse shows its own audit log only in its UI (no API), and grants it with the same plans as the admin API; this tool keeps its own log either way'));
  }
  await identityLines(client, caps.keyKind === 'organization' && !!caps.adminApi, input.actor, add);
  connectionNotes(client, input.env, add);
  return report;
}

function versionLines(version: string | undefined, add: (t: string, s: DoctorStatus, x: string) => void): void {
  const parsed = parseServerVersion(version);
  if (!parsed) {
    add('server', 'warn', l10n.t('reached, but GET /api/public/health states no version; conformance has passed on {0}', testedVersionList()));
    return;
  }
  add('server', isTestedVersion(version) ? 'ok' : 'warn', isTestedVersion(version)
    ? l10n.t('Langfuse {0}; conformance has passed on it (tested: {1})', parsed.text, testedVersionList())
    : l10n.t('Langfuse {0} is not among the versions conformance has passed on ({1}); run "{2}" against it before relying on the tool', parsed.text, testedVersionList(), 'langfuse-access conformance'));
  add('traces', 'info', parsed.major >= 4
    ? l10n.t('the rotation\'s trace probe reads GET /api/public/v2/observations (Langfuse v4 removed the v3 trace routes in its default events_only mode)')
    : l10n.t('the rotation\'s trace probe reads the v3 trace list (GET /api/public/traces)'));
}

async function scimLine(client: LangfuseClient, add: (t: string, s: DoctorStatus, x: string) => void): Promise<void> {
  try {
    await client.scimUsers.list({ count: 1 });
    add('plan', 'ok', l10n.t('SCIM (add members by email): yes'));
  } catch (err) {
    if (err instanceof PlanGateError) add('plan', 'warn', l10n.t('SCIM (add members by email): no — "Add member" cannot create users (available on {0})', plansWithAdminApi()));
    else add('plan', 'warn', l10n.t('SCIM (add members by email): unknown — {0}', messageOf(err)));
  }
}

async function identityLines(client: LangfuseClient, canList: boolean, actor: ActingIdentity, add: (t: string, s: DoctorStatus, x: string) => void): Promise<void> {
  if (!actor.email) {
    add('identity', 'warn', l10n.t('no acting identity: set LANGFUSE_ACCESS_ACTING_AS (or git user.email) to your Langfuse email; every change is refused until then'));
    return;
  }
  if (!canList) {
    add('identity', 'info', l10n.t('acting as {0}; the organization role cannot be read without the admin API', actor.email));
    return;
  }
  const member = (await client.organizationMemberships.list()).find(m => m.email?.toLowerCase() === actor.email!.toLowerCase());
  if (!member) add('identity', 'warn', l10n.t('acting as {0}, who is not a member of this organization: every change is refused', actor.email));
  else if (hasOrganizationScope(member.role, 'organizationMembers:CUD')) {
    add('identity', 'ok', member.role === 'OWNER' ? l10n.t('acting as {0}, {1}: may manage members and keys (and run conformance)', actor.email, member.role)
      : l10n.t('acting as {0}, {1}: may manage members and keys (and run conformance with --project)', actor.email, member.role));
  } else add('identity', 'warn', l10n.t('acting as {0}, {1}: member and key changes are refused (they need OWNER or ADMIN)', actor.email, member.role));
}

function connectionNotes(client: LangfuseClient, env: EnvLike, add: (t: string, s: DoctorStatus, x: string) => void): void {
  const seen = client.observed();
  const url = new URL(client.baseUrl);
  const region = cloudRegionOf(client.baseUrl);
  const limits = Object.entries(seen.rateLimit).map(([k, v]) => `${k}: ${v}`).join(', ');
  add('rate limit', limits ? 'warn' : 'info', limits
    ? l10n.t('rate-limit headers seen: {0}', limits)
    : region
      ? l10n.t('none seen; Langfuse Cloud ({0}) limits the management API per organization and sends X-RateLimit-* with a 429 only; this tool keeps under 900 requests/min', region.id)
      : l10n.t('none seen; self-hosted Langfuse does not rate-limit the API'));
  if (seen.clockSkewMs !== undefined) {
    const s = Math.round(seen.clockSkewMs / 1000);
    add('clock', Math.abs(seen.clockSkewMs) > SKEW_WARN_MS ? 'warn' : 'ok', Math.abs(seen.clockSkewMs) > SKEW_WARN_MS
      ? (s > 0 ? l10n.t('the server\'s clock is {0} s ahead of this machine\'s: key ages and "since the cut-over" probes will be off; fix NTP on one side', Math.abs(s))
        : l10n.t('the server\'s clock is {0} s behind this machine\'s: key ages and "since the cut-over" probes will be off; fix NTP on one side', Math.abs(s)))
      : l10n.t('skew {0} s (Date header, ±1 s)', `${s >= 0 ? '+' : ''}${s}`));
  } else {
    add('clock', 'info', l10n.t('skew unknown (no Date header in the answers)'));
  }
  if (url.protocol === 'http:') add('tls', 'info', l10n.t('plain HTTP on loopback (allowed only there)'));
  else if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') add('tls', 'warn', l10n.t('NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for this process: keys could go to an impostor; unset it and add your CA with NODE_EXTRA_CA_CERTS'));
  else add('tls', 'ok', env.NODE_EXTRA_CA_CERTS ? l10n.t('HTTPS with certificate checks (Node\'s CA store plus NODE_EXTRA_CA_CERTS)') : l10n.t('HTTPS with certificate checks (Node\'s CA store; NODE_EXTRA_CA_CERTS adds a private CA)'));
  const proxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find(k => env[k]);
  if (proxy) add('proxy', 'warn', l10n.t('{0} is set, but this tool connects to Langfuse directly (it does not use proxy variables); if your network only allows the proxy, requests will fail', proxy));
  if (seen.via) add('proxy', 'info', l10n.t('a proxy or gateway answered (Via: {0})', seen.via));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
