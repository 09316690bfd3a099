// What "done" looks like, against the sandbox over real HTTP with the real CLI commands: export →
// plan empty; edit the file (a role, a new member by email, a NONE override, a declared key missing,
// an overdue key declared rotate: auto, an undeclared key in an exhaustive list) → plan lists exactly
// those changes → apply → plan empty; the sandbox matches the file; the new secrets are in their
// stores and nowhere else.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccessPlan } from '../../../src/core/accessAsCode';
import { filesHolding, PROD, startAacHarness, type AacHarness } from './support/harness';

describe('access as code: export → edit → plan → apply → plan without changes (CLI, sandbox)', function () {
  this.timeout(60_000);
  let h: AacHarness;
  before(async () => { h = await startAacHarness(); });
  after(async () => { await h.close(); });

  it('export writes the live organization; plan right after shows no changes (exit 0 with --detailed-exitcode)', async () => {
    const workspaceSections = 'version: 1\n# which project each environment uses\nenvironments:\n  production:\n    project: production-chatbot\n    files: [".env.production"]\nrotation:\n  maxAgeDays: 90\n';
    fs.mkdirSync(path.dirname(h.file), { recursive: true });
    h.write(workspaceSections);
    const exported = await h.run('export', ['--connection', 'acme']);
    assert.equal(exported.code, 0, exported.err);
    const text = h.read();
    assert.ok(text.includes('# which project each environment uses\nenvironments:\n  production:\n    project: production-chatbot\n    files: [".env.production"]\nrotation:\n  maxAgeDays: 90\n'), 'the workspace sections are kept byte for byte');
    assert.match(text, /^connection: acme$/m);
    assert.match(text, /- \{email: engineering-lead@acme\.com, role: OWNER\} # Erin Lead/);
    assert.match(text, /note: chatbot-production # pk-lf-b1000000-0000-4000-8000-000000000001, created \d{4}-\d\d-\d\d\n\s+environment: production\n\s+stores: \[env:\.env\.production\]\n\s+rotate: manual/);
    assert.ok(!/sk-lf-/.test(text), 'no secret in the access file');
    const plan = await h.run('plan', ['--detailed-exitcode']);
    assert.equal(plan.code, 0, plan.out + plan.err);
    assert.match(plan.out, /No changes\. The organization matches the file\./);
    assert.match(plan.out, /180 days old, over 90, and declared rotate: manual/, 'the overdue manual key is a warning, not a change');
  });

  it('plan lists exactly the edited drift, each with its guard verdict and line', async () => {
    await h.api('POST', '/api/public/projects/proj-production-chatbot/apiKeys', { note: 'forgotten-test-key' });
    fs.mkdirSync(path.join(h.repo, 'ci'));
    h.edit('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: MEMBER}');
    h.edit(/( {4}- \{email: senior-dev@acme\.com, role: MEMBER\}[^\n]*\n)/, '$1    - {email: newbie@acme.com, role: VIEWER}\n');
    h.edit(/( {2}production-chatbot:\n {4}exhaustive: false\n {4}members: )\[\]/, '$1[{email: developer@acme.com, role: NONE}]');
    h.edit('        stores: [env:.env.production]\n        rotate: manual', '        stores: [env:.env.production]\n        rotate: auto\n      - note: ci-production\n        stores: [env:ci/.env.ci]\n        rotate: manual');
    h.edit(/( {2}production-chatbot:\n {4}exhaustive: )false/, '$1true');
    const run = await h.run('plan', ['--format', 'json', '--detailed-exitcode']);
    assert.equal(run.code, 2, run.err);
    const plan = JSON.parse(run.out) as AccessPlan;
    const got = plan.changes.map(c => `${c.kind} ${c.id} ${c.verdict.status}`);
    assert.deepEqual(got, [
      'member.add org/member/newbie@acme.com allowed',
      'projectRole.set project/production-chatbot/member/developer@acme.com allowed',
      'key.create project/production-chatbot/key/ci-production allowed',
      'key.rotate project/production-chatbot/key/chatbot-production allowed',
      'member.role org/member/senior-dev@acme.com allowed',
      `key.revoke project/production-chatbot/keyId/${plan.changes.find(c => c.kind === 'key.revoke')!.keyId} allowed`,
    ]);
    const lines = h.read().split('\n');
    for (const c of plan.changes) assert.ok(c.at && c.at.line >= 1, `${c.id} has a line`);
    assert.match(lines[plan.changes.find(c => c.kind === 'member.role')!.at!.line - 1], /senior-dev@acme\.com, role: MEMBER/);
    assert.ok(plan.changes.find(c => c.kind === 'key.revoke')!.destroy);
    const text = await h.run('plan');
    assert.match(text.out, /Plan: 3 to add, 2 to change, 1 to destroy\./);
    assert.match(text.out, /Set developer@acme\.com's project role in production-chatbot to NONE: no access to production-chatbot/);
  });

  it('apply --yes converges, but revokes only with --allow-destroy; then plan shows no changes', async () => {
    const first = await h.run('apply', ['--yes']);
    assert.equal(first.code, 1, 'the revoke was left out');
    assert.match(first.out, /\[skipped\] Revoke pk-lf-[^ ]+ \("forgotten-test-key"\)/);
    assert.match(first.out, /apply again with --allow-destroy/);
    const second = await h.run('apply', ['--yes', '--allow-destroy']);
    assert.equal(second.code, 0, second.out + second.err);
    assert.match(second.out, /\[done\] Revoke/);
    const plan = await h.run('plan', ['--detailed-exitcode']);
    assert.equal(plan.code, 0, plan.out);
  });

  it('the sandbox holds what the file says', () => {
    const store = h.sandbox.store;
    const byEmail = (e: string) => [...store.users.values()].find(u => u.email === e)!;
    assert.equal(store.orgMemberships.get(byEmail('senior-dev@acme.com').id), 'MEMBER');
    assert.equal(store.orgMemberships.get(byEmail('newbie@acme.com').id), 'VIEWER');
    assert.equal(store.projectRoles('proj-production-chatbot').get(byEmail('developer@acme.com').id), 'NONE');
    const prodKeys = [...store.apiKeys.values()].filter(k => k.projectId === 'proj-production-chatbot');
    assert.deepEqual(prodKeys.map(k => k.note).sort(), ['chatbot-production', 'ci-production']);
    assert.ok(!prodKeys.some(k => k.publicKey === PROD.publicKey), 'the overdue key was rotated away');
    assert.ok(![...store.apiKeys.values()].some(k => k.note === 'forgotten-test-key'), 'the undeclared key was revoked');
  });

  it('the new secrets are in their declared stores and nowhere else (canary scan of the whole temp folder)', () => {
    const prodKeys = [...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === 'proj-production-chatbot');
    const ci = prodKeys.find(k => k.note === 'ci-production')!;
    const rotated = prodKeys.find(k => k.note === 'chatbot-production')!;
    assert.deepEqual(filesHolding(h.dir, ci.secretKey), ['repo/ci/.env.ci']);
    assert.deepEqual(filesHolding(h.dir, rotated.secretKey), ['repo/.env.production']);
    assert.equal(fs.statSync(path.join(h.repo, 'ci', '.env.ci')).mode & 0o777, 0o600);
    assert.ok(fs.existsSync(path.join(h.stateDir, 'applies')), 'the applies were journaled');
    const audit = fs.readFileSync(path.join(h.stateDir, 'audit.jsonl'), 'utf8');
    for (const action of ['access.export', 'access.apply', 'member.add', 'member.changeRole', 'projectRole.set', 'apiKey.revoke', 'rotation.completed']) assert.ok(audit.includes(`"action":"${action}"`), `audited: ${action}`);
  });
});
