// Apply is as safe as the Access view: a change made by another admin between plan and apply is
// refused, not overwritten; the last OWNER stays; the acting identity's role and "no grant above
// one's own role" hold; OWNER/ADMIN grants are asked twice; without --yes and without a terminal
// nothing changes; a saved plan of another text is refused. CLI commands against the sandbox.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccessPlan } from '../../../src/core/accessAsCode';
import { sarifValidator } from '../../support/sarifValidator';
import { startAacHarness, type AacHarness } from './support/harness';

const ORG_ROLE = (h: AacHarness, email: string) => h.sandbox.store.orgMemberships.get([...h.sandbox.store.users.values()].find(u => u.email === email)!.id);

describe('access as code: guards, moved state and consent (CLI, sandbox)', function () {
  this.timeout(60_000);
  let h: AacHarness;
  beforeEach(async () => {
    h = await startAacHarness();
    const r = await h.run('export', ['--connection', 'acme']);
    assert.equal(r.code, 0, r.err);
  });
  afterEach(async () => { await h.close(); });

  it('a change made by another admin between plan and apply is refused by apply, not overwritten; the rest applies', async () => {
    h.edit('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: MEMBER}');
    h.edit('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: VIEWER}');
    const plan = await h.run('plan', ['--out', 'plan.json']);
    assert.equal(plan.code, 0, plan.err);
    await h.api('PUT', '/api/public/organizations/memberships', { userId: 'user-senior-dev', role: 'VIEWER' });
    const apply = await h.run('apply', ['--plan', 'plan.json', '--yes']);
    assert.equal(apply.code, 1);
    assert.match(apply.out, /\[refused \(moved since the plan\)\] Change senior-dev@acme\.com's organization role from ADMIN to MEMBER\. — moved since the plan: live was ADMIN, now VIEWER\. Plan again\./);
    assert.match(apply.out, /\[done\] Change developer@acme\.com's organization role from MEMBER to VIEWER\./);
    assert.match(apply.out, /Someone changed access since the plan was made: plan again/);
    assert.equal(ORG_ROLE(h, 'senior-dev@acme.com'), 'VIEWER', "the other admin's change stays");
    assert.equal(ORG_ROLE(h, 'developer@acme.com'), 'VIEWER');
  });

  it('removing or demoting the last OWNER through the file is refused in plan and in apply', async () => {
    h.edit('{email: engineering-lead@acme.com, role: OWNER}', '{email: engineering-lead@acme.com, role: ADMIN}');
    const plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    assert.equal(plan.changes.length, 1);
    assert.equal(plan.changes[0].verdict.status, 'refused');
    assert.equal(plan.changes[0].verdict.rule, 'last-owner');
    assert.match((await h.run('plan')).out, /REFUSED: engineering-lead@acme\.com is the organization's last OWNER/);
    const apply = await h.run('apply', ['--yes']);
    assert.equal(apply.code, 1);
    assert.match(apply.out, /\[refused\] Change engineering-lead@acme\.com's organization role from OWNER to ADMIN\. — engineering-lead@acme\.com is the organization's last OWNER/);
    assert.equal(ORG_ROLE(h, 'engineering-lead@acme.com'), 'OWNER');
    // Leaving the owner out of an exhaustive list: the removal is refused the same way.
    h.edit(/ *- \{email: engineering-lead@acme\.com, role: ADMIN\}[^\n]*\n/, '');
    h.edit('    members:\n      - {email: engineering-lead@acme.com, role: NONE} # Erin Lead\n    keys:', '    members: []\n    keys:');
    h.edit(/ *- \{email: engineering-lead@acme\.com, role: NONE\}[^\n]*\n/, '');
    h.edit('  exhaustive: false\n  members:', '  exhaustive: true\n  members:');
    const removalRun = await h.run('plan', ['--format', 'json']);
    assert.equal(removalRun.code, 0, removalRun.err);
    const removal = JSON.parse(removalRun.out) as AccessPlan;
    const remove = removal.changes.find(c => c.kind === 'member.remove')!;
    assert.equal(remove.email, 'engineering-lead@acme.com');
    assert.equal(remove.verdict.rule, 'last-owner');
    assert.equal((await h.run('apply', ['--yes', '--allow-destroy'])).code, 1);
    assert.equal(ORG_ROLE(h, 'engineering-lead@acme.com'), 'OWNER');
  });

  it('a second OWNER first, then the old one demoted: allowed in that order; the OWNER grant is asked twice', async () => {
    h.edit('{email: engineering-lead@acme.com, role: OWNER}', '{email: engineering-lead@acme.com, role: ADMIN}');
    h.edit('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: OWNER}');
    const plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    // The guards ask twice for every OWNER or ADMIN grant, a demotion to ADMIN included.
    assert.deepEqual(plan.changes.map(c => [c.email, c.to, c.verdict.status]), [['senior-dev@acme.com', 'OWNER', 'confirm-twice'], ['engineering-lead@acme.com', 'ADMIN', 'confirm-twice']]);
    const apply = await h.run('apply', ['--yes']);
    assert.equal(apply.code, 0, apply.out + apply.err);
    assert.match(apply.err, /Are you sure\? senior-dev@acme\.com will become OWNER of the organization\. .* Yes \(--yes\)\./);
    assert.equal(ORG_ROLE(h, 'senior-dev@acme.com'), 'OWNER');
    assert.equal(ORG_ROLE(h, 'engineering-lead@acme.com'), 'ADMIN');
  });

  it("the acting identity's role decides: a MEMBER changes nothing; an ADMIN cannot grant OWNER", async () => {
    h.edit('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: OWNER}');
    const asMember = JSON.parse((await h.run('plan', ['--format', 'json'], { LANGFUSE_ACCESS_ACTING_AS: 'developer@acme.com' })).out) as AccessPlan;
    assert.equal(asMember.changes[0].verdict.rule, 'insufficient-role');
    assert.deepEqual(asMember.changes[0].verdict.askWhom, ['engineering-lead@acme.com', 'senior-dev@acme.com']);
    const asAdmin = JSON.parse((await h.run('plan', ['--format', 'json'], { LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' })).out) as AccessPlan;
    assert.equal(asAdmin.changes[0].verdict.rule, 'grant-above-own');
    const apply = await h.run('apply', ['--yes'], { LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' });
    assert.equal(apply.code, 1);
    assert.equal(ORG_ROLE(h, 'developer@acme.com'), 'MEMBER');
    const audit = fs.readFileSync(path.join(h.stateDir, 'audit.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l));
    assert.ok(audit.some(e => e.action === 'access.apply.change' && e.outcome === 'refused' && /cannot grant OWNER/.test(e.details.reason)), 'the refusal is audited');
  });

  it('without --yes and without a terminal, apply changes nothing', async () => {
    h.edit('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: VIEWER}');
    const apply = await h.run('apply');
    assert.equal(apply.code, 1);
    assert.match(apply.err, /Not confirmed: no terminal and no --yes\./);
    assert.match(apply.out, /Nothing was changed: the plan was not confirmed\./);
    assert.equal(ORG_ROLE(h, 'developer@acme.com'), 'MEMBER');
  });

  it('a saved plan is refused once the access file changed; a plan file that is not a plan is a usage error', async () => {
    h.edit('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: VIEWER}');
    await h.run('plan', ['--out', 'plan.json']);
    h.edit('{email: developer@acme.com, role: VIEWER}', '{email: developer@acme.com, role: NONE}');
    const apply = await h.run('apply', ['--plan', 'plan.json', '--yes']);
    assert.equal(apply.code, 1);
    assert.match(apply.out, /Apply refused: .*access\.yaml changed since the plan was made/);
    assert.equal(ORG_ROLE(h, 'developer@acme.com'), 'MEMBER');
    fs.writeFileSync(path.join(h.repo, 'bogus.json'), '{"format":"something else"}');
    const bogus = await h.run('apply', ['--plan', 'bogus.json', '--yes']);
    assert.equal(bogus.code, 2);
    assert.match(bogus.err, /is not a plan of this tool/);
  });

  it('exit codes: --detailed-exitcode is 1 for a usage error; plain usage errors are 2; a file naming an unknown connection is 2', async () => {
    assert.equal((await h.run('plan', ['--detailed-exitcode', '--format', 'yaml'])).code, 1);
    assert.equal((await h.run('plan', ['--format', 'yaml'])).code, 2);
    h.edit(/^connection: acme$/m, 'connection: not-mine');
    const unknown = await h.run('plan');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /There is no connection "not-mine"/);
    assert.equal((await h.run('plan', ['--detailed-exitcode'])).code, 1);
  });

  it('Markdown fits a pull-request comment and SARIF is a valid log with one result per change on its line', async () => {
    h.edit('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: VIEWER}');
    const md = (await h.run('plan', ['--format', 'markdown'])).out;
    assert.match(md, /^### Langfuse access plan — Plan: 0 to add, 1 to change, 0 to destroy\./);
    assert.match(md, /\| ✏️ \| Change developer@acme\.com's organization role from MEMBER to VIEWER\. \| MEMBER \| VIEWER \| ✅ allowed \| \d+ \|/);
    const sarif = JSON.parse((await h.run('plan', ['--format', 'sarif'])).out) as { runs: { results: { ruleId: string; locations: any[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const [result] = sarif.runs[0].results.filter(r => r.ruleId.startsWith('access-drift/'));
    assert.equal(result.ruleId, 'access-drift/member.role');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, '.langfuse/access.yaml');
    const line = h.read().split('\n')[result.locations[0].physicalLocation.region.startLine - 1];
    assert.match(line, /developer@acme\.com, role: VIEWER/);
  });
});
