import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import type { AccessNode } from '../../../src/core/org/accessNodes';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/index';
import { activateExtension, auditLines, sandboxCredentials, sandboxGet, sandboxPut, ScriptedPrompter, scriptedSandboxSuite, sleep, waitFor } from './helpers';
import { treeRows } from './treeRows';

let api: ExtensionApi;
let ui: ScriptedPrompter;

const rows = (node?: AccessNode) => treeRows(api, node);

async function find(pathLabels: string[], connectionId = 'local-sandbox') {
  let current = (await rows()).find(r => r.node.connectionId === connectionId && r.node.kind === 'connection');
  assert.ok(current, `connection ${connectionId}`);
  for (const label of pathLabels) {
    const children = await rows(current.node);
    const next = children.find(r => r.label === label);
    assert.ok(next, `"${label}" under "${current.label}" (have: ${children.map(c => c.label).join(', ')})`);
    current = next;
  }
  return current;
}

const memberRow = async (project: string, name: string) => find(['Organization', project, 'Members', name]);

describe('access tree on the Acme sandbox', () => {
  scriptedSandboxSuite((a, u) => { api = a; ui = u; a.services.tree.refresh(); });

  it('shows organization → projects → members with effective roles', async () => {
    const org = await find(['Organization']);
    // The name comes from a project key of the sandbox's credentials file (an organization key cannot tell it).
    assert.strictEqual(org.description, 'Acme Corp · 3 projects · you: OWNER');
    const projects = (await rows(org.node)).map(r => r.label);
    assert.deepStrictEqual(projects, ['Members', 'Organization API keys', 'analytics-readonly', 'production-chatbot', 'staging-chatbot']);
    const prod = await rows((await find(['Organization', 'production-chatbot', 'Members'])).node);
    assert.deepStrictEqual(prod.map(r => `${r.label}: ${r.description}`), [
      'Erin Lead: engineering-lead@acme.com · OWNER (from organization)',
      'Sam Senior: senior-dev@acme.com · ADMIN (from organization)',
      'Dana Developer: developer@acme.com · MEMBER (from organization)',
    ]);
    const staging = await rows((await find(['Organization', 'staging-chatbot', 'Members'])).node);
    assert.ok(staging.some(r => r.label === 'Erin Lead' && r.description.includes('no access (override)')));
    const analytics = await rows((await find(['Organization', 'analytics-readonly', 'Members'])).node);
    assert.ok(analytics.some(r => r.label === 'Dora Data' && r.description.includes('ADMIN (project role; organization NONE)')));
    assert.ok(analytics.some(r => r.label === 'Alex Analyst' && r.description.includes('VIEWER')));
    const tip = (await memberRow('production-chatbot', 'Sam Senior')).tooltip;
    assert.match(tip, /Manage members/);
    assert.match(tip, /apiKeys:CUD/);
  });

  it('lists API keys with note, age and masked secret, and warns about an overdue key', async () => {
    const keys = await rows((await find(['Organization', 'production-chatbot', 'API keys'])).node);
    assert.strictEqual(keys.length, 1);
    assert.strictEqual(keys[0].label, 'pk-lf-b100…0001');
    // The acme world is dated from the sandbox's start: this key is 180 days old on any date.
    const [served] = (await sandboxGet('/api/public/projects/proj-production-chatbot/apiKeys')).apiKeys;
    assert.strictEqual(keys[0].description, `chatbot-production · created ${served.createdAt.slice(0, 10)} · 180 days old, overdue by 90 days · sk-lf-…0001`);
    // Issue 20 item 1: a screen reader hears the state the warning icon shows, not the long tooltip.
    assert.strictEqual(keys[0].spoken, 'API key pk-lf-b100…0001 of production-chatbot, note chatbot-production, 180 days old, overdue by 90 days, secret ending 0001');
    const every = async (node?: AccessNode): Promise<string[]> => {
      const found: string[] = [];
      for (const r of await rows(node)) found.push(`${r.label}: ${r.spoken ?? 'NONE'}`, ...(r.collapsible ? await every(r.node) : []));
      return found;
    };
    const spoken = await every();
    assert.ok(spoken.every(s => !s.endsWith(': NONE')), spoken.filter(s => s.endsWith(': NONE')).join(' | '));
    // The row's actions come with the acting identity's permissions, which may arrive after the first render.
    const withActions = await waitFor('the key row to offer its actions', async () => {
      const [row] = await rows((await find(['Organization', 'production-chatbot', 'API keys'])).node);
      return row?.contextValue?.includes('+') ? row : undefined;
    });
    assert.strictEqual(withActions.contextValue, 'apiKey:overdue+revokeKey+rotateKey');
    assert.match(keys[0].tooltip, /older than the 90-day rotation policy/);
    const orgKeys = await rows((await find(['Organization', 'Organization API keys'])).node);
    // The sandbox dates the acme world from its start: the organization key is 88 days old on any date, inside the 90-day policy.
    assert.strictEqual(orgKeys[0].contextValue, 'orgApiKey');
    assert.match(orgKeys[0].description, / · 88 days old · sk-lf-…0001$/);
    const all = JSON.stringify([...keys, ...orgKeys]);
    assert.ok(!all.includes('sk-lf-demo-'), 'no secret in the tree');
  });

  it('changes an organization role after confirmation, and the sandbox and audit log agree', async () => {
    const dev = await find(['Organization', 'Members', 'Dana Developer']);
    ui.answer({ pick: 'VIEWER' }, { confirm: true });
    const before = auditLines().length;
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.changeOrgRole', dev.node), true);
    const live = await sandboxGet('/api/public/organizations/memberships');
    assert.strictEqual(live.memberships.find((m: any) => m.email === 'developer@acme.com').role, 'VIEWER');
    const entry = auditLines().slice(before).find(e => e.action === 'member.changeRole');
    assert.ok(entry);
    assert.strictEqual(entry.outcome, 'success');
    assert.deepStrictEqual(entry.details, { from: 'MEMBER', to: 'VIEWER' });
    assert.strictEqual(entry.actor.identity, 'engineering-lead@acme.com');
    const again = await memberRow('production-chatbot', 'Dana Developer');
    assert.match(again.description, /VIEWER \(from organization\)/);
    await sandboxPut('/api/public/organizations/memberships', { userId: live.memberships.find((m: any) => m.email === 'developer@acme.com').userId, role: 'MEMBER' });
  });

  it('never removes or demotes the last OWNER', async () => {
    const lead = await find(['Organization', 'Members', 'Erin Lead']);
    assert.doesNotMatch(lead.contextValue ?? '', /changeRole|removeMember/, 'the menu offers neither');
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.changeOrgRole', lead.node), false);
    assert.ok(!ui.asked.some(a => a.kind === 'pick'), 'refused before a role was asked for');
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.removeMember', lead.node), false);
    const refusals = ui.asked.filter(a => a.kind === 'refuse');
    assert.strictEqual(refusals.length, 2);
    assert.match(refusals[0].text, /last OWNER/);
    const live = await sandboxGet('/api/public/organizations/memberships');
    assert.strictEqual(live.memberships.find((m: any) => m.email === 'engineering-lead@acme.com').role, 'OWNER');
    assert.ok(auditLines().some(e => e.action === 'member.remove' && e.outcome === 'refused'));
  });

  it('checks the acting identity\'s effective project role: an OWNER with project role NONE cannot manage that project', async () => {
    const dev = await memberRow('staging-chatbot', 'Dana Developer');
    assert.strictEqual(dev.contextValue, 'projectMember:inherited', 'no role action is offered');
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setProjectRole', dev.node), false);
    assert.match(ui.asked.find(a => a.kind === 'refuse')!.text, /engineering-lead@acme\.com is NONE in staging-chatbot.*→ ask: senior-dev@acme\.com$/);
  });

  it('refuses actions beyond the acting identity\'s role and names who could grant them', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update('langfuseAccess.actingAs', 'developer@acme.com', vscode.ConfigurationTarget.Global);
    try {
      const analyst = await memberRow('analytics-readonly', 'Alex Analyst');
      assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setProjectRole', analyst.node), false);
      assert.match(ui.asked.find(a => a.kind === 'refuse')!.text, /^Permission denied: insufficient role\. developer@acme\.com is NONE in analytics-readonly.*→ ask: data-lead@acme\.com$/);
    } finally {
      await config.update('langfuseAccess.actingAs', 'engineering-lead@acme.com', vscode.ConfigurationTarget.Global);
    }
  });

  it('sets and clears a project role override', async () => {
    const dev = await memberRow('production-chatbot', 'Dana Developer');
    ui.answer({ pick: 'VIEWER' }, { confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setProjectRole', dev.node), true);
    const overrides = await sandboxGet('/api/public/projects/proj-production-chatbot/memberships');
    assert.strictEqual(overrides.memberships.find((m: any) => m.email === 'developer@acme.com').role, 'VIEWER');
    const changed = await memberRow('production-chatbot', 'Dana Developer');
    assert.match(changed.description, /VIEWER \(project role; organization MEMBER\)/);
    assert.strictEqual(changed.contextValue, 'projectMember:override+setRole');
    ui.answer({ confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.resetProjectRole', changed.node), true);
    const after = await sandboxGet('/api/public/projects/proj-production-chatbot/memberships');
    assert.ok(!after.memberships.some((m: any) => m.email === 'developer@acme.com'));
  });

  it('asks twice before granting ADMIN', async () => {
    const dev = await memberRow('production-chatbot', 'Dana Developer');
    ui.answer({ pick: 'ADMIN' }, { confirm: true }, { confirm: false });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.setProjectRole', dev.node), false);
    assert.match(ui.asked.filter(a => a.kind === 'confirm')[1].text, /^Are you sure\? developer@acme\.com will become ADMIN of production-chatbot/);
    const overrides = await sandboxGet('/api/public/projects/proj-production-chatbot/memberships');
    assert.ok(!overrides.memberships.some((m: any) => m.email === 'developer@acme.com'), 'nothing changed');
  });

  it('adds a member by email through SCIM, and offers a role change when they are already a member', async () => {
    const org = await find(['Organization']);
    ui.answer({ input: 'contractor@example.com' }, { pick: 'VIEWER' }, { confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.addMember', org.node), true);
    const live = await sandboxGet('/api/public/organizations/memberships');
    assert.strictEqual(live.memberships.find((m: any) => m.email === 'contractor@example.com')?.role, 'VIEWER');
    ui.answer({ input: 'contractor@example.com' }, { pick: 'MEMBER' }, { confirm: true }, { choose: 'Change Role Instead' }, { pick: 'MEMBER' }, { confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.addMember', org.node), true);
    assert.match(ui.asked.find(a => a.kind === 'choose')!.text, /already a member of this organization \(VIEWER\)/);
    const after = await sandboxGet('/api/public/organizations/memberships');
    assert.strictEqual(after.memberships.find((m: any) => m.email === 'contractor@example.com')?.role, 'MEMBER');
    const member = (await find(['Organization', 'Members', 'Casey Contractor'])).node;
    ui.answer({ confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.removeMember', member), true);
  });

  it('creates a key, hands its secret over once into SecretStorage, then revokes it', async () => {
    const keysGroup = await find(['Organization', 'production-chatbot', 'API keys']);
    ui.answer({ input: 'worker-production' }, { confirm: true }, { choose: 'Store in SecretStorage' });
    const publicKey = await vscode.commands.executeCommand<string>('langfuseAccess.createApiKey', keysGroup.node);
    assert.ok(publicKey?.startsWith('pk-lf-'));
    const stored = JSON.parse((await api.services.context.secrets.get(`langfuseAccess/key/${publicKey}`))!);
    assert.strictEqual(stored.projectName, 'production-chatbot');
    assert.ok(stored.secretKey.startsWith('sk-lf-'));
    const live = await sandboxGet('/api/public/projects/proj-production-chatbot/apiKeys');
    const created = live.apiKeys.find((k: any) => k.publicKey === publicKey);
    assert.strictEqual(created.note, 'worker-production');
    const auditText = fs.readFileSync(path.join(process.env.XDG_STATE_HOME!, 'langfuse-access', 'audit.jsonl'), 'utf8');
    assert.ok(!auditText.includes(stored.secretKey), 'the secret is not in the audit log');
    assert.ok(!JSON.stringify(ui.asked).includes(stored.secretKey), 'the secret was never put on screen');

    const keyRow = (await rows(keysGroup.node)).find(r => r.label.endsWith(publicKey.slice(-4)) && r.description.startsWith('worker-production'));
    assert.ok(keyRow);
    ui.answer({ confirm: true });
    assert.strictEqual(await vscode.commands.executeCommand('langfuseAccess.revokeApiKey', keyRow.node), true);
    assert.match(ui.asked.filter(a => a.kind === 'confirm').pop()!.text, /Revoke the API key pk-lf-.* of production-chatbot\?/);
    const afterRevoke = await sandboxGet('/api/public/projects/proj-production-chatbot/apiKeys');
    assert.ok(!afterRevoke.apiKeys.some((k: any) => k.publicKey === publicKey));
    assert.strictEqual(await api.services.context.secrets.get(`langfuseAccess/key/${publicKey}`), undefined);
    const auth = Buffer.from(`${publicKey}:${stored.secretKey}`).toString('base64');
    const whoami = await fetch(new URL('/api/public/projects', sandboxCredentials().baseUrl), { headers: { Authorization: `Basic ${auth}` } });
    assert.strictEqual(whoami.status, 401, 'the revoked key stops working at once');
  });

  it('explains a member\'s access per project', async () => {
    const analyst = await find(['Organization', 'Members', 'Alex Analyst']);
    const md = await vscode.commands.executeCommand<string>('langfuseAccess.explainAccess', analyst.node);
    assert.match(md!, /\| analytics-readonly \| VIEWER \| project role VIEWER set on analytics-readonly, overriding organization NONE \|/);
    assert.match(md!, /\| production-chatbot \| no access \| inherited from organization role NONE \|/);
  });

  it('checks isolation with the workspace access file', async () => {
    const md = await vscode.commands.executeCommand<string>('langfuseAccess.checkIsolation', (await find(['Organization'])).node);
    assert.match(md!, /# Isolation check — Local sandbox with \.langfuse\/access\.yaml/);
  });
});

describe('long Access view work: progress and Cancel', () => {
  before(async () => { api = await activateExtension(); });
  beforeEach(() => { ui = new ScriptedPrompter(); api.services.ui = ui; });

  it('shows progress while checking isolation; Cancel stops the requests quietly and the next run is whole', async () => {
    const control = (what: string, init?: RequestInit) => fetch(new URL(`/__sandbox/${what}`, sandboxCredentials().baseUrl), init).then(r => r.json() as Promise<{ requests: number }>);
    const requests = async () => (await control('stats')).requests;
    // Each request waits LATENCY_MS at the sandbox: the organization, then every project (9 requests in two rounds).
    const LATENCY_MS = 300;
    // Loads the tree or key index started earlier have finished; the cache is dropped without a tree
    // refresh (which would start background loads): from here on only this command asks the sandbox.
    await api.services.keyIndex.rebuild();
    api.services.clients.peek('local-sandbox')?.invalidate();
    await control('faults', { method: 'PUT', body: JSON.stringify([{ kind: 'latency', ms: LATENCY_MS }]) });
    try {
      const before = await requests();
      const run = vscode.commands.executeCommand<string | undefined>('langfuseAccess.checkIsolation', { kind: 'connection', connectionId: 'local-sandbox' });
      const task = await waitFor('the progress notification', () => api.progress.running().find(t => /Checking the isolation of Local sandbox/.test(t.title)), 5000);
      assert.strictEqual(task.cancellable, true, 'it offers Cancel');
      await waitFor('the first request', async () => (await requests()) > before, 5000);
      task.cancel();
      assert.strictEqual(await run, undefined, 'no report from a cancelled run');
      const atCancel = await requests();
      await sleep(LATENCY_MS * 3);
      assert.strictEqual(await requests(), atCancel, 'no request after Cancel');
      assert.ok(atCancel - before < 9, `a whole run sends 9 requests; the cancelled one ${atCancel - before}`);
      assert.deepStrictEqual(ui.asked.filter(a => a.kind === 'failed' || a.kind === 'refuse'), [], 'a cancelled run shows no error');
      assert.deepStrictEqual(api.progress.running(), []);
    } finally {
      await control('faults', { method: 'DELETE' });
    }
    const md = await vscode.commands.executeCommand<string>('langfuseAccess.checkIsolation', { kind: 'connection', connectionId: 'local-sandbox' });
    assert.match(md!, /# Isolation check — Local sandbox/, 'nothing half-loaded was kept');
  });
});

describe('limited connections', () => {
  let oss: SandboxHandle;
  before(async () => {
    api = await activateExtension();
    oss = await startSandbox({ plan: 'oss' });
  });
  after(async () => {
    for (const id of ['oss-org', 'project-only', 'wrong-secret']) await api.services.connections.remove(id);
    await oss.close();
  });

  it('a plan without the admin API shows why, not an empty tree', async () => {
    await api.services.connections.save({ id: 'oss-org', name: 'Self-hosted OSS', baseUrl: oss.url }, oss.credentials.organization);
    const children = await rows((await rows()).find(r => r.node.connectionId === 'oss-org')!.node);
    assert.strictEqual(children.length, 1);
    assert.strictEqual(children[0].label, 'The plan does not include the admin API');
    assert.match(children[0].description, /Cloud Team, Cloud Enterprise and Self-hosted Enterprise/);
  });

  it('a project key shows its one project read-only with what an organization key would unlock', async () => {
    const pair = oss.credentials.projects['staging-chatbot'];
    await api.services.connections.save({ id: 'project-only', name: 'Staging project key', baseUrl: oss.url }, { publicKey: pair.publicKey, secretKey: pair.secretKey });
    const children = await rows((await rows()).find(r => r.node.connectionId === 'project-only')!.node);
    assert.deepStrictEqual(children.map(c => `${c.label} | ${c.description}`), [
      'staging-chatbot | project key · read-only',
      `Project key: read-only view of one project | Connect with an organization API key on Langfuse Cloud Team, Cloud Enterprise and Self-hosted Enterprise to see and manage members, projects and keys.`,
    ]);
  });

  it('a rejected key pair becomes an error row with "Fix Connection"', async () => {
    await api.services.connections.save({ id: 'wrong-secret', name: 'Wrong secret', baseUrl: oss.url }, { publicKey: oss.credentials.organization.publicKey, secretKey: 'sk-lf-canary-wrong-0000-0000-000000000000' });
    const children = await rows((await rows()).find(r => r.node.connectionId === 'wrong-secret')!.node);
    assert.strictEqual(children[0].label, 'Key pair rejected (wrong or revoked)');
    assert.strictEqual(children[0].contextValue, 'message:fixConnection');
    assert.ok(!children[0].description.includes('sk-lf-canary'), 'no secret in the error row');
  });
});
