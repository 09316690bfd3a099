// Every mutating action through the extension's session port and through the CLI's, each against a
// fresh sandbox (acme world): the guard decision, the confirmations asked and the audit entries must
// be identical (apart from actor.tool); the sandbox must change only when the action was done.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AuditEntry } from '../../../src/core/audit/entry';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { SessionHost, type ActionOutcome, type SessionAction } from '../../../src/core/session';
import { clockStartingAt } from '../../../src/core/clock';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';

const SANDBOX_START = new Date();
import { edgeRun, type Edge } from './support/edges';

const LEAD = 'engineering-lead@acme.com';   // OWNER of the organization; NONE in staging-chatbot and analytics-readonly
const SENIOR = 'senior-dev@acme.com';       // ADMIN
const DEV = 'developer@acme.com';           // MEMBER
const PROD = 'proj-production-chatbot';
const STAGING = 'proj-staging-chatbot';

interface Row {
  name: string;
  actingAs: string | undefined;
  action: SessionAction | 'rotate-staging';
  expect: { status: ActionOutcome['status'] | 'started'; rule: string; confirmations: string[] };
  /** What the sandbox must show afterwards (checked for both edges). */
  effect?: (sb: SandboxHandle) => void;
}

const role = (sb: SandboxHandle, userId: string) => sb.store.orgMemberships.get(userId);
const projectRole = (sb: SandboxHandle, projectId: string, userId: string) => sb.store.projectMemberships.get(projectId)?.get(userId);
const keys = (sb: SandboxHandle, projectId: string) => [...sb.store.apiKeys.values()].filter(k => k.projectId === projectId);

const rows: Row[] = [
  { name: 'add a member by email (SCIM)', actingAs: LEAD, action: { kind: 'member.add', email: 'contractor@example.com', role: 'MEMBER' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.equal(role(sb, 'user-contractor'), 'MEMBER') },
  { name: 'change an organization role', actingAs: LEAD, action: { kind: 'member.changeRole', userId: 'user-developer', to: 'VIEWER' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.equal(role(sb, 'user-developer'), 'VIEWER') },
  { name: 'grant OWNER: asked twice', actingAs: LEAD, action: { kind: 'member.changeRole', userId: 'user-senior-dev', to: 'OWNER' },
    expect: { status: 'done', rule: 'allowed-elevated', confirmations: ['change', 'elevated-grant'] }, effect: sb => assert.equal(role(sb, 'user-senior-dev'), 'OWNER') },
  { name: 'demote the last OWNER', actingAs: LEAD, action: { kind: 'member.changeRole', userId: 'user-engineering-lead', to: 'ADMIN' },
    expect: { status: 'refused', rule: 'last-owner', confirmations: [] }, effect: sb => assert.equal(role(sb, 'user-engineering-lead'), 'OWNER') },
  { name: 'grant above one\'s own role', actingAs: SENIOR, action: { kind: 'member.changeRole', userId: 'user-developer', to: 'OWNER' },
    expect: { status: 'refused', rule: 'grant-above-own', confirmations: [] }, effect: sb => assert.equal(role(sb, 'user-developer'), 'MEMBER') },
  { name: 'remove a member', actingAs: SENIOR, action: { kind: 'member.remove', userId: 'user-developer' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.equal(role(sb, 'user-developer'), undefined) },
  { name: 'set a project role', actingAs: LEAD, action: { kind: 'projectRole.set', projectId: PROD, userId: 'user-analyst', to: 'MEMBER' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.equal(projectRole(sb, PROD, 'user-analyst'), 'MEMBER') },
  { name: 'clear a project role where the identity has no access', actingAs: LEAD, action: { kind: 'projectRole.clear', projectId: STAGING, userId: 'user-engineering-lead' },
    expect: { status: 'refused', rule: 'insufficient-role', confirmations: [] }, effect: sb => assert.equal(projectRole(sb, STAGING, 'user-engineering-lead'), 'NONE') },
  { name: 'create a key where the identity has no access', actingAs: LEAD, action: { kind: 'apiKey.create', projectId: STAGING, note: 'worker-staging' },
    expect: { status: 'refused', rule: 'insufficient-role', confirmations: [] }, effect: sb => assert.equal(keys(sb, STAGING).length, 1) },
  { name: 'create a key', actingAs: LEAD, action: { kind: 'apiKey.create', projectId: PROD, note: 'worker-production' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.ok(keys(sb, PROD).some(k => k.note === 'worker-production')) },
  { name: 'revoke a key as a MEMBER', actingAs: DEV, action: { kind: 'apiKey.revoke', projectId: PROD, keyId: 'key-production-chatbot' },
    expect: { status: 'refused', rule: 'insufficient-role', confirmations: [] }, effect: sb => assert.ok(sb.store.apiKeys.has('key-production-chatbot')) },
  { name: 'revoke a key', actingAs: SENIOR, action: { kind: 'apiKey.revoke', projectId: PROD, keyId: 'key-production-chatbot' },
    expect: { status: 'done', rule: 'allowed', confirmations: ['change'] }, effect: sb => assert.ok(!sb.store.apiKeys.has('key-production-chatbot')) },
  { name: 'any change without an acting identity', actingAs: undefined, action: { kind: 'member.changeRole', userId: 'user-developer', to: 'VIEWER' },
    expect: { status: 'refused', rule: 'no-identity', confirmations: [] }, effect: sb => assert.equal(role(sb, 'user-developer'), 'MEMBER') },
  { name: 'rotate a key where the identity has no access: refused before anything is created', actingAs: LEAD, action: 'rotate-staging',
    expect: { status: 'refused', rule: 'insufficient-role', confirmations: [] }, effect: sb => assert.equal(keys(sb, STAGING).length, 1) },
  { name: 'rotate a key (the plan is accepted; nothing is created before run())', actingAs: SENIOR, action: 'rotate-staging',
    expect: { status: 'started', rule: 'allowed', confirmations: ['rotation-start'] }, effect: sb => assert.equal(keys(sb, STAGING).length, 1) },
];

/** An audit entry without what differs between two runs by nature: sequence, time, chain, machine, the tool itself. */
function comparable(entries: AuditEntry[], sb: SandboxHandle, dir: string): unknown[] {
  const host = new URL(sb.url).host;
  return entries.map(e => JSON.parse(JSON.stringify({ identity: e.actor.identity, action: e.action, outcome: e.outcome, resource: e.resource, details: e.details })
    .replaceAll(host, '<sandbox>').replaceAll(dir, '<dir>').replace(/"id":"c[a-z0-9]{20,30}"/g, '"id":"<created>"').replace(/rot-\d{8}-\d{6}-[0-9a-f]+/g, '<rotation>')
    .replace(/"(id|name)":"(key-[^"]+|pk-lf-[0-9a-f-]{36})"/g, (m, k, v) => v.startsWith('key-') && /^key-(acme|production|staging|analytics)/.test(v) ? m : `"${k}":"<created>"`)
    .replace(/sk-lf-…[0-9a-z]{4}/g, 'sk-lf-…<created>')
    // Each sandbox dates the acme world from its own start, so a key's createdAt differs by the milliseconds between the two runs.
    .replace(/"createdAt":"[^"]+"/g, '"createdAt":"<sandbox start>"')));
}

async function runOn(edge: Edge, row: Row) {
  // Both edges run on a sandbox started at the same instant: the world's dates (relative to the start) agree to the millisecond.
  const sb = await startSandbox({ clock: clockStartingAt(SANDBOX_START) });
  const run = edgeRun(edge, row.actingAs);
  try {
    const session = new SessionHost(run.port).session({ id: 'acme', name: 'Acme Corp', baseUrl: sb.url, pair: sb.credentials.organization });
    let status: string;
    let rule: string;
    if (row.action === 'rotate-staging') {
      fs.mkdirSync(run.stateDir, { recursive: true }); // the target's folder (a missing folder is refused before anything is created)
      const rotations = await session.rotations();
      try {
        const r = await rotations.start({
          mode: 'normal', connection: { id: 'acme', name: 'Acme Corp', baseUrl: sb.url }, project: { name: 'staging-chatbot' },
          oldPublicKey: sb.credentials.projects['staging-chatbot'].publicKey, targets: [`env:${run.stateDir}/app.env`], workspaceTrusted: true,
        });
        ({ status } = r);
        rule = 'decision' in r ? r.decision.rule : r.rule;
      } finally {
        rotations.close();
      }
    } else {
      const outcome = await session.perform(row.action);
      status = outcome.status;
      rule = outcome.decision.rule;
    }
    row.effect?.(sb);
    return { status, rule, confirmations: run.confirmations, refusals: run.refusals, audit: comparable(run.audit(), sb, run.stateDir), tools: [...new Set(run.audit().map(e => e.actor.tool))] };
  } finally {
    run.dispose();
    await sb.close();
  }
}

describe('session: every action through the extension port and the CLI port', function () {
  this.timeout(30_000);
  after(async () => closeAllHostGates());

  for (const row of rows) {
    it(row.name, async () => {
      const ext = await runOn('extension', row);
      const cli = await runOn('cli', row);
      assert.deepEqual({ status: ext.status, rule: ext.rule, confirmations: ext.confirmations }, row.expect, 'the extension edge');
      assert.deepEqual({ status: cli.status, rule: cli.rule, confirmations: cli.confirmations }, row.expect, 'the CLI edge');
      assert.deepEqual(cli.refusals, ext.refusals, 'the same refusal');
      assert.ok(ext.audit.length > 0, 'the extension audited it');
      assert.deepEqual(cli.audit, ext.audit, 'identical audit entries apart from the tool');
      assert.deepEqual(ext.tools, ['extension']);
      assert.deepEqual(cli.tools, ['cli']);
      if (row.expect.status === 'refused') assert.match(ext.refusals[0], /./, 'the refusal is shown');
    });
  }
});
