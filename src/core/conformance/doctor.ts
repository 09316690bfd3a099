// `langfuse-access doctor`: read-only answers to "what works with this server, and why": server version
// against the versions conformance passed on, key kind, plan entitlements, the acting identity's role,
// rate-limit headers, clock skew, TLS and proxy. GET requests only.
import type { ActingIdentity } from '../session/port';
import type { LangfuseClient } from '../langfuse/client';
import { PLANS_WITH_ADMIN_API } from '../langfuse/errorMapping';
import { isLangfuseError, PlanGateError, UnauthorizedError } from '../langfuse/errors';
import { cloudRegionOf } from '../langfuse/regions';
import { hasOrganizationScope } from '../langfuse/roles';
import { parseServerVersion } from '../langfuse/serverVersion';
import type { EnvLike } from '../state/stateDir';
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
    else { add('server', 'fail', `not reached: ${messageOf(err)}`); connectionNotes(client, input.env, add); return report; }
  }
  report.serverVersion = version;
  versionLines(version, add);

  let caps;
  try {
    caps = await client.detectCapabilities({ refresh: true });
    report.keyAccepted = true;
  } catch (err) {
    add('key', 'fail', err instanceof UnauthorizedError ? `the key pair is refused (401): ${err.message}` : messageOf(err));
    connectionNotes(client, input.env, add);
    return report;
  }
  if (caps.keyKind === 'project') {
    add('key', 'warn', `project key of ${caps.project?.name ?? 'a project'}${caps.organization ? ` (${caps.organization.name})` : ''}: a read-only view of that project; managing members, projects and keys needs an organization key`);
  } else {
    add('key', 'ok', 'organization key');
    const plan = (has: boolean | undefined, what: string, why: string) =>
      add('plan', has ? 'ok' : 'warn', `${what}: ${has ? 'yes' : `no — ${why} (available on ${PLANS_WITH_ADMIN_API})`}`);
    plan(caps.adminApi, 'admin API (members, projects, keys)', 'the tree, member and key actions and rotations do not work; .env checks and the audit log do');
    plan(caps.rbacProjectRoles, 'project roles (rbac-project-roles)', 'project-level roles cannot be read or set; members inherit their organization role');
    await scimLine(client, add);
    add('plan', 'info', `audit logs (audit-logs): ${caps.adminApi ? 'likely yes' : 'likely no'} — Langfuse shows its own audit log only in its UI (no API), and grants it with the same plans as the admin API; this tool keeps its own log either way`);
  }
  await identityLines(client, caps.keyKind === 'organization' && !!caps.adminApi, input.actor, add);
  connectionNotes(client, input.env, add);
  return report;
}

function versionLines(version: string | undefined, add: (t: string, s: DoctorStatus, x: string) => void): void {
  const parsed = parseServerVersion(version);
  if (!parsed) {
    add('server', 'warn', `reached, but GET /api/public/health states no version; conformance has passed on ${testedVersionList()}`);
    return;
  }
  add('server', isTestedVersion(version) ? 'ok' : 'warn', isTestedVersion(version)
    ? `Langfuse ${parsed.text}; conformance has passed on it (tested: ${testedVersionList()})`
    : `Langfuse ${parsed.text} is not among the versions conformance has passed on (${testedVersionList()}); run "langfuse-access conformance" against it before relying on the tool`);
  add('traces', 'info', parsed.major >= 4
    ? 'the rotation\'s trace probe reads GET /api/public/v2/observations (Langfuse v4 removed the v3 trace routes in its default events_only mode)'
    : 'the rotation\'s trace probe reads the v3 trace list (GET /api/public/traces)');
}

async function scimLine(client: LangfuseClient, add: (t: string, s: DoctorStatus, x: string) => void): Promise<void> {
  try {
    await client.scimUsers.list({ count: 1 });
    add('plan', 'ok', 'SCIM (add members by email): yes');
  } catch (err) {
    if (err instanceof PlanGateError) add('plan', 'warn', `SCIM (add members by email): no — "Add member" cannot create users (available on ${PLANS_WITH_ADMIN_API})`);
    else add('plan', 'warn', `SCIM (add members by email): unknown — ${messageOf(err)}`);
  }
}

async function identityLines(client: LangfuseClient, canList: boolean, actor: ActingIdentity, add: (t: string, s: DoctorStatus, x: string) => void): Promise<void> {
  if (!actor.email) {
    add('identity', 'warn', 'no acting identity: set LANGFUSE_ACCESS_ACTING_AS (or git user.email) to your Langfuse email; every change is refused until then');
    return;
  }
  if (!canList) {
    add('identity', 'info', `acting as ${actor.email}; the organization role cannot be read without the admin API`);
    return;
  }
  const member = (await client.organizationMemberships.list()).find(m => m.email?.toLowerCase() === actor.email!.toLowerCase());
  if (!member) add('identity', 'warn', `acting as ${actor.email}, who is not a member of this organization: every change is refused`);
  else if (hasOrganizationScope(member.role, 'organizationMembers:CUD')) add('identity', 'ok', `acting as ${actor.email}, ${member.role}: may manage members and keys (and run conformance${member.role === 'OWNER' ? '' : ' with --project'})`);
  else add('identity', 'warn', `acting as ${actor.email}, ${member.role}: member and key changes are refused (they need OWNER or ADMIN)`);
}

function connectionNotes(client: LangfuseClient, env: EnvLike, add: (t: string, s: DoctorStatus, x: string) => void): void {
  const seen = client.observed();
  const url = new URL(client.baseUrl);
  const region = cloudRegionOf(client.baseUrl);
  const limits = Object.entries(seen.rateLimit).map(([k, v]) => `${k}: ${v}`).join(', ');
  add('rate limit', limits ? 'warn' : 'info', limits
    ? `rate-limit headers seen: ${limits}`
    : region
      ? `none seen; Langfuse Cloud (${region.id}) limits the management API per organization and sends X-RateLimit-* with a 429 only; this tool keeps under 900 requests/min`
      : 'none seen; self-hosted Langfuse does not rate-limit the API');
  if (seen.clockSkewMs !== undefined) {
    const s = Math.round(seen.clockSkewMs / 1000);
    add('clock', Math.abs(seen.clockSkewMs) > SKEW_WARN_MS ? 'warn' : 'ok', Math.abs(seen.clockSkewMs) > SKEW_WARN_MS
      ? `the server's clock is ${Math.abs(s)} s ${s > 0 ? 'ahead of' : 'behind'} this machine's: key ages and "since the cut-over" probes will be off; fix NTP on one side`
      : `skew ${s >= 0 ? '+' : ''}${s} s (Date header, ±1 s)`);
  } else {
    add('clock', 'info', 'skew unknown (no Date header in the answers)');
  }
  if (url.protocol === 'http:') add('tls', 'info', 'plain HTTP on loopback (allowed only there)');
  else if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') add('tls', 'warn', 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for this process: keys could go to an impostor; unset it and add your CA with NODE_EXTRA_CA_CERTS');
  else add('tls', 'ok', `HTTPS with certificate checks (Node's CA store${env.NODE_EXTRA_CA_CERTS ? ' plus NODE_EXTRA_CA_CERTS' : '; NODE_EXTRA_CA_CERTS adds a private CA'})`);
  const proxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find(k => env[k]);
  if (proxy) add('proxy', 'warn', `${proxy} is set, but this tool connects to Langfuse directly (it does not use proxy variables); if your network only allows the proxy, requests will fail`);
  if (seen.via) add('proxy', 'info', `a proxy or gateway answered (Via: ${seen.via})`);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
